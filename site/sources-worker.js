// Hindsight's timeline-source reader, run as a dedicated Web Worker the page starts the
// first time an author opens "Add events from…": loads the reader's wasm (built from
// crates/sources-worker by Trunk) and answers each request { id, bytes, report, channel }
// with a "head" message, one "rows" message per part and "done", so the page decodes one
// part per task. A reader that cannot load says "unavailable"; one that fails mid-read
// says "failed" and closes, and the page starts a new one next time.
'use strict';
function words(e) {
  return e && e.message ? e.message : String(e);
}
var ready;
try {
  importScripts('./hindsight-sources.js');
  ready = wasm_bindgen({ module_or_path: './hindsight-sources_bg.wasm' });
} catch (e) {
  ready = Promise.reject(e);
}
ready.then(
  function () { postMessage({ kind: 'ready' }); },
  function (e) { postMessage({ kind: 'unavailable', message: words(e) }); }
);
onmessage = function (ev) {
  var req = ev.data;
  ready.then(function () {
    var parts;
    try {
      parts = wasm_bindgen.read_source(req.bytes, req.report, req.channel);
    } catch (e) {
      postMessage({ id: req.id, kind: 'failed', message: words(e) });
      close();
      return;
    }
    for (var i = 0; i < parts.length; i++) {
      postMessage({ id: req.id, kind: i === 0 ? 'head' : 'rows', json: parts[i] });
    }
    postMessage({ id: req.id, kind: 'done' });
  }, function () {
    // Already said: "unavailable" went out when loading failed.
  });
};
