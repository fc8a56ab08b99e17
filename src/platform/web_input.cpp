// Real text input for every Dear ImGui text field (search, tags, dates, templates, settings).
// Dear ImGui on a canvas only sees key presses: a phone opens no on-screen keyboard for a
// canvas, and what an input method composes (accents through dead keys, Chinese, Japanese,
// dictation, the phone keyboard's own suggestions) never arrives as keys. So while a field is
// active, a real, focused <input> (<textarea> for a multi-line field) lies invisible over it
// (#rk-field, web/app.css): the browser types into it, and each frame its text and selection are
// copied into the field's Dear ImGui state, which draws them. The other way, what Dear ImGui
// changes (a click that moves the caret, the app clearing the field) is copied back. Keys that
// mean something to the app rather than to the text (Enter, Escape, Tab, up and down in a
// single line, Ctrl+F) are handed to Dear ImGui as key presses. It never sends anything
// anywhere: no spell check, autocomplete or autocorrect.
#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "platform/items.hpp"
#include "platform/platform.hpp"

EM_JS(void, js_field_show, (int multiline, double x, double y, double w, double h, int numeric, int max_len, int focus), {
  var RK = Module.RK;
  var el = multiline ? RK.fieldArea : RK.fieldInput, other = multiline ? RK.fieldInput : RK.fieldArea;
  if (!other.hidden) { RK.fieldHiding = true; other.hidden = true; RK.fieldHiding = false; }
  RK.field = el;
  var s = el.style, px = function (v) { return Math.round(v) + 'px'; };
  s.left = px(x); s.top = px(y); s.width = px(Math.max(w, 8)); s.height = px(Math.max(h, 8));
  el.inputMode = numeric ? 'decimal' : 'text';
  if (max_len > 0) el.maxLength = max_len; else el.removeAttribute('maxlength');
  if (el.hidden) el.hidden = false;
  if (focus && document.activeElement !== el) {
    RK.fieldBlurred = false;
    el.focus({ preventScroll: true });
  }
});
EM_JS(void, js_field_hide, (), {
  var RK = Module.RK, el = RK.field;
  if (!el) return;
  RK.fieldHiding = true;
  if (document.activeElement === el) { var c = document.getElementById('canvas'); if (c) c.focus({ preventScroll: true }); }
  el.hidden = true;
  RK.fieldHiding = false;
  RK.field = null;
  RK.fieldBlurred = false;
  RK.fieldComposing = false;
  RK.fieldKeys.length = 0;
});
// The element's text (malloc'd UTF-8) and selection in code points (Dear ImGui counts code
// points, the DOM UTF-16 units), or null when it is hidden.
EM_JS(char*, js_field_read, (int* sel), {
  var RK = Module.RK, el = RK.field;
  if (!el || el.hidden) return 0;
  var a = el.selectionStart || 0, b = el.selectionEnd || 0;
  var toCp = function (u) { var n = 0; for (var i = 0; i < u && i < el.value.length; i++) { var c = el.value.charCodeAt(i); if (c < 0xDC00 || c > 0xDFFF) n++; } return n; };
  HEAP32[sel >> 2] = toCp(a);
  HEAP32[(sel >> 2) + 1] = toCp(b);
  HEAP32[(sel >> 2) + 2] = el.selectionDirection === 'backward' ? 1 : 0;
  HEAP32[(sel >> 2) + 3] = RK.fieldComposing ? 1 : 0;
  return RK.heapString(el.value);
});
EM_JS(void, js_field_write, (const char* text, int a, int b, int backward), {
  var el = Module.RK.field;
  if (!el) return;
  var v = UTF8ToString(text);
  if (el.value !== v) el.value = v;
  var toUnits = function (cp) { var i = 0, n = 0; while (i < v.length && n < cp) { var c = v.charCodeAt(i); i += (c >= 0xD800 && c <= 0xDBFF) ? 2 : 1; n++; } return i; };
  try { el.setSelectionRange(toUnits(a), toUnits(b), backward ? 'backward' : 'forward'); } catch (e) {}
});
// Where the text fields are (x, y, w, h each), for the tap handler below.
EM_JS(void, js_field_rects, (const float* r, int n), {
  Module.RK.fieldRects = Array.prototype.slice.call(HEAPF32.subarray(r >> 2, (r >> 2) + n * 4));
});
// The two elements (made once), and the tap handler: iOS opens the on-screen keyboard only for
// a focus() made while the browser handles the finger's own event, so a tap that ends on a text
// field focuses the element there and then (the app activates the field in its next frame, and
// takes the focus back if it does not: a slider).
EM_JS(void, js_field_install, (), {
  var RK = Module.RK, canvas = document.getElementById('canvas');
  if (RK.fieldInput || !canvas) return;
  var make = function (tag) {
    var el = document.createElement(tag);
    el.className = 'rk-field';
    el.spellcheck = false;  // (a browser's "enhanced" spell check sends the text to a server)
    el.setAttribute('autocomplete', 'off');
    el.setAttribute('autocorrect', 'off');
    el.setAttribute('autocapitalize', 'off');
    el.setAttribute('data-gramm', 'false');  // (nor may a grammar extension read it)
    el.hidden = true;
    el.addEventListener('compositionstart', function () { RK.fieldComposing = true; });
    el.addEventListener('compositionend', function () { RK.fieldComposing = false; });
    el.addEventListener('keydown', function (e) {
      if (e.isComposing || e.keyCode === 229) return;  // the input method's own keys
      var multi = el.tagName === 'TEXTAREA', k = e.key;
      var app = k === 'Escape' || k === 'Tab' || (k === 'Enter' && (!multi || e.ctrlKey)) ||
        (!multi && (k === 'ArrowUp' || k === 'ArrowDown' || k === 'PageUp' || k === 'PageDown')) ||
        ((e.ctrlKey || e.metaKey) && (k === 'f' || k === 'F'));
      if (!app) return;
      e.preventDefault();
      RK.fieldKeys.push([k.length === 1 ? k.toLowerCase() : k, e.shiftKey, e.ctrlKey, e.altKey, e.metaKey]);
    });
    // Focus taken elsewhere in the page (not by the app, not by leaving the window): the field ends.
    el.addEventListener('blur', function () {
      if (!RK.fieldHiding && document.hasFocus()) RK.fieldBlurred = true;
    });
    document.body.appendChild(el);
    return el;
  };
  if (!RK.fieldKeys) RK.fieldKeys = [];
  if (!RK.fieldInput) { RK.fieldInput = make('input'); RK.fieldInput.type = 'text'; }
  if (!RK.fieldArea) { RK.fieldArea = make('textarea'); RK.fieldArea.wrap = 'off'; }

  var start = null;
  canvas.addEventListener('touchstart', function (e) {
    var t = e.changedTouches[0];
    start = e.touches.length === 1 ? { x: t.clientX, y: t.clientY, at: Date.now() } : null;
  }, { passive: true, capture: true });
  canvas.addEventListener('touchend', function (e) {
    var t = e.changedTouches[0], s = start, r = RK.fieldRects || [];
    start = null;
    if (!s || !RK.fieldInput || Date.now() - s.at > 450 || Math.hypot(t.clientX - s.x, t.clientY - s.y) > 8) return;
    for (var i = 0; i + 3 < r.length; i += 4) {
      if (s.x < r[i] || s.y < r[i + 1] || s.x > r[i] + r[i + 2] || s.y > r[i + 1] + r[i + 3]) continue;
      var el = RK.fieldInput, st = el.style;
      st.left = r[i] + 'px'; st.top = r[i + 1] + 'px'; st.width = r[i + 2] + 'px'; st.height = r[i + 3] + 'px';
      el.hidden = false;
      RK.field = el;
      RK.fieldBlurred = false;
      RK.fieldTapAt = performance.now();
      el.focus({ preventScroll: true });
      return;
    }
  }, { passive: true, capture: true });
});
// Focused with no field behind it (the few frames the app takes to see a tap are allowed).
EM_JS(int, js_field_stray, (), {
  var RK = Module.RK, el = RK.field;
  if (!el || el.hidden || document.activeElement !== el) return 0;
  return RK.fieldTapAt && performance.now() - RK.fieldTapAt < 300 ? 0 : 1;
});
EM_JS(int, js_field_blurred, (), { var RK = Module.RK; var b = !!RK.fieldBlurred; RK.fieldBlurred = false; return b ? 1 : 0; });
// The next key meant for the app: writes [key id, shift, ctrl, alt, super] and returns 1, or 0.
EM_JS(int, js_field_key, (int* out), {
  var q = Module.RK.fieldKeys;
  if (!q || !q.length) return 0;
  var k = q.shift();
  var ids = { Enter: 1, Escape: 2, Tab: 3, ArrowUp: 4, ArrowDown: 5, PageUp: 6, PageDown: 7, f: 8 };
  HEAP32[out >> 2] = ids[k[0]] || 0;
  for (var i = 1; i < 5; i++) HEAP32[(out >> 2) + i] = k[i] ? 1 : 0;
  return 1;
});

