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
    el.innerHTML = '';
    var h = document.createElement('h1'); h.textContent = title;
    var p = document.createElement('p'); p.textContent = text;
    el.appendChild(h); el.appendChild(p);
  }
  var canvas = document.getElementById('canvas');
  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  // SDL cancels mousedown's default action, which would have focused the canvas: keys only
  // reach the app while the canvas has focus, so give it focus on every press.
  canvas.addEventListener('pointerdown', function () { if (document.activeElement !== canvas) canvas.focus(); }, true);
  var hasGl2 = false;
  try { hasGl2 = !!document.createElement('canvas').getContext('webgl2'); } catch (e) {}
  window.Module = {
    canvas: canvas,
    noInitialRun: !hasGl2,
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    onAbort: function (what) {
      fatal('Rekindle stopped unexpectedly',
        'Something went wrong (' + what + '). Your stored data is safe. Reload the page to continue.');
    },
    RK: { fatal: function (t) { fatal('Rekindle cannot start', t); } },
  };
  if (!hasGl2) {
    fatal('WebGL 2 is not available',
      'Rekindle draws its interface with WebGL 2, which this browser has turned off or does not support. ' +
      'Try a current Chrome, Edge, Firefox or Safari, or enable hardware acceleration in the browser settings.');
  }
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('sw.js').catch(function (e) { console.info('offline cache unavailable: ' + e.message); });
    });
  }
})();
