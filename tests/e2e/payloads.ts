// Hostile text for Debrief. A post-mortem is pasted together from chat logs,
// tickets and alerts, and files are passed around between teams, so every
// string the app shows may have been written by someone trying to run code in
// the reader's browser or to make it call home.
//
// Each payload that could run script sets `window.__pwned` and/or calls
// `alert()`; payloads that could only make the browser fetch something point
// at `tracker.example` or at a relative `x`, which the request guard would
// report. None of them may do anything in Debrief: the text must come back
// exactly as written, as text.

export type Payload = {
  /** Short name, used in test titles and failure messages. */
  name: string;
  text: string;
};

/** 100,000 characters on one line, with markup at both ends. */
const LONG_LINE = (() => {
  const head = '<img src=x onerror="window.__pwned=1">';
  const tail = '<script>window.__pwned=1</script>';
  return head + 'x'.repeat(100_000 - head.length - tail.length) + tail;
})();

export const PAYLOADS: Payload[] = [
  // ---- script elements
  { name: 'script tag', text: '<script>window.__pwned=1;alert(1)</script>' },
  { name: 'script tag, upper case with src', text: '<SCRIPT SRC=data:text/javascript,window.__pwned=1></SCRIPT>' },
  { name: 'script split by a null', text: '<scr\u0000ipt>window.__pwned=1</scr\u0000ipt>' },
  { name: 'closing textarea then script', text: '</textarea><script>window.__pwned=1</script>' },
  { name: 'closing title then script', text: '</title></option></select><script>alert(1)</script>' },

  // ---- event-handler attributes
  { name: 'img onerror', text: '<img src=x onerror="window.__pwned=1;alert(1)">' },
  { name: 'svg onload', text: '<svg onload=window.__pwned=1>' },
  { name: 'body onload', text: '<body onload=window.__pwned=1>' },
  { name: 'details ontoggle', text: '<details open ontoggle="window.__pwned=1">x</details>' },
  { name: 'autofocus onfocus', text: '<input autofocus onfocus=window.__pwned=1>' },
  { name: 'iframe srcdoc', text: '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>' },
  { name: 'object data URL', text: '<object data="data:text/html,<script>parent.__pwned=1</script>"></object>' },
  { name: 'meta refresh', text: '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">' },
  { name: 'form action', text: '<form action="javascript:window.__pwned=1"><button>Send</button></form>' },
  { name: 'base href', text: '<base href="javascript:window.__pwned=1//">' },
  { name: 'mutation XSS through math and style', text: '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>' },

  // ---- script URLs (link addresses, ticket fields)
  { name: 'javascript URL', text: 'javascript:window.__pwned=1;alert(1)' },
  { name: 'javascript URL, mixed case', text: 'JaVaScRiPt:window.__pwned=1' },
  { name: 'javascript URL, leading spaces', text: '   javascript:window.__pwned=1' },
  { name: 'javascript URL, tab inside the scheme', text: 'java\tscript:window.__pwned=1' },
  { name: 'javascript URL, entity-encoded', text: '&#106;avascript&colon;window.__pwned=1' },
  { name: 'javascript URL, percent-encoded', text: '%6A%61vascript:window.__pwned%3D1' },
  { name: 'data:text/html URL', text: 'data:text/html,<script>window.__pwned=1</script>' },
  { name: 'data:text/html base64 URL', text: 'DATA:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+' },
  { name: 'vbscript URL', text: 'vbscript:msgbox("pwned")' },
  { name: 'http URL with an attribute breakout', text: 'https://tracker.example/a" onmouseover="window.__pwned=1' },
  { name: 'anchor with javascript href', text: '<a href="javascript:window.__pwned=1" target=_blank>open</a>' },

  // ---- SVG
  { name: 'svg script', text: '<svg><script>window.__pwned=1</script></svg>' },
  { name: 'svg animate href', text: '<svg><a><animate attributeName=href values=javascript:window.__pwned=1 /><text y=20>go</text></a></svg>' },
  { name: 'svg foreignObject', text: '<svg><foreignObject><img src=x onerror=window.__pwned=1></foreignObject></svg>' },

  // ---- Markdown tricks (the exports write Markdown; the app must not render it)
  { name: 'markdown javascript link', text: '[the dashboard](javascript:window.__pwned=1)' },
  { name: 'markdown image', text: '![graph](https://tracker.example/pixel.png "t") and ![x](javascript:alert(1))' },
  { name: 'markdown reference link', text: 'See [the runbook][1].\n\n[1]: javascript:window.__pwned=1' },
  { name: 'markdown autolink', text: '<javascript:window.__pwned=1> and <https://tracker.example/>' },
  { name: 'markdown HTML block', text: '\n<div onclick="window.__pwned=1">\n\n*click*\n\n</div>\n' },

  // ---- comments and CDATA
  { name: 'HTML comment', text: '<!-- --><img src=x onerror=window.__pwned=1><!-- -->' },
  { name: 'comment breakout', text: '--><script>window.__pwned=1</script><!--' },
  { name: 'CDATA', text: '<![CDATA[<script>window.__pwned=1</script>]]>' },

  // ---- template syntax of other frameworks
  { name: 'moustache probe', text: "{{constructor.constructor('window.__pwned=1')()}}" },
  { name: 'template literal probe', text: '${window.__pwned=1}`${alert(1)}`' },
  { name: 'server template probe', text: '<%= 7*7 %> #{7*7} {{7*7}} ${{7*7}}' },

  // ---- CSS
  { name: 'closing style', text: '</style><style>*{background:url(https://tracker.example/css)}</style>' },
  { name: 'CSS import', text: '<style>@import "https://tracker.example/x.css";</style>' },
  { name: 'link stylesheet', text: '<link rel=stylesheet href=https://tracker.example/x.css>' },

  // ---- attribute breakouts
  { name: 'double-quote breakout', text: '"><img src=x onerror=window.__pwned=1>' },
  { name: 'single-quote breakout', text: "'><svg onload=window.__pwned=1>" },
  { name: 'unquoted attribute breakout', text: '" autofocus onfocus="window.__pwned=1' },
  { name: 'JSON breakout', text: '"}]},"__proto__":{"polluted":1},"x":[{"y":"' },

  // ---- Unicode
  { name: 'bidi override', text: 'invoice\u202Etxt.exe\u202C \u2066isolated\u2069 \u2067rtl\u2069 \u2068fs\u2069 \u200F\u200E\u061C' },
  { name: 'zero-width characters', text: 'pay\u200Bments\u200C-\u200Dapi\uFEFF\u2060 \u00AD' },
  { name: 'control characters', text: 'NUL[\u0000] BEL[\u0007] ESC[\u001B[31m] DEL[\u007F] C1[\u0085\u009B]' },
  { name: 'emoji and astral characters', text: '🔥💥 👩🏽‍💻 🏳️‍🌈 𝕯𝖊𝖇𝖗𝖎𝖊𝖋 𠜎𠜱 \u{1F4A9} e\u0301\u0301\u0301' },
  { name: 'line and paragraph separators', text: 'a\u2028b\u2029c' },

  // ---- size
  { name: '100,000-character line', text: LONG_LINE },
];

