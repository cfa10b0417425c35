#!/usr/bin/env node
// Trunk post_build hook: runs in the staging directory after index.html is
// written and before it replaces dist/.
//
// 0. One stylesheet. The CSS is written per section in style/, and Trunk
//    emits one file per <link>: fifteen requests on a first visit, queued six
//    at a time on HTTP/1.1 ahead of the WebAssembly, each compressed on its
//    own. They are joined, in the page's order, into one content-hashed file
//    with its own integrity hash, so a first visit asks for three files.
// 0b. Smaller scripts. Release builds minify the JavaScript: wasm-bindgen's
//    glue (an ES module; its exports are kept) and the two service-worker
//    scripts, with terser. The glue keeps the name Trunk gave it, whose hash
//    still tells one build's glue from another's (the minifier is
//    deterministic); its integrity hash in the page is written anew.
// 1. Content Security Policy. Trunk starts the app with an inline module
//    script; the policy allows no inline script, so the script's SHA-256 is
//    added to script-src. A hash (not a nonce) keeps dist/ fully static.
//    Debug builds served by `trunk serve` also carry the live-reload script,
//    which Trunk rewrites per request (it embeds the Host header), so no hash
//    can match it: there, and only there, inline scripts are allowed.
// 2. Service worker. sw.js receives the list of every file of this build and
//    a version derived from their contents, so any change to any file makes
//    a new worker that browsers install beside the old one.
// 3. Precompressed copies. Release builds get `.br` (brotli, highest quality)
//    and `.gz` (gzip -9) beside each content-hashed .wasm, .js and .css, so a
//    static host can send them as they are (see the README) instead of
//    compressing on every request at a lower setting, or not at all. They are
//    a transfer encoding of files already listed, so the worker never
//    precaches them.
//
// Usage: node scripts/post-build.mjs [staging-dir]   (Trunk sets the env vars)

import { createHash } from 'node:crypto';
import { readFile, writeFile, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { minify } from 'terser';

const staging = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!staging) fail('TRUNK_STAGING_DIR is not set (run through trunk, or pass the directory)');
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';

const sha256 = (data) => createHash('sha256').update(data);

function fail(msg) {
  console.error(`post-build: ${msg}`);
  process.exit(1);
}

// ---- 0. One stylesheet ------------------------------------------------------

const indexPath = join(staging, 'index.html');
let html = await readFile(indexPath, 'utf8');

