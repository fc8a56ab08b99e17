// EM_JS glue of fonts_platform.hpp: fetch() of a relative URL; the bytes wait in JavaScript
// (Module.RK.fontData) until the app copies them into its heap.
#include <emscripten.h>

#include "platform/fonts_platform.hpp"

EM_JS(void, js_fetch_font, (const char* file), {
  var name = UTF8ToString(file);
  var RK = Module.RK || (Module.RK = {});
  RK.fonts = RK.fonts || {};
  RK.fontData = RK.fontData || {};
  if (RK.fonts[name] === 1 || RK.fonts[name] === 2) return;
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) { RK.fonts[name] = 3; return; }
  RK.fonts[name] = 1;
  fetch('fonts/' + name, { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.arrayBuffer();
  }).then(function (ab) {
    RK.fontData[name] = new Uint8Array(ab);
    RK.fonts[name] = 2;
  }).catch(function (e) {
    RK.fonts[name] = 3;
    console.warn('Rekindle: the font ' + name + ' could not be loaded (' + (e && e.message || e) + '); ' +
                 'names in that script show placeholder boxes.');
  });
});
EM_JS(int, js_font_state, (const char* file), {
  var f = Module.RK && Module.RK.fonts;
  var s = f ? f[UTF8ToString(file)] : 0;
  return s ? s : 0;
});
EM_JS(double, js_font_size, (const char* file), {
  var d = Module.RK && Module.RK.fontData && Module.RK.fontData[UTF8ToString(file)];
  return d ? d.length : -1;
});
EM_JS(void, js_font_take, (const char* file, char* dst), {
  var name = UTF8ToString(file);
  var d = Module.RK.fontData[name];
  if (d && d.length) HEAPU8.set(d, dst >>> 0);
  delete Module.RK.fontData[name];
});

namespace rk::platform {

void fetch_font(const char* file) { js_fetch_font(file); }
FontFetch font_fetch_state(const char* file) { return FontFetch(js_font_state(file)); }
bool take_font_file(const char* file, std::vector<char>& out) {
  double n = js_font_size(file);
  if (n < 0) return false;
  out.resize(size_t(n));
  js_font_take(file, out.data());
  return true;
}

}  // namespace rk::platform
