// Downloads files for the page (fonts for other scripts: the CJK one is 20 MB) and hands each
// over as a transferred ArrayBuffer. Done here rather than on the page because a browser puts a
// large response body together on the thread that fetched it: for the CJK font that held the
// page's thread for 200-300 ms in one go. Only relative URLs of the app's own folder are asked
// for (web_fonts.cpp); nothing here talks to any other host.
// Page -> worker: {id, url}. Worker -> page: {id, ok: true, bytes: ArrayBuffer} or {id, ok: false, message}.
'use strict';
self.onmessage = function (e) {
  var m = e.data || {};
  fetch(m.url, { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.arrayBuffer();
  }).then(function (ab) {
    self.postMessage({ id: m.id, ok: true, bytes: ab }, [ab]);
  }, function (err) {
    self.postMessage({ id: m.id, ok: false, message: String(err && err.message || err) });
  });
};
