// Rekindle's service worker: keeps the app's own static files so the page opens and works with
// no network after the first visit. It never touches user data (that lives in IndexedDB), never
// contacts another host and never handles anything but GET requests for files inside its own
// folder (its scope), so several copies of Rekindle, or other sites, on one origin (a GitHub Pages
// user site: user.github.io/a/, user.github.io/b/) never see each other's caches.
//
// At build time cmake/stamp_sw.cmake replaces BUILD_ID with a hash of the built files and the
// FILES list with the files of dist/. A new deployment therefore changes sw.js itself: the
// browser installs the new worker, which downloads the new files into a new cache (bypassing the
// HTTP cache, so it never mixes old and new files), takes over, and deletes the old cache. The
// page that was open keeps running; the next load uses the new version.
'use strict';
var BUILD_ID = '__BUILD_ID__';
var FILES = [/*FILES*/'./', 'index.html', 'index.js', 'index.wasm', 'boot.js', 'app.css',
             'icon.svg', 'manifest.webmanifest'/*END*/];
var SCOPE = self.registration.scope;            // e.g. https://user.github.io/rekindle/
var PREFIX = 'rekindle@' + SCOPE + '#';
var CACHE = PREFIX + BUILD_ID;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(FILES.map(function (f) { return new Request(f, { cache: 'reload' }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var req = event.request;
  // Only the app's own files: a GET inside this worker's folder. Anything else (which the page's
  // Content-Security-Policy forbids anyway) goes to the browser untouched.
  if (req.method !== 'GET' || req.url.indexOf(SCOPE) !== 0) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(req, { ignoreSearch: true }).then(function (hit) {
      if (hit) return hit;
      return fetch(req).then(function (res) {
        // Fonts for other scripts are fetched the first time a name needs them: keep them too.
        if (res.ok && res.type === 'basic' && req.url.indexOf('/fonts/', SCOPE.length - 1) >= 0) {
          cache.put(req, res.clone());
        }
        return res;
      });
    });
  }));
});
