// Runs before the Emscripten output: Module configuration, the WebGL 2 check, readable fatal
// errors, and the service worker for offline use. Kept out of index.html so the page's CSP can
// forbid inline scripts.
(function () {
  function fatal(title, text) {
    var el = document.getElementById('fatal');
    var l = document.getElementById('loading');
    if (l) l.remove();
    if (!el) return;
    el.hidden = false;
    while (el.firstChild) el.removeChild(el.firstChild);  // no innerHTML: the CSP's Trusted Types forbid it
    var h = document.createElement('h1'); h.textContent = title;
    var p = document.createElement('p'); p.textContent = text;
    el.appendChild(h); el.appendChild(p);
  }
  var canvas = document.getElementById('canvas');
  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  // SDL cancels mousedown's default action, which would have focused the canvas: keys only
  // reach the app while the canvas has focus, so give it focus on every press.
  // (Not while a text field's own element has it: the app takes it back if the press ends the field.)
  canvas.addEventListener('pointerdown', function () {
    var a = document.activeElement;
    if (a !== canvas && !(a && a.classList && a.classList.contains('rk-field'))) canvas.focus();
  }, true);
  // The page's CSP requires Trusted Types for script URLs: the only ones the page ever hands
  // over are its own service worker, its import worker and its fetch worker, through the one policy the CSP
  // allows ('rekindle'), created once here.
  var policy = null;
  var scriptURL = function (u) {
    if (u !== 'sw.js' && u !== 'import-worker.js' && u !== 'fetch-worker.js') throw new TypeError('not allowed: ' + u);
    return u;
  };
  if (window.trustedTypes && window.trustedTypes.createPolicy) {
    try { policy = window.trustedTypes.createPolicy('rekindle', { createScriptURL: scriptURL }); } catch (e) { policy = null; }
  }
  var trustedScriptURL = function (u) { return policy ? policy.createScriptURL(u) : scriptURL(u); };
  // The API's presence only: a throwaway WebGL context here would cost the page load tens of
  // milliseconds. If the browser has WebGL 2 but refuses a context, main.cpp says so.
  var hasGl2 = typeof window.WebGL2RenderingContext === 'function';
  window.Module = {
    canvas: canvas,
    noInitialRun: !hasGl2,
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    onAbort: function (what) {
      fatal('Rekindle stopped unexpectedly',
        'Something went wrong (' + what + '). Your stored data is safe. Reload the page to continue.');
    },
    RK: { fatal: function (t) { fatal('Rekindle cannot start', t); }, scriptURL: trustedScriptURL },
  };
  if (!hasGl2) {
    fatal('WebGL 2 is not available',
      'Rekindle draws its interface with WebGL 2, which this browser has turned off or does not support. ' +
      'Try a current Chrome, Edge, Firefox or Safari, or enable hardware acceleration in the browser settings.');
  }
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    window.addEventListener('load', function () {
      var url = trustedScriptURL('sw.js');
      var hadWorker = !!navigator.serviceWorker.controller;
      navigator.serviceWorker.register(url).then(function (reg) {
        // A page served by an older worker asks for a newer version right away (browsers only
        // check on their own schedule): it is installed in the background and used from the
        // next load. Offline, there is nothing to ask.
        if (hadWorker && navigator.onLine !== false) return reg.update();
      }).catch(function (e) { console.info('offline cache: ' + (e && e.message || e)); });
    });
  }
})();
