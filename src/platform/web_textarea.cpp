// A native <textarea> laid over the canvas for the notes (platform.hpp, text_area): the browser
// wraps the lines, composes with the input method (Chinese, Japanese, Korean, accents), shapes
// every script with the system's fonts, spell-checks nothing (it could send text away) and reads
// it out to screen readers — all of which Dear ImGui's text field on the canvas cannot do.
//
// The element (#rk-textarea, made on first use) is placed each frame at the field's rectangle
// in CSS pixels, which are Dear ImGui's coordinates (main.cpp); a frame that does not ask for it
// hides it. What the user types is taken each frame (and before the page is hidden, so a note
// typed just before the tab closes is saved); a change from elsewhere (another contact, the
// scripting API) replaces the text unless the user is typing in it.
#include <emscripten.h>

#include <cstdlib>
#include <functional>

#include "platform/platform.hpp"

EM_JS(void, js_area_place, (double x, double y, double w, double h, double cx0, double cy0, double cx1, double cy1,
                            double font_px, double line_px, double pad_x, double pad_y, double rounding, unsigned fg, unsigned bg,
                            unsigned muted, unsigned border, const char* placeholder, const char* label), {
  var RK = Module.RK;
  var el = RK.area;
  var css = function (c) { return 'rgba(' + (c & 255) + ',' + ((c >>> 8) & 255) + ',' + ((c >>> 16) & 255) + ',' + (((c >>> 24) & 255) / 255) + ')'; };
  if (!el) {
    el = RK.area = document.createElement('textarea');
    el.id = 'rk-textarea';
    el.spellcheck = false;  // (a browser's "enhanced" spell check sends the text to a server)
    el.setAttribute('autocomplete', 'off');
    el.setAttribute('autocorrect', 'off');
    el.setAttribute('autocapitalize', 'sentences');
    el.addEventListener('input', function () { RK.areaChanged = true; });
    el.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { e.preventDefault(); el.blur(); var c = document.getElementById('canvas'); if (c) c.focus(); }
      // Tab and Shift+Tab go on to the app's next or previous control (web_input.cpp feeds the key).
      if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        var cv = document.getElementById('canvas'); if (cv) cv.focus();
        if (RK.fieldKeys) RK.fieldKeys.push(['Tab', e.shiftKey, false, false, false]);
      }
    });
    // The wheel scrolls the note while it can, then the panel behind it (the canvas).
    el.addEventListener('wheel', function (e) {
      var atTop = el.scrollTop <= 0, atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      if ((e.deltaY < 0 && !atTop) || (e.deltaY > 0 && !atEnd)) return;
      e.preventDefault();
      var c = document.getElementById('canvas');
      if (c) c.dispatchEvent(new WheelEvent('wheel', { deltaX: e.deltaX, deltaY: e.deltaY, deltaMode: e.deltaMode,
        clientX: e.clientX, clientY: e.clientY, bubbles: true, cancelable: true }));
    }, { passive: false });
    // The canvas's own font (embedded in index.wasm; a FontFace made from its bytes fetches
    // nothing), so a note looks like the text around it; other scripts use the system's fonts.
    try {
      var face = RK.areaFace = new FontFace('Rekindle Sans', FS.readFile('/fonts/NotoSans-Regular.ttf'));
      document.fonts.add(face);
      face.load().catch(function () {});
    } catch (e) {}
    document.body.appendChild(el);
  }
  // Called every frame it shows: nothing to do when nothing moved (and the font is settled).
  var fontDue = !RK.areaFontIn && RK.areaFace && RK.areaFace.status === 'loaded';
  var key = [x, y, w, h, cx0, cy0, cx1, cy1, font_px, line_px, pad_x, pad_y, rounding, fg, bg, muted, border,
             placeholder, label].join();
  if (key === RK.areaKey && !fontDue && !el.hidden) return;
  RK.areaKey = key;
  var s = el.style;
  var px = function (v) { return Math.round(v * 100) / 100 + 'px'; };
  s.left = px(x); s.top = px(y); s.width = px(w); s.height = px(h);
  // Only the part inside the panel's visible area shows (the panel scrolls; the field may be half out).
  s.clipPath = 'inset(' + px(Math.max(0, cy0 - y)) + ' ' + px(Math.max(0, x + w - cx1)) + ' ' +
               px(Math.max(0, y + h - cy1)) + ' ' + px(Math.max(0, cx0 - x)) + ')';
  // font_px is the width Dear ImGui gives a sample sentence: the CSS size that gives the same
  // width in the same font (measured once the font is in; sizes are defined differently).
  if (RK.areaSample !== font_px || !RK.areaEm || fontDue) {
    RK.areaFontIn = RK.areaFace && RK.areaFace.status === 'loaded';
    var m = document.createElement('canvas').getContext('2d');
    m.font = '100px ' + getComputedStyle(el).fontFamily;
    var w100 = m.measureText('The quick brown fox jumps over the lazy dog').width;
    RK.areaSample = font_px;
    RK.areaEm = w100 > 0 ? font_px / w100 * 100 : 12;
  }
  s.fontSize = px(RK.areaEm);
  s.lineHeight = px(line_px);
  s.padding = px(pad_y) + ' ' + px(pad_x);
  s.borderRadius = px(rounding);
  s.color = css(fg); s.background = css(bg); s.borderColor = css(border);
  s.setProperty('--rk-muted', css(muted));
  el.placeholder = UTF8ToString(placeholder);
  el.setAttribute('aria-label', UTF8ToString(label));
  if (el.hidden) el.hidden = false;
});
EM_JS(void, js_area_hide, (), {
  var el = Module.RK.area;
  if (!el || el.hidden) return;
  if (document.activeElement === el) { var c = document.getElementById('canvas'); if (c) c.focus(); }
  el.hidden = true;
});
EM_JS(void, js_area_focus, (), {
  var el = Module.RK.area;
  if (el && !el.hidden && document.activeElement !== el) el.focus({ preventScroll: true });
});
EM_JS(int, js_area_focused, (), { var el = Module.RK.area; return el && !el.hidden && document.activeElement === el ? 1 : 0; });
// The text the user changed since the last call (malloc'd UTF-8), or null.
EM_JS(char*, js_area_take, (), {
  var RK = Module.RK;
  if (!RK.area || !RK.areaChanged) return 0;
  RK.areaChanged = false;
  return RK.heapString(RK.area.value);  // (freed by the caller)
});
EM_JS(void, js_area_set, (const char* text), {
  Module.RK.area.value = UTF8ToString(text);
  Module.RK.areaChanged = false;
});

