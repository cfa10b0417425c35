// Journey: a fast typist adds entries by keyboard and never waits for the
// page. Right after Enter or "Add", the new entry has focus, and every key
// pressed straight after lands in it, in order, and reaches the export.
// Each list already holds 100 entries, and each add is repeated 20 times.
import { test, expect, type Page } from './fixtures';
import { EditorPage } from './pages/editor';

const N = 100;
test.describe.configure({ timeout: 120_000 });
// A trace snapshots the whole page at every action: with 500 entries on the
// page that, not the app, would be what is measured.
test.use({ trace: 'off' });
const REPEATS = 20;
/** 40 characters, different for every repetition, ending in a letter. */
const line = (list: string, i: number) =>
  `${list} entry ${String(i).padStart(2, '0')} typed without waiting abcdefghijklmnopqrstuvwxyz`.slice(0, 40);

function bigDoc(id: string) {
  const start = Date.parse('2026-03-02T09:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  return {
    schema: 'debrief/postmortem',
    version: 1,
    id,
    sections: ['context', 'timeline', 'regret', 'reason', 'remedy', 'lessons', 'questions', 'meeting', 'evidence', 'basics'],
    context: { title: 'Typing ahead', time_zone: 'UTC', started: iso(start) },
    timeline: Array.from({ length: N }, (_, i) => ({ id: `ev-${i}`, time: iso(start + i * 60_000), kind: 'note', description: `Seeded event ${i}` })),
    reason: { factors: Array.from({ length: N }, (_, i) => ({ id: `f-${i}`, description: `Seeded factor ${i}` })) },
    remedy: { items: Array.from({ length: N }, (_, i) => ({ id: `ri-${i}`, action: `Seeded item ${i}` })) },
    lessons: { helped: Array.from({ length: N }, (_, i) => ({ id: `ls-${i}`, text: `Seeded lesson ${i}` })) },
    questions: Array.from({ length: N }, (_, i) => ({ id: `q-${i}`, area: 'aftermath', prompt: `Seeded question ${i}`, answer: '', state: 'open', custom: true })),
    evidence: { conversations: Array.from({ length: N }, (_, i) => ({ id: `cv-${i}`, excerpt: `Seeded conversation ${i}` })) },
  };
}

async function open(page: Page, guard: ConstructorParameters<typeof EditorPage>[1]) {
  const app = new EditorPage(page, guard);
  await app.seed([bigDoc('ahead')]);
  await app.goto('#/pm/ahead');
  // 500 entries in full edit forms take a few seconds to open.
  await expect(app.field('Title')).toHaveValue('Typing ahead', { timeout: 30_000 });
  return app;
}

async function stored(page: Page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('debrief:pm:ahead')!).doc);
}

/** Types the 20 lines, each straight after `add` with no wait in between. */
async function typeAhead(page: Page, list: string, add: () => Promise<void>) {
  for (let i = 0; i < REPEATS; i++) {
    await add();
    await page.keyboard.type(line(list, i));
  }
}

test('lessons: Enter at the end of an entry starts the next, and typing lands in it', async ({ page, guard }) => {
  const app = await open(page, guard);
  const last = page.locator(`#lesson-helped-ls-${N - 1}`);
  await last.click();
  await page.keyboard.press('End');
  await typeAhead(page, 'lesson', () => page.keyboard.press('Enter'));
  await expect(app.saveIndicator).toHaveText(/Saved/);
  const texts: string[] = (await stored(page)).lessons.helped.map((e: { text: string }) => e.text);
  expect(texts.slice(N)).toEqual(Array.from({ length: REPEATS }, (_, i) => line('lesson', i)));
  expect(texts[N - 1]).toBe(`Seeded lesson ${N - 1}`);
  const md = await app.download('Download Markdown');
  for (let i = 0; i < REPEATS; i++) expect(md).toContain(line('lesson', i));
});

// Lists added to with a button: the new entry's main field takes the keys.
const byButton: Array<{ list: string; button: string; texts: (doc: any) => string[] }> = [
  { list: 'factor', button: 'Add contributing factor', texts: (d) => d.reason.factors.map((f: { description: string }) => f.description) },
  { list: 'item', button: 'Add remediation item', texts: (d) => d.remedy.items.map((x: { action: string }) => x.action) },
  { list: 'chat', button: 'Add conversation', texts: (d) => d.evidence.conversations.map((c: { excerpt: string }) => c.excerpt) },
];

for (const { list, button, texts } of byButton) {
  test(`${button}: typing right after the click lands in the new entry`, async ({ page, guard }) => {
    const app = await open(page, guard);
    if (list === 'chat') await app.openSection('Evidence and notes');
    const add = page.getByRole('button', { name: button });
    await typeAhead(page, list, () => add.click());
    await expect(app.saveIndicator).toHaveText(/Saved/);
    expect(texts(await stored(page)).slice(N)).toEqual(Array.from({ length: REPEATS }, (_, i) => line(list, i)));
    const md = await app.download('Download Markdown');
    for (let i = 0; i < REPEATS; i++) expect(md).toContain(line(list, i));
  });
}

test('questions: Enter on a new question moves to its answer, and typing lands there', async ({ page, guard }) => {
  const app = await open(page, guard);
  const draft = page.locator('#area-aftermath-new');
  await typeAhead(page, 'answer', async () => {
    await page.locator('#area-aftermath-add').click();
    await draft.click();
    await page.keyboard.type('Who else needed to know?');
    await page.keyboard.press('Enter');
  });
  await expect(app.saveIndicator).toHaveText(/Saved/);
  const answers: string[] = (await stored(page)).questions.map((q: { answer: string }) => q.answer);
  expect(answers.slice(N)).toEqual(Array.from({ length: REPEATS }, (_, i) => line('answer', i)));
  const md = await app.download('Download Markdown');
  for (let i = 0; i < REPEATS; i++) expect(md).toContain(line('answer', i));
});

test('timeline: time, Tab, text, Enter, and the next time straight away', async ({ page, guard }) => {
  const app = await open(page, guard);
  await page.locator('#timeline-new-time').click();
  // Every event typed straight after the previous Enter: keys only, no
  // waiting for the page in between.
  for (let i = 0; i < REPEATS; i++) {
    await page.keyboard.type(`12:${String(i).padStart(2, '0')}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type(line('event', i));
    await page.keyboard.press('Enter');
  }
  await expect(app.saveIndicator).toHaveText(/Saved/);
  const events: Array<{ description: string }> = (await stored(page)).timeline;
  const added = events.map((e) => e.description).filter((d) => d.startsWith('event entry'));
  expect(added).toEqual(Array.from({ length: REPEATS }, (_, i) => line('event', i)));
  const md = await app.download('Download Markdown');
  for (let i = 0; i < REPEATS; i++) expect(md).toContain(line('event', i));
});
