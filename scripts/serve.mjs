#!/usr/bin/env node
// A tiny static file server with no dependencies, standing in for "any static
// host": it serves a directory under one or more URL prefixes and answers 404
// everywhere else, so a build that only works at `/` fails the tests.
//
//   node scripts/serve.mjs [--root dist] [--prefix /debrief/]... \
//                          [--mount /other/=some/dir]... [--host 127.0.0.1] [--port 4173]
//
// It sends the headers the README recommends for real hosts (nosniff, a
// frame-ancestors policy, no-cache for index.html and sw.js, immutable for
// content-hashed files) so the tests run against a realistic setup. Like a
// host set up as the README describes, it sends a file's precompressed copy
// (`.br` or `.gz` beside it, written by the build) to a client that accepts
// that encoding, with `Content-Encoding` and `Vary: Accept-Encoding`.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
};

// Trunk names built assets `name-<hash>.ext` (or `name-<hash>_bg.wasm`), the
// hash in up to 16 hex digits: leading zeros are dropped.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z0-9]+$/;

// Best first: brotli packs the wasm about a fifth smaller than gzip.
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
];

/** Encodings an `Accept-Encoding` header allows (those not given q=0). */
export function accepted(header = '') {
  const ok = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) ok.add(name);
  }
  return ok;
}

/** The precompressed copy of `file` to send, if the client takes one and it exists. */
async function variant(file, acceptEncoding) {
  const ok = accepted(acceptEncoding);
  for (const [encoding, suffix] of ENCODINGS) {
    if (!ok.has(encoding) && !ok.has('*')) continue;
    try {
      const info = await stat(file + suffix);
      if (info.isFile()) return { encoding, path: file + suffix, size: info.size };
    } catch {
      // No such copy: try the next encoding, then the file itself.
    }
  }
  return null;
}

/** Whether any precompressed copy of `file` exists (then responses vary by encoding). */
async function hasVariants(file) {
  for (const [, suffix] of ENCODINGS) {
    try {
      if ((await stat(file + suffix)).isFile()) return true;
    } catch {
      // Not this one.
    }
  }
  return false;
}

function cacheControl(path) {
  if (HASHED.test(path)) return 'public, max-age=31536000, immutable';
  // Everything else (index.html, sw.js, manifest, icons) must be revalidated
  // so a deploy is picked up.
  return 'no-cache';
}

/**
 * Starts the server. `mounts` maps URL prefixes (with leading and trailing
 * slash) to directories. Resolves to `{ server, url }` once listening.
 */
export function startServer({ mounts, host = '127.0.0.1', port = 0, quiet = false }) {
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => [normalizePrefix(prefix), resolve(dir)])
    // Longest prefix first so nested mounts win.
    .sort((a, b) => b[0].length - a[0].length);

  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { allow: 'GET, HEAD' });

    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    if (pathname.includes('\0')) return send(400, 'bad request\n');

    for (const [prefix, root] of table) {
      // `/debrief` → `/debrief/`, as static hosts do, so relative URLs resolve.
      if (pathname === prefix.slice(0, -1)) return send(301, '', { location: prefix });
      if (!pathname.startsWith(prefix)) continue;

      let file = resolve(join(root, pathname.slice(prefix.length)));
      if (file !== root && !file.startsWith(root + sep)) return send(404, 'not found\n');
      try {
        let info = await stat(file);
        if (info.isDirectory()) {
          file = join(file, 'index.html');
          info = await stat(file);
        }
        if (!info.isFile()) throw new Error('not a file');
        const packed = await variant(file, req.headers['accept-encoding']);
        const headers = {
          'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-length': packed ? packed.size : info.size,
          'cache-control': cacheControl(file),
          'x-content-type-options': 'nosniff',
          'content-security-policy': "frame-ancestors 'none'",
          'referrer-policy': 'no-referrer',
        };
        if (packed) headers['content-encoding'] = packed.encoding;
        // Caches must not hand a brotli body to a client that asked for none.
        if (packed || (await hasVariants(file))) headers.vary = 'Accept-Encoding';
        res.writeHead(200, headers);
        if (req.method === 'HEAD') return res.end();
        createReadStream(packed ? packed.path : file).pipe(res);
      } catch {
        send(404, 'not found\n');
      }
      return;
    }
    send(404, 'not found\n');
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      const url = `http://${host}:${actual}`;
      if (!quiet) {
        for (const [prefix, root] of table) console.log(`serving ${root} at ${url}${prefix}`);
      }
      resolvePromise({ server, url });
    });
  });
}

function normalizePrefix(prefix) {
  let p = prefix.startsWith('/') ? prefix : `/${prefix}`;
  if (!p.endsWith('/')) p += '/';
  return p;
}

function parseArgs(argv) {
  const opts = { root: 'dist', prefixes: [], mounts: {}, host: '127.0.0.1', port: 4173 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--root': opts.root = value(); break;
      case '--prefix': opts.prefixes.push(value()); break;
      case '--mount': {
        const v = value();
        const eq = v.indexOf('=');
        if (eq < 1) throw new Error('--mount wants /prefix/=directory');
        opts.mounts[v.slice(0, eq)] = v.slice(eq + 1);
        break;
      }
      case '--host': opts.host = value(); break;
      case '--port': opts.port = Number(value()); break;
      default: throw new Error(`unknown argument ${arg}`);
    }
  }
  if (opts.prefixes.length === 0 && Object.keys(opts.mounts).length === 0) opts.prefixes.push('/');
  for (const p of opts.prefixes) opts.mounts[p] = opts.root;
  return opts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(2);
  }
  await startServer(opts);
}
