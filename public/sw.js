// Debrief's service worker: after the first visit the app never needs the
// network. Every file of the build is cached at install time and served from
// the cache; a new deploy installs a new worker that waits until the page
// asks it to take over (the page shows a quiet "new version" prompt), so an
// open editor is never swapped out from under someone typing. Drafts live in
// localStorage, which this worker never touches.
//
// The build (scripts/post-build.mjs) fills in the two placeholders below.

const VERSION = "__DEBRIEF_VERSION__";
const PRECACHE = "__DEBRIEF_PRECACHE__";

// Cache names are shared by the whole origin; keying them by scope keeps two
// copies of Debrief hosted under different paths of one site apart.
const SCOPE = self.registration.scope;
const PREFIX = `debrief|${SCOPE}|`;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', SCOPE).href;

async function dropOtherCaches(keep) {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== keep) await caches.delete(name);
  }
}

self.addEventListener('install', (event) => {
  if (PRECACHE.length === 0) {
    // Development build: nothing to cache, replace any older worker at once.
    event.waitUntil(self.skipWaiting());
    return;
  }
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `reload` skips the HTTP cache so a stale file cannot be pinned.
      cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  if (PRECACHE.length === 0) {
    event.waitUntil(dropOtherCaches(null).then(() => self.registration.unregister()));
    return;
  }
  // Old versions go only once this one is in charge; claiming makes the very
  // first visit work offline without a reload.
  event.waitUntil(dropOtherCaches(CACHE).then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (PRECACHE.length === 0 || request.method !== 'GET') return;
  if (!request.url.startsWith(SCOPE)) return;

  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Routes live in the URL fragment, so every page load is index.html,
      // whatever query string it carries.
      const key = request.mode === 'navigate' ? INDEX : request;
      const hit = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
      return hit ?? fetch(request);
    })(),
  );
});