/** Whether a payload keeps its exact text in a single-line `<input>` (which
 *  drops line breaks by specification). */
export function fitsOneLine(p: Payload): boolean {
  return !/[\n\r]/.test(p.text);
}

/**
 * A whole post-mortem with a payload in every free-text field, every list
 * row and every row id, cycling through the corpus so each payload lands in
 * several places. Enumerations and dates stay valid: the point is that the
 * document opens, not that it is refused.
 */
export function hostileDoc(id: string, corpus: Payload[] = PAYLOADS): Record<string, unknown> & { id: string } {
  let i = 0;
  const next = () => corpus[i++ % corpus.length].text;
  // Row ids are strings too, used in element ids and attributes; they must be
  // unique within their list, hence the counter.
  let n = 0;
  const rid = () => `${n++}${next()}`.slice(0, 200);
  const entries = (count: number) => Array.from({ length: count }, () => ({ id: rid(), text: next() }));
  const link = (url: string) => ({ id: rid(), kind: 'ticket', label: next(), url });
  const factors = [
    { id: rid(), description: next(), category: 'process' },
    { id: rid(), description: next(), category: 'technology' },
  ];
  const areas = ['aftermath', 'culture', 'next_time', 'people', 'process'];
  return {
    schema: 'debrief/postmortem',
    version: 1,
    id,
    template: 'full',
    sections: ['context', 'regret', 'reason', 'timeline', 'remedy', 'lessons', 'questions', 'meeting', 'evidence', 'basics'],
    context: {
      title: next(),
      summary: next(),
      status: 'in_review',
      severity: 'sev2',
      started: '2024-05-01T14:02:00Z',
      ended: '2024-05-01T14:43:00Z',
      time_zone: next(),
      services: [next(), next(), next()],
      impact: { description: next(), users_affected: 12, requests_failed: null, revenue_sla: next() },
      detection: next(),
      people: [
        { id: rid(), name: next(), review_role: 'author', response_role: next() },
        { id: rid(), name: next(), review_role: 'participant', response_role: next() },
      ],
      tags: [next(), next(), next()],
      // Script and data addresses, and a web address trying to break out.
      links: [
        link('javascript:window.__pwned=1'),
        link(' JaVaScRiPt:alert(1)'),
        link('data:text/html,<script>window.__pwned=1</script>'),
        link('vbscript:msgbox(1)'),
        link('https://tracker.example/a" onmouseover="window.__pwned=1'),
        link(next()),
      ],
    },
    regret: {
      acknowledgement: next(),
      empathy_customers: next(),
      empathy_responders: next(),
      internal_summary: next(),
      customer_what_happened: next(),
      customer_what_we_do: next(),
    },
    reason: { narrative: next(), resolution: next(), factors },
    timeline: [
      { id: rid(), time: '2024-05-01T14:02:00Z', precision: 'exact', kind: 'impact_start', description: next(), source: 'javascript:window.__pwned=1' },
      { id: rid(), time: '2024-05-01T14:10:00Z', precision: 'approximate', kind: 'detected', description: next(), source: next() },
      { id: rid(), time: null, precision: 'unknown', kind: 'note', description: next(), source: 'https://tracker.example/log"><img src=x>' },
    ],
    remedy: {
      unknown: false,
      items: [
        { id: rid(), action: next(), factor_ids: [factors[0].id], owner: next(), ticket: 'javascript:window.__pwned=1', status: 'open', status_reason: next(), accepted_by: next(), measure: next(), kind: 'detect', cost_benefit: next() },
        { id: rid(), action: next(), factor_ids: [factors[1].id], owner: next(), ticket: next(), status: 'in_progress', measure: next(), cost_benefit: next() },
        { id: rid(), action: next(), owner: next(), ticket: 'https://tracker.example/browse/X-1"><svg onload=window.__pwned=1>', status: 'risk_accepted', status_reason: next(), accepted_by: next() },
      ],
    },
    lessons: {
      helped: entries(2),
      slowed: entries(2),
      differently: entries(2),
      learned: entries(2),
      lucky: entries(2),
      expertise: entries(2),
      signals: entries(2),
    },
    questions: areas.map((area, k) => ({
      id: rid(),
      area,
      prompt: next(),
      answer: next(),
      state: k % 2 ? 'answered' : 'not_applicable',
      custom: true,
    })),
    meeting: {
      check_in: next(),
      check_out: next(),
      dissent: [
        { id: rid(), who: next(), view: next() },
        { id: rid(), who: next(), view: next() },
      ],
      location: next(),
    },
    evidence: {
      conversations: [
        { id: rid(), when: '2024-05-01T14:20:00Z', participants: next(), link: 'javascript:window.__pwned=1', excerpt: next() },
        { id: rid(), participants: next(), link: next(), excerpt: next() },
      ],
      notes: next(),
      materials: [link('javascript:alert(1)'), link(next())],
    },
    dismissed_hints: [{ field: next(), rule: next(), phrase: next() }],
  };
}