namespace rk::platform {
namespace {

// What the element and the Dear ImGui field both held after the last copy either way.
struct Snapshot {
  std::string text;
  int a = 0, b = 0;  // selection (code points), a <= b
  bool backward = false;
  bool operator==(const Snapshot& o) const { return text == o.text && a == o.a && b == o.b && backward == o.backward; }
};
struct Field {
  ImGuiID id = 0;  // the Dear ImGui field the element stands for (0: none)
  Snapshot synced;
  float display_h = 0;
};
Field g_field;

ImGuiInputTextState* active_state() {
  ImGuiContext& g = *GImGui;
  if (!g.ActiveId || g.InputTextState.ID != g.ActiveId) return nullptr;
  return &g.InputTextState;
}

Snapshot read_state(const ImGuiInputTextState& st) {
  Snapshot s;
  s.text.resize(size_t(st.CurLenW) * 4 + 1);
  int n = ImTextStrToUtf8(s.text.data(), int(s.text.size()), st.TextW.Data, st.TextW.Data + st.CurLenW);
  s.text.resize(size_t(n));
  s.a = std::min(st.Stb.select_start, st.Stb.select_end);
  s.b = std::max(st.Stb.select_start, st.Stb.select_end);
  if (s.a == s.b) s.a = s.b = st.Stb.cursor;
  s.backward = s.a != s.b && st.Stb.cursor == s.a;
  return s;
}

// Puts the element's text and selection into the field's state; Dear ImGui copies it into the
// app's buffer when it draws the field (as after a key press) and reports the edit.
void write_state(ImGuiInputTextState& st, Snapshot s) {
  const bool resizable = (st.Flags & ImGuiInputTextFlags_CallbackResize) != 0;
  if (!resizable && st.BufCapacityA > 0 && int(s.text.size()) >= st.BufCapacityA) {
    size_t cut = size_t(st.BufCapacityA - 1);
    while (cut > 0 && (static_cast<unsigned char>(s.text[cut]) & 0xC0) == 0x80) --cut;  // whole characters only
    s.text.resize(cut);
  }
  const char* t = s.text.c_str();
  int n = ImTextCountCharsFromUtf8(t, t + s.text.size());
  if (st.TextW.Size < n + 1) st.TextW.resize(n + 1);
  st.CurLenW = ImTextStrFromUtf8(st.TextW.Data, st.TextW.Size, t, t + s.text.size());
  st.CurLenA = int(s.text.size());
  st.Stb.select_start = s.backward ? s.b : s.a;
  st.Stb.select_end = s.backward ? s.a : s.b;
  st.Stb.cursor = s.backward ? s.a : s.b;
  st.Stb.has_preferred_x = 0;
  st.CursorClamp();
  // Undo is the element's (Ctrl+Z there); Dear ImGui's record no longer matches the text.
  st.Stb.undostate.undo_point = 0;
  st.Stb.undostate.undo_char_point = 0;
  st.Stb.undostate.redo_point = IMSTB_TEXTEDIT_UNDOSTATECOUNT;
  st.Stb.undostate.redo_char_point = IMSTB_TEXTEDIT_UNDOCHARCOUNT;
  st.CursorFollow = true;
  st.CursorAnimReset();
}

void feed_keys() {
  ImGuiIO& io = ImGui::GetIO();
  int k[5];
  static const ImGuiKey keys[] = {ImGuiKey_None, ImGuiKey_Enter, ImGuiKey_Escape, ImGuiKey_Tab, ImGuiKey_UpArrow,
                                  ImGuiKey_DownArrow, ImGuiKey_PageUp, ImGuiKey_PageDown, ImGuiKey_F};
  while (js_field_key(k)) {
    if (k[0] <= 0 || k[0] >= int(sizeof keys / sizeof keys[0])) continue;
    const ImGuiKey mods[] = {ImGuiMod_Shift, ImGuiMod_Ctrl, ImGuiMod_Alt, ImGuiMod_Super};
    for (int m = 0; m < 4; ++m)
      if (k[m + 1]) io.AddKeyEvent(mods[m], true);
    io.AddKeyEvent(keys[k[0]], true);
    io.AddKeyEvent(keys[k[0]], false);
    for (int m = 0; m < 4; ++m)
      if (k[m + 1]) io.AddKeyEvent(mods[m], false);
  }
}

// The field's rectangle: where Dear ImGui keeps the focused item's (it focuses the field it activates).
bool field_rect(ImRect& r) {
  ImGuiContext& g = *GImGui;
  if (!g.NavWindow || g.NavId != g.ActiveId) return false;
  r = ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]);
  return r.GetWidth() > 0 && r.GetHeight() > 0;
}

}  // namespace

