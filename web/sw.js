// Rekindle's service worker: keeps the app's own static files so the page opens and works with
// no network after the first visit. It never touches user data (that lives in IndexedDB) and
// never contacts another host. BUILD_ID is replaced at build time with a hash of the build, so a
// new deployment installs a new cache and the old one is removed on activation.
var BUILD_ID = '__BUILD_ID__';
var CACHE = 'rekindle-' + BUILD_ID;
var FILES = ['./', 'index.html', 'index.js', 'index.wasm', 'index.data', 'boot.js', 'app.css',
             'icon.svg', 'manifest.webmanifest'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(FILES); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('rekindle-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET') return;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) return;  // never handle (or cause) third-party traffic
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(req, { ignoreSearch: true }).then(function (hit) {
      if (hit) return hit;
      return fetch(req).then(function (res) {
        // Fonts for other scripts are fetched on demand: keep them for offline use too.
        if (res.ok && url.pathname.indexOf('/fonts/') >= 0) cache.put(req, res.clone());
        return res;
      });
    });
  }));
});
