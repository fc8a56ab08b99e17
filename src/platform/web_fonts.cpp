// EM_JS glue of fonts_platform.hpp: fetch() of a relative URL (in web/fetch-worker.js); the bytes wait in JavaScript
// (Module.RK.fontData) until the app has copied them into its heap. Module.RK.fonts[name]: 1 on
// its way (or arrived and being copied), 2 in the app's memory, 3 failed.
#include <emscripten.h>

#include "platform/buffers.hpp"
#include "platform/fonts_platform.hpp"

EM_JS(void, js_fetch_font, (const char* file), {
  var name = UTF8ToString(file);
  var RK = Module.RK || (Module.RK = {});
  RK.fonts = RK.fonts || {};
  RK.fontData = RK.fontData || {};
  if (RK.fonts[name] === 1 || RK.fonts[name] === 2) return;
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) { RK.fonts[name] = 3; return; }
  RK.fonts[name] = 1;
  // Through a worker (web/fetch-worker.js) when there can be one: putting a 20 MB response body
  // together took the thread of the page 200-300 ms at once; the worker hands it over as it is.
  var viaWorker = function (url) {
    if (!RK.fetcher) {
      var w = new Worker(RK.scriptURL ? RK.scriptURL('fetch-worker.js') : 'fetch-worker.js');
      RK.fetcher = { worker: w, next: 1, waiting: {} };
      w.onmessage = function (e) {
        var m = e.data || {}, f = RK.fetcher.waiting[m.id];
        delete RK.fetcher.waiting[m.id];
        if (f) f(m);
      };
      w.onerror = function (e) {  // the worker cannot run: what it was asked for is fetched here
        if (e && e.preventDefault) e.preventDefault();
        var waiting = RK.fetcher.waiting;
        RK.fetcher.broken = true;
        RK.fetcher.waiting = {};
        Object.keys(waiting).forEach(function (id) { waiting[id]({ fallback: true }); });
      };
    }
    if (RK.fetcher.broken) return null;
    return new Promise(function (resolve, reject) {
      var id = RK.fetcher.next++;
      RK.fetcher.waiting[id] = function (m) {
        if (m.fallback) resolve(viaPage(url));
        else if (m.ok) resolve(m.bytes);
        else reject(new Error(m.message));
      };
      RK.fetcher.worker.postMessage({ id: id, url: url });
    });
  };
  var viaPage = function (url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    });
  };
  var got = null;
  try { got = typeof Worker === 'function' && location.protocol !== 'file:' ? viaWorker('fonts/' + name) : null; } catch (e) { got = null; }
  (got || viaPage('fonts/' + name)).then(function (ab) {
    RK.fontData[name] = new Uint8Array(ab);
  }).catch(function (e) {
    RK.fonts[name] = 3;
    console.warn('Rekindle: the font ' + name + ' could not be loaded (' + (e && e.message || e) + '); ' +
                 'names in that script show placeholder boxes.');
  });
});
EM_JS(int, js_font_state, (const char* file), {
  var RK = Module.RK;
  var name = UTF8ToString(file);
  var s = RK && RK.fonts ? RK.fonts[name] : 0;
  if (s === 1 && RK.fontData[name]) return 2;  // arrived
  return s ? s : 0;
});
EM_JS(double, js_font_size, (const char* file), {
  var d = Module.RK && Module.RK.fontData && Module.RK.fontData[UTF8ToString(file)];
  return d ? d.length : -1;
});
// Copies bytes [from, from + max) of the file to dst; the last slice frees the page's copy.
// Returns the bytes copied, -1 if the file is not there.
EM_JS(double, js_font_copy, (const char* file, char* dst, double from, double max), {
  var name = UTF8ToString(file);
  var d = Module.RK && Module.RK.fontData && Module.RK.fontData[name];
  if (!d) return -1;
  var n = Math.max(0, Math.min(max, d.length - from));
  if (n > 0) HEAPU8.set(d.subarray(from, from + n), dst >>> 0);
  if (from + n >= d.length) {
    delete Module.RK.fontData[name];
    Module.RK.fonts[name] = 2;
  }
  return n;
});
EM_JS(void, js_font_drop, (const char* file), {
  var name = UTF8ToString(file);
  delete Module.RK.fontData[name];
  Module.RK.fonts[name] = 3;
});

namespace rk::platform {

void fetch_font(const char* file) { js_fetch_font(file); }
FontFetch font_fetch_state(const char* file) { return FontFetch(js_font_state(file)); }

FontTake take_font_slice(const char* file, std::string& out, size_t& taken, size_t max_bytes) {
  if (taken == 0) {
    const double n = js_font_size(file);
    if (n < 0) return FontTake::Gone;
    // (Our font files are at most ~20 MB: anything far bigger is not one of them.)
    if (n > 64.0 * 1024 * 1024) {
      js_font_drop(file);
      return FontTake::Gone;
    }
    resize_for_overwrite(out, size_t(n));
  }
  const double n = js_font_copy(file, out.data() + taken, double(taken), double(max_bytes));
  if (n < 0) return FontTake::Gone;
  taken += size_t(n);
  return taken >= out.size() ? FontTake::Done : FontTake::More;
}

}  // namespace rk::platform