// The minifier drops quotes around attribute values, so read them either way.
const attr = (tag, name) =>
  tag.match(new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i'))?.slice(1).find((v) => v !== undefined);
const sheets = [...html.matchAll(/<link\b[^>]*>/gi)].filter(
  (m) => /^stylesheet$/i.test(attr(m[0], 'rel') ?? '') && /\.css$/.test(attr(m[0], 'href') ?? ''),
);
if (sheets.length > 1) {
  // Hrefs carry Trunk's public URL (`./` for dist/, `/` for `trunk serve`)
  // before the file name; the joined file keeps the first one's.
  const hrefs = sheets.map((m) => attr(m[0], 'href'));
  const base = hrefs[0].slice(0, hrefs[0].lastIndexOf('/') + 1);
  const names = hrefs.map((h) => h.slice(h.lastIndexOf('/') + 1));
  const parts = await Promise.all(names.map((n) => readFile(join(staging, n), 'utf8')));
  // A newline between files: a file whose last rule lacks its newline must
  // not run into the next file's first line.
  const css = parts.join('\n');
  const name = `debrief-${sha256(css).digest('hex').slice(0, 16)}.css`;
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  await writeFile(join(staging, name), css);
  await Promise.all(names.map((n) => rm(join(staging, n))));
  // The joined sheet takes the first sheet's place; the others go.
  let out = '';
  let at = 0;
  sheets.forEach((m, i) => {
    out += html.slice(at, m.index);
    if (i === 0) out += `<link rel="stylesheet" href="${base}${name}" integrity="${integrity}">`;
    at = m.index + m[0].length;
  });
  html = out + html.slice(at);
  await writeFile(indexPath, html);
}

// ---- 0b. Smaller scripts ---------------------------------------------------

/** `code` minified; `module` for an ES module (its exports keep their names). */
async function minified(code, module) {
  const out = await minify(code, {
    module,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (typeof out.code !== 'string') fail('terser returned no code');
  return out.code;
}

let minifiedScripts = 0;
if (release) {
  const glue = [...html.matchAll(/<link\b[^>]*>/gi)].filter(
    (m) => /^modulepreload$/i.test(attr(m[0], 'rel') ?? '') && /\.js$/.test(attr(m[0], 'href') ?? ''),
  );
  for (const m of glue.reverse()) {
    const href = attr(m[0], 'href');
    const file = join(staging, href.slice(href.lastIndexOf('/') + 1));
    const code = await minified(await readFile(file, 'utf8'), true);
    await writeFile(file, code);
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    const tag = m[0].replace(/\bintegrity\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)/i, `integrity="${integrity}"`);
    if (tag === m[0] && !/\bintegrity\b/i.test(m[0])) fail(`no integrity attribute on the link to ${href}`);
    html = html.slice(0, m.index) + tag + html.slice(m.index + m[0].length);
    minifiedScripts++;
  }
  await writeFile(indexPath, html);
  const register = join(staging, 'register-sw.js');
  await writeFile(register, await minified(await readFile(register, 'utf8'), false));
  minifiedScripts++;
}

// ---- 1. CSP --------------------------------------------------------------

/** Bodies of <script> elements that have no src attribute. */
function inlineScripts(source) {
  const out = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (const m of source.matchAll(re)) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    out.push(m[2]);
  }
  return out;
}

// The minifier reorders attributes and drops quotes, so find the tag first,
// then its content attribute.
const metaRe = /<meta\b[^>]*>/gi;
const contentRe = /(\bcontent\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const cspTag = [...html.matchAll(metaRe)].find((m) =>
  /\bhttp-equiv\s*=\s*["']?content-security-policy\b/i.test(m[0]),
);
const cspContent = cspTag?.[0].match(contentRe);
if (!cspContent) fail('no <meta http-equiv="Content-Security-Policy" content=...> in index.html');

const directives = (cspContent[2] ?? cspContent[3] ?? cspContent[4])
  .split(';')
  .map((d) => d.trim())
  .filter(Boolean);
const scriptIdx = directives.findIndex((d) => d.split(/\s+/)[0] === 'script-src');
if (scriptIdx < 0) fail('the CSP has no script-src directive');

const scripts = inlineScripts(html);
let extra;
if (release) {
  extra = scripts.map((s) => `'sha256-${sha256(s).digest('base64')}'`);
} else {
  extra = scripts.length ? ["'unsafe-inline'"] : [];
}
// Drop sources a previous run may have added, then add this build's.
const kept = directives[scriptIdx]
  .split(/\s+/)
  .filter((s) => !/^'(sha256-[^']*|unsafe-inline)'$/.test(s));
directives[scriptIdx] = [...kept, ...extra].join(' ');
const policy = directives.join('; ');
const newTag = cspTag[0].replace(contentRe, (_all, head) => `${head}"${policy}"`);
html = html.slice(0, cspTag.index) + newTag + html.slice(cspTag.index + cspTag[0].length);
await writeFile(indexPath, html);

// ---- 2. Service worker precache ------------------------------------------

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

const swPath = join(staging, 'sw.js');
let sw;
try {
  sw = await readFile(swPath, 'utf8');
} catch {
  fail('sw.js missing from the build (public/ is copied by index.html)');
}

const files = (await listFiles(staging))
  .map((f) => relative(staging, f).split(sep).join('/'))
  // The worker is fetched by the browser's update check, never from cache.
  .filter((f) => f !== 'sw.js')
  .sort();

const version = sha256('');
for (const f of files) {
  version.update(f).update('\0').update(sha256(await readFile(join(staging, f))).digest()).update('\0');
}
const versionId = version.digest('hex').slice(0, 16);

// Debug builds change on every save; caching them would hide the change, so
// the dev worker precaches nothing and removes itself (see sw.js).
const precache = release ? ['./', ...files.map((f) => `./${f}`)] : [];

const replacements = {
  '"__DEBRIEF_VERSION__"': JSON.stringify(release ? versionId : `dev-${versionId}`),
  '"__DEBRIEF_PRECACHE__"': JSON.stringify(precache),
};
for (const [placeholder, value] of Object.entries(replacements)) {
  if (!sw.includes(placeholder)) fail(`sw.js has no ${placeholder} placeholder`);
  sw = sw.replace(placeholder, value);
}
// After the placeholders are filled: the minifier must not touch them.
if (release) {
  sw = await minified(sw, false);
  minifiedScripts++;
}
await writeFile(swPath, sw);

// ---- 3. Precompressed copies -----------------------------------------------

// Trunk names built assets `name-<hash>.ext` (or `name-<hash>_bg.wasm`), the
// hash in up to 16 hex digits (leading zeros dropped); only those files are
// immutable, so only they get copies that cannot go stale.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(wasm|js|css)$/;
const brotli = promisify(brotliCompress);
const gzip9 = promisify(gzip);
let compressed = 0;
if (release) {
  for (const f of files.filter((name) => HASHED.test(name))) {
    const data = await readFile(join(staging, f));
    const [br, gz] = await Promise.all([
      brotli(data, {
        params: {
          [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
          [zlib.BROTLI_PARAM_LGWIN]: zlib.BROTLI_MAX_WINDOW_BITS,
          [zlib.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
      gzip9(data, { level: 9 }),
    ]);
    await writeFile(join(staging, `${f}.br`), br);
    await writeFile(join(staging, `${f}.gz`), gz);
    compressed++;
  }
}

console.log(
  `post-build: ${release ? 'release' : 'debug'} build ${versionId}; ${sheets.length} stylesheet(s) joined into one; ${minifiedScripts} script(s) minified; ` +
    `${scripts.length} inline script(s) ${release ? 'hashed into' : 'allowed by'} the CSP; ` +
    `${precache.length} URL(s) precached; ${compressed} file(s) precompressed (.br, .gz)`,
);
