// Hindsight's loader: starts the wasm app Trunk built, registers the service worker a
// hosted build has, and says plainly when the app cannot start. It is a classic script
// file (not Trunk's inline module) so the page's Content-Security-Policy needs no inline
// script, and so it still runs in a sandboxed iframe whose null origin keeps the module
// and the wasm from loading: there it explains instead of leaving a blank frame.
(function () {
  'use strict';
  var app = document.querySelector('meta[name="hindsight-app"]');
  var status = document.getElementById('boot-status');
  var embed = /(^|[?&])embed(=|&|$)/.test(location.search.slice(1));
  // site/shell.js marked an embed or a reopening before the first paint; the loading
  // line says which.
  var root = document.documentElement.classList;
  if (embed) {
    if (status) status.textContent = 'Loading the report…';
  } else if (root.contains('reopening')) {
    if (status) status.textContent = 'Reopening your post-mortem…';
  }

  function fail(why) {
    var shell = document.getElementById('boot');
    if (!shell || !status) return;
    shell.classList.add('boot-failed');
    status.setAttribute('role', 'alert');
    status.setAttribute('data-testid', 'boot-error');
    status.textContent = why;
    var href = location.href;
    var a = document.createElement('a');
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = 'Open Hindsight in its own tab';
    var p = document.createElement('p');
    p.appendChild(a);
    status.parentNode.insertBefore(p, status.nextSibling);
  }

  // A sandboxed frame without allow-same-origin has the origin "null": the browser then
  // fetches the app's module and wasm as cross-origin requests, which a static host does
  // not allow. Say so up front rather than after a failed download.
  var opaque = self.origin === 'null';
  if (!app) {
    fail('Hindsight could not start: this page is missing its build information.');
    return;
  }
  var base = document.baseURI;
  import(new URL(app.content, base).href)
    .then(function (glue) {
      return glue.default({ module_or_path: new URL(app.getAttribute('data-wasm'), base) });
    })
    .then(function () {
      document.documentElement.setAttribute('data-started', 'yes');
    })
    .catch(function (e) {
      if (opaque) {
        fail('Hindsight cannot run in this frame: it is sandboxed without allow-same-origin, ' +
          'so the browser will not load the app\u2019s code here. The page that embeds it can add ' +
          'allow-same-origin to the iframe\u2019s sandbox, or open it in a tab.');
      } else {
        fail('Hindsight could not start (' + (e && e.message ? e.message : String(e)) + '). ' +
          'Reload the page; if it keeps failing, this browser may lack WebAssembly.');
      }
    });

  // Offline use: only a build made by scripts/build-site.sh names a service worker.
  var worker = document.querySelector('meta[name="hindsight-service-worker"]');
  if (!worker || embed || opaque) return;
  var sw;
  try {
    sw = navigator.serviceWorker;
  } catch (e) {
    return; // storage (and so service workers) blocked in this context
  }
  if (!sw) return;
  var waiting = null;
  function ready(w) {
    waiting = w;
    document.documentElement.setAttribute('data-update', 'ready');
    dispatchEvent(new Event('hindsight-update-ready'));
  }
  // The app fires this when the author clicks Reload (after saving).
  addEventListener('hindsight-update-apply', function () {
    if (!waiting) {
      location.reload();
      return;
    }
    sw.addEventListener('controllerchange', function () { location.reload(); }, { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
  sw.register(new URL(worker.content, base).href, { scope: './' })
    .then(function (reg) {
      // A new worker waiting beside the one in charge is a new deploy; the very first
      // install (no controller yet) is not.
      function follow(w) {
        if (!w) return;
        w.addEventListener('statechange', function () {
          if (w.state === 'installed' && sw.controller) ready(w);
        });
      }
      if (reg.waiting && sw.controller) ready(reg.waiting);
      // The navigation may have found the new deploy before this page asked.
      follow(reg.installing);
      reg.addEventListener('updatefound', function () { follow(reg.installing); });
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') reg.update().catch(function () {});
      });
    })
    .catch(function () {
      // No worker (an old browser, a host that refuses it): the app still works online.
    });
})();
