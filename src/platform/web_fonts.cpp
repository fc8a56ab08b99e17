// EM_JS glue of fonts_platform.hpp: fetch() of a relative URL, bytes written into MEMFS.
#include <emscripten.h>

#include "platform/fonts_platform.hpp"

EM_JS(void, js_fetch_font, (const char* file), {
  var name = UTF8ToString(file);
  var RK = Module.RK || (Module.RK = {});
  RK.fonts = RK.fonts || {};
  if (RK.fonts[name] === 1 || RK.fonts[name] === 2) return;
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) { RK.fonts[name] = 3; return; }
  RK.fonts[name] = 1;
  fetch('fonts/' + name, { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.arrayBuffer();
  }).then(function (ab) {
    try { FS.mkdir('/fonts'); } catch (e) {}
    FS.writeFile('/fonts/' + name, new Uint8Array(ab));
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
EM_JS(void, js_release_font, (const char* file), {
  try { FS.unlink('/fonts/' + UTF8ToString(file)); } catch (e) {}
});

namespace rk::platform {

void fetch_font(const char* file) { js_fetch_font(file); }
FontFetch font_fetch_state(const char* file) { return FontFetch(js_font_state(file)); }
void release_font_file(const char* file) { js_release_font(file); }

}  // namespace rk::platform