void text_input_before_frame() {
  if (!GImGui) return;
  ImGuiInputTextState* st = active_state();
  if (g_field.id && st && st->ID == g_field.id) {
    if (js_field_blurred()) {
      ImGui::ClearActiveID();  // the user went elsewhere in the page (the notes, a link)
    } else {
      Snapshot dom;
      int sel[4] = {0, 0, 0, 0};
      if (char* t = js_field_read(sel)) {
        dom.text = t;
        std::free(t);
        dom.a = std::min(sel[0], sel[1]);
        dom.b = std::max(sel[0], sel[1]);
        dom.backward = sel[2] != 0 && dom.a != dom.b;
        if (!(dom == g_field.synced)) {
          write_state(*st, dom);
          g_field.synced = read_state(*st);
        }
      }
    }
  }
  feed_keys();
}

// The text fields on screen, for the tap handler (only when they moved).
void publish_field_rects() {
  static std::vector<float> last, now;
  now.clear();
  for (const LaidOutItem& it : laid_out_items()) {
    if (!it.described || !(it.in_flags & ImGuiItemFlags_Inputable)) continue;
    ImRect r = it.rect;
    r.ClipWith(it.clip);
    if (r.GetWidth() <= 0 || r.GetHeight() <= 0) continue;
    now.insert(now.end(), {r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()});
  }
  if (now == last) return;
  last = now;
  js_field_rects(now.data(), int(now.size() / 4));
}