namespace rk::platform {
namespace {

struct Area {
  bool placed = false;      // text_area() was called this frame
  bool focus = false;       // focus_text_area() asked for the keyboard
  bool shown = false;       // the element is visible
  uint64_t key = ~uint64_t(0);  // whose text it shows (a change replaces the text even while typing)
  std::string text;         // what the element holds, as far as the app knows
  std::function<void(const std::string&)> on_change;  // where the user's text goes
};
Area g_area;

}  // namespace

void text_area(uint64_t key, const TextAreaStyle& st, const std::string& text,
               const std::function<void(const std::string&)>& on_change) {
  g_area.placed = true;
  js_area_place(st.x, st.y, st.w, st.h, st.clip_x0, st.clip_y0, st.clip_x1, st.clip_y1, st.font_px, st.line_px, st.pad_x,
                st.pad_y, st.rounding, st.fg, st.bg, st.muted, st.border, st.placeholder, st.label);
  g_area.shown = true;
  if (key != g_area.key) {
    flush_text_areas();  // what was typed for the one before, in the frame it was left
    g_area.key = key;
    g_area.text = text;
    js_area_set(text.c_str());
  }
  g_area.on_change = on_change;
  if (g_area.focus) {
    g_area.focus = false;
    js_area_focus();
  }
  // Changed elsewhere (the scripting API, a restore): shown, unless the user is typing in it.
  if (!flush_text_areas() && text != g_area.text && !js_area_focused()) {
    g_area.text = text;
    js_area_set(text.c_str());
  }
}

void focus_text_area() { g_area.focus = true; }

void end_text_areas() {
  if (!g_area.placed && g_area.shown) {
    flush_text_areas();  // (what was typed in the frame before it went away)
    js_area_hide();
    g_area.shown = false;
  }
  g_area.placed = false;
}

bool text_area_focused() { return js_area_focused() != 0; }

bool flush_text_areas() {
  char* t = js_area_take();
  if (!t) return false;
  g_area.text = t;
  std::free(t);
  if (g_area.on_change) g_area.on_change(g_area.text);
  return true;
}

}  // namespace rk::platform
