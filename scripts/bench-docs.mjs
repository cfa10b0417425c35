// The post-mortems the benchmark types into, built in the browser's storage
// format (schema version 1, so every migration runs on load, as for an old
// file). Shared by scripts/bench.mjs and scripts/profile.mjs: a profile is
// only useful if it looks at the document the figures came from.


const FACTOR_CATEGORIES = ['technology', 'process', 'communication', 'organisation', 'external'];

/** A schema-v1 post-mortem with `n` timeline events and `factors` contributing factors. */
export function largeDoc(id, n, factors = 5) {
  const kinds = ['impact_start', 'detected', 'acknowledged', 'escalated', 'mitigated', 'communication', 'action', 'note'];
  const start = Date.parse('2026-03-02T09:00:00Z');
  const timeline = Array.from({ length: n }, (_, i) => ({
    id: `ev-${i}`,
    time: new Date(start + i * 7_000).toISOString().replace('.000Z', 'Z'),
    precision: i % 17 === 0 ? 'approximate' : 'exact',
    kind: i === n - 1 ? 'resolved' : kinds[i % kinds.length],
    description: `Event ${i}: queue depth on shard ${i % 32} at ${(i * 37) % 1000} messages; responder checked the consumer lag dashboard`,
    source: i % 5 === 0 ? `https://chat.example/archives/inc-42/p${1000 + i}` : '',
  }));
  return {
    schema: 'debrief/postmortem',
    version: 1,
    id,
    created: '2026-03-02T12:00:00Z',
    updated: '2026-03-02T12:00:00Z',
    context: { title: 'Payment queue backlog', summary: 'A large document for benchmarking.' },
    reason: {
      narrative: '',
      resolution: '',
      factors: Array.from({ length: factors }, (_, i) => ({
        id: `f-${i}`,
        description: `Factor ${i}: the consumer autoscaler on shard ${i} reacted to CPU rather than queue depth`,
        category: FACTOR_CATEGORIES[i % FACTOR_CATEGORIES.length],
      })),
    },
    timeline,
  };
}

/** `n` entries in every list the focus figures add to. */
export function listsDoc(id, n) {
  const doc = largeDoc(id, n, n);
  doc.remedy = {
    unknown: false,
    items: Array.from({ length: n }, (_, i) => ({
      id: `ri-${i}`,
      action: `Action ${i}: alert on queue depth for shard ${i % 32}`,
      owner: 'Payments on-call',
      factor_ids: [`f-${i}`],
    })),
  };
  doc.lessons = { helped: Array.from({ length: n }, (_, i) => ({ id: `ls-${i}`, text: `Lesson ${i}: the lag dashboard was one click away` })) };
  doc.questions = Array.from({ length: n }, (_, i) => ({
    id: `q-${i}`,
    area: 'aftermath',
    prompt: `Question ${i}: who else needed to know?`,
    answer: '',
    state: 'open',
    custom: true,
  }));
  doc.evidence = {
    notes: '',
    materials: [],
    conversations: Array.from({ length: n }, (_, i) => ({
      id: `cv-${i}`,
      when: new Date(Date.parse('2026-03-02T09:00:00Z') + i * 60_000).toISOString().replace('.000Z', 'Z'),
      participants: 'On-call, incident lead',
      link: '',
      excerpt: `09:${String(i % 60).padStart(2, '0')} lag is still climbing`,
    })),
  };
  return doc;
}
