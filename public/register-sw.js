// Registers the service worker and tells the page when a new version is
// waiting. Kept outside the Rust bundle so it runs even if the app fails to
// start, and external because the CSP allows no inline script.
//
// Contract with the UI:
// - on window, the event `debrief:update-ready` fires when a new version has
//   been installed and waits; `document.documentElement.dataset.updateReady`
//   is also set to "1" so a UI that mounts later can still see it;
// - the UI dispatches `debrief:apply-update` on window when the person chooses
//   to update: the waiting worker takes over and the page reloads once.
// Drafts are in localStorage, so reloading loses nothing that was saved.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator)) return;

  let waiting = null;
  let applying = false;

  function announce(worker) {
    waiting = worker;
    document.documentElement.dataset.updateReady = '1';
    window.dispatchEvent(new CustomEvent('debrief:update-ready'));
  }

  function watch(registration) {
    // A new worker is only an update if this page already had one; the very
    // first install is not worth a prompt.
    if (registration.waiting && navigator.serviceWorker.controller) {
      announce(registration.waiting);
    }
    registration.addEventListener('updatefound', function () {
      const worker = registration.installing;
      if (!worker) return;
      worker.addEventListener('statechange', function () {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) {
          announce(worker);
        }
      });
    });
    // A tab left open for days still learns about a new deploy.
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') registration.update().catch(function () {});
    });
  }

  window.addEventListener('debrief:apply-update', function () {
    if (!waiting) return;
    applying = true;
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });

  navigator.serviceWorker.addEventListener('controllerchange', function () {
    // Also fires when the first worker claims the page: reload only on request.
    if (applying) {
      applying = false;
      window.location.reload();
    }
  });

  function register() {
    // Relative URL: the worker's scope is the directory of this page, whatever
    // sub-path the app is hosted under.
    navigator.serviceWorker
      .register('sw.js')
      .then(watch)
      .catch(function (err) {
        // Offline use is a bonus on top of a working page, never a reason to fail.
        console.warn('Debrief: offline support unavailable:', err && err.message);
      });
  }

  // After `load`, so precaching does not compete with the first paint.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
})();