void text_input_after_frame() {
  if (!GImGui) return;
  ImGuiContext& g = *GImGui;
  js_field_install();
  publish_field_rects();
  ImGuiInputTextState* st = active_state();
  // A slider or number typed into with Ctrl+click is a text field too; a read-only one is not.
  if (st && (st->Flags & ImGuiInputTextFlags_ReadOnly)) st = nullptr;
  if (!st) {
    // (Also an element focused by a tap on what was no text field after all: a slider.)
    if (g_field.id || js_field_stray()) js_field_hide();
    g_field.id = 0;
    return;
  }
  ImRect r;
  if (!field_rect(r)) {
    const ImVec2 p = g.PlatformImeData.InputPos;
    r = ImRect(p, ImVec2(p.x + 40, p.y + g.PlatformImeData.InputLineHeight));
  }
  const bool fresh = g_field.id != st->ID;
  const float display_h = g.IO.DisplaySize.y;
  // The on-screen keyboard took part of the screen: the field is scrolled back into view.
  if (!fresh && display_h < g_field.display_h && g.NavWindow && g.NavId == st->ID && r.Max.y > display_h)
    ImGui::ScrollToRect(g.NavWindow, r, ImGuiScrollFlags_KeepVisibleEdgeY);
  g_field.display_h = display_h;
  const bool numeric = (st->Flags & (ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_CharsScientific)) != 0;
  const bool resizable = (st->Flags & ImGuiInputTextFlags_CallbackResize) != 0;
  js_field_show(st->Stb.single_line ? 0 : 1, r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight(), numeric ? 1 : 0,
                resizable ? 0 : std::max(1, st->BufCapacityA - 1), fresh ? 1 : 0);
  Snapshot now = read_state(*st);
  if (fresh) {
    // The keys held now are released on the element, which the app never hears: let them go
    // (a "/" that opened the search would otherwise repeat, and open it again and again).
    ImGuiIO& io = g.IO;
    for (int k = ImGuiKey_Keyboard_BEGIN; k < ImGuiKey_Keyboard_END; ++k)
      if (ImGui::IsKeyDown(ImGuiKey(k))) io.AddKeyEvent(ImGuiKey(k), false);
    for (ImGuiKey m : {ImGuiMod_Ctrl, ImGuiMod_Shift, ImGuiMod_Alt, ImGuiMod_Super})
      if (io.KeyMods & m) io.AddKeyEvent(m, false);
    g_field.id = st->ID;
    js_field_write(now.text.c_str(), now.a, now.b, now.backward ? 1 : 0);
    g_field.synced = now;
    return;
  }
  // Changed by Dear ImGui (a click in the field, the app's own edit): shown in the element too,
  // unless an input method is composing there (its text is not the field's to change).
  int sel[4] = {0, 0, 0, 0};
  if (!(now == g_field.synced)) {
    if (char* t = js_field_read(sel)) std::free(t);
    if (!sel[3]) {
      js_field_write(now.text.c_str(), now.a, now.b, now.backward ? 1 : 0);
      g_field.synced = now;
    }
  }
}

bool text_input_active() { return g_field.id != 0; }

}  // namespace rk::platform
