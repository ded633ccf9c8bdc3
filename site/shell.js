// Hindsight's shell state, set before the page first paints (a blocking classic script in
// <head>, so the CSP needs no inline script): an embed, or a reload that will reopen the
// report left open, hides the start-screen hero from the very first frame. Set later, by
// the deferred loader, the hero was painted and then removed, and the loading line under
// it jumped up (a layout shift of 0.0024 on about half the reloads).
(function () {
  'use strict';
  var root = document.documentElement;
  if (/(^|[?&])embed(=|&|$)/.test(location.search.slice(1))) {
    root.classList.add('embedding');
    return;
  }
  if (/^#r=/.test(location.hash)) return;
  try {
    if (localStorage.getItem('hindsight.v1.open')) root.classList.add('reopening');
  } catch (e) { /* storage blocked: the start screen, as the app will show */ }
})();
