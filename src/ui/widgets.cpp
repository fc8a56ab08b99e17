#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "core/api.hpp"
#include "core/bidi.hpp"
#include "core/charts.hpp"
#include "core/dates.hpp"
#include "core/export.hpp"
#include "core/session.hpp"
#include "platform/items.hpp"
#include "platform/platform.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/ui.hpp"
#include "ui/views.hpp"

namespace rk::ui {

void status_badge(Status st) {
  ImVec4 col = status_color(st);
  const char* label = status_label(st);
  ImVec2 ts = ImGui::CalcTextSize(label);
  ImVec2 pad(7, 2);
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec4 bg = col;
  bg.w = theme_is_dark() ? 0.22f : 0.13f;
  dl->AddRectFilled(p, ImVec2(p.x + ts.x + pad.x * 2, p.y + ts.y + pad.y * 2), ImGui::GetColorU32(bg), 8.0f);
  dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), ImGui::GetColorU32(col), label);
  ImGui::Dummy(ImVec2(ts.x + pad.x * 2, ts.y + pad.y * 2));
}

void stale_notice(Session& s) {
  static uint64_t revision = ~0ull;
  static Day today = kNoDay;
  static std::string text;
  if (revision != s.revision || today != s.today) {
    revision = s.revision;
    today = s.today;
    text = stale_export_notice(s.store, s.today);
  }
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, warning_color());
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  debug_rect("stale-notice", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImGui::Spacing();
}

void heading(const char* text) {
  ImGui::PushFont(font_large());
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

void subheading(const char* text) {
  ImGui::PushFont(font_bold());
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

void muted(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color());
  ImGui::TextWrappedV(fmt, args);
  ImGui::PopStyleColor();
  va_end(args);
}

bool empty_state(const char* title, const char* text, const char* button) {
  ImGui::Dummy(ImVec2(0, 24));
  ImGui::PushFont(font_bold());
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  muted("%s", text);
  if (button) {
    ImGui::Dummy(ImVec2(0, 4));
    return ImGui::Button(button);
  }
  return false;
}

void help_marker(const char* text) {
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::BeginItemTooltip()) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

void name_next(const char* id, const char* name) { platform::name_item(ImGui::GetID(id), name); }

float with_step_buttons(float w) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float desktop = ImGui::GetFontSize() + 10.0f;  // frame height with the desktop padding (theme.cpp)
  return w + 2 * std::max(0.0f, ImGui::GetFrameHeight() - desktop) + 2 * std::max(0.0f, st.ItemInnerSpacing.x - 4.0f);
}

void same_line_if_fits(float next_width) {
  float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next_width;
  float limit = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (right <= limit) ImGui::SameLine();
}

bool tag_chip(const char* tag, bool removable, int id) {
  ImGui::PushID(id);
  ImVec4 a = accent_color();
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(a.x, a.y, a.z, theme_is_dark() ? 0.22f : 0.14f));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(a.x, a.y, a.z, theme_is_dark() ? 0.32f : 0.24f));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(a.x, a.y, a.z, 0.40f));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 10.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, 2));
  std::string label = removable ? std::string(display_text(tag)) + "  x" : std::string(display_text(tag));
  bool clicked = ImGui::SmallButton(label.c_str());
  if (removable && ImGui::IsItemHovered()) ImGui::SetTooltip("Remove the tag \"%s\"", tag);
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(3);
  ImGui::PopID();
  return removable && clicked;
}

std::string headline(const Contact& c) {
  // Each part in its own direction: an Arabic position and a Latin company stay readable.
  if (!c.position.empty() && !c.company.empty())
    return std::string(display_text(c.position)) + " at " + display_text(c.company);
  if (!c.position.empty()) return display_text(c.position);
  return display_text(c.company);
}

const char* display_text(const std::string& s) {
  if (!has_rtl(s)) return s.c_str();
  return display_view(s).data();  // the cached copy is NUL-terminated
}

std::string_view display_view(std::string_view s) {
  if (!has_rtl(s)) return s;
  static std::unordered_map<std::string, std::string> cache;
  std::string key(s);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  if (cache.size() > 50000) cache.clear();
  return cache.emplace(std::move(key), visual_order(s)).first->second;
}

void profile_button(const Contact& c, const char* label) {
  bool safe = is_safe_profile_url(c.url);
  ImGui::BeginDisabled(!safe);
  if (ImGui::Button(label)) platform::open_profile(c.url);
  ImGui::EndDisabled();
  if (!safe && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
    if (c.url.empty())
      ImGui::TextUnformatted("The export has no profile link for this person.");
    else
      ImGui::Text("Rekindle only opens https://www.linkedin.com links. This profile link is not one, so it is not opened: %s",
                  c.url.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

bool small_button(const char* label) {
  return platform::coarse_pointer() ? ImGui::Button(label) : ImGui::SmallButton(label);
}

void copy_button(const char* id, const std::string& text, const char* label) {
  static ImGuiID copied = 0;
  static double copied_at = 0;
  ImGui::PushID(id);
  const ImGuiID me = ImGui::GetID("copy");
  const bool just = copied == me && platform::now_ms() - copied_at < 1500;
  std::string shown = std::string(just ? "Copied" : label) + "###copy";
  if (small_button(shown.c_str())) {
    platform::copy_to_clipboard(text);
    copied = me;
    copied_at = platform::now_ms();
  }
  ImGui::PopID();
}

bool link_text(const char* text, const char* id, const char* tooltip) {
  const ImVec2 size = ImGui::CalcTextSize(text);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  // Named by its text for screen readers and the focus ("text###id").
  const std::string label = std::string(text) + "###" + id;
  const bool clicked = ImGui::InvisibleButton(label.c_str(), ImVec2(size.x, std::max(size.y, ImGui::GetTextLineHeight())));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 col = ImGui::GetColorU32(accent_color());
  dl->AddText(p, col, text);
  if (hovered || ImGui::IsItemFocused()) dl->AddLine(ImVec2(p.x, p.y + size.y), ImVec2(p.x + size.x, p.y + size.y), col);
  if (hovered) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("%s", tooltip);
  }
  return clicked;
}

namespace {
struct UndoEntry {
  ContactId id = kNoContact;
  bool had = false;
  UserData before;
  std::string what;
  double at_ms = 0;
};
UndoEntry g_undo;
}  // namespace

void remember_for_undo(Session& s, ContactId id, const std::string& what) {
  const UserData* u = s.store.user_if(id);
  g_undo.id = id;
  g_undo.had = u != nullptr;
  g_undo.before = u ? *u : UserData{};
  g_undo.what = what;
  g_undo.at_ms = platform::now_ms();
}

void undo_toast(Session& s) {
  if (g_undo.id == kNoContact) return;
  if (platform::now_ms() - g_undo.at_ms > 12000 || s.index_of(g_undo.id) < 0) {
    g_undo.id = kNoContact;
    return;
  }
  // Bottom centre of the screen, over whatever is there: opaque, in the inverse of the theme so
  // it reads as a passing message and not as part of the page.
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y - 16),
                          ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(vp->WorkSize.x - 24, FLT_MAX));
  const bool dark = theme_is_dark();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, dark ? ImVec4(0.93f, 0.93f, 0.95f, 1) : ImVec4(0.16f, 0.17f, 0.20f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, dark ? ImVec4(0.10f, 0.11f, 0.13f, 1) : ImVec4(0.96f, 0.96f, 0.97f, 1));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 8));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
  if (ImGui::Begin("##undo", nullptr, flags)) {
    // Wrapped so the toast and its button fit a phone's width.
    const float text_w = std::min(ImGui::GetFontSize() * 30, vp->WorkSize.x - 24 - 28 - 16 - button_width("Undo"));
    const float needed = ImGui::CalcTextSize(g_undo.what.c_str()).x;
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(text_w, needed + 1));
    ImGui::TextUnformatted(g_undo.what.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SameLine(0, 16);
    ImVec4 a = accent_color();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(a.x, a.y, a.z, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(a.x * 0.9f, a.y * 0.9f, a.z * 0.9f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const bool undo = small_button("Undo");  // finger-sized on touch screens
    debug_rect("toast:undo", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (undo) {
      if (g_undo.had) s.store.user_of(g_undo.id) = g_undo.before;
      else s.store.user.erase(g_undo.id);
      s.touched(g_undo.id);
      g_undo.id = kNoContact;
    }
    ImGui::PopStyleColor(3);
    debug_rect("toast", ImGui::GetWindowPos(),
               ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
}

void floating_bar(const char* id, const std::function<void()>& draw) {
  // The current window's visible rectangle: the bar sits at its bottom, inside it.
  const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
  const float pad = 8;
  ImGui::SetNextWindowPos(ImVec2(wp.x + pad, wp.y + ws.y - pad), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(ws.x - 2 * pad, 0));
  ImVec4 a = accent_color();
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  const float t = theme_is_dark() ? 0.22f : 0.14f;  // the accent over the page, opaque
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(bg.x + (a.x - bg.x) * t, bg.y + (a.y - bg.y) * t, bg.z + (a.z - bg.z) * t, 1));
  ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(a.x, a.y, a.z, 0.6f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8.0f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
  if (ImGui::Begin(id, nullptr, flags)) {
    draw();
    debug_rect(id, ImGui::GetWindowPos(),
               ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
}

namespace {
std::map<std::string, std::array<float, 4>> g_rects;
}

void debug_rect(const std::string& name, ImVec2 min, ImVec2 max) { g_rects[name] = {min.x, min.y, max.x, max.y}; }
void debug_rects_clear() { g_rects.clear(); }
const std::map<std::string, std::array<float, 4>>& debug_rects() { return g_rects; }

bool wrapped_text_field(uint64_t key, const std::string& text, float min_lines, float max_lines, const char* hint,
                        const char* label, bool live, const std::function<void(const std::string&)>& on_change) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float w = ImGui::GetContentRegionAvail().x;
  const float wrap = std::max(1.0f, w - 2 * st.FramePadding.x);
  const float line = ImGui::GetTextLineHeight();
  float h = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y + line + 2 * st.FramePadding.y;
  h = std::clamp(h, line * min_lines, line * max_lines);
  ImGui::PushID(int(key & 0x7fffffff));
  // (A stop for Tab too: reaching it, or Enter/Space on it, puts the keyboard in the text area.)
  const bool pressed = ImGui::InvisibleButton("##wrapped", ImVec2(w, h));
  ImGui::PopID();
  const ImGuiContext& gc = *ImGui::GetCurrentContext();
  if (live && (pressed || (ImGui::IsItemFocused() && gc.NavJustMovedToId == ImGui::GetItemID())))
    platform::focus_text_area();
  // Pointed at: it may become the live one, unless the user is typing in the live one now.
  const bool picked = (ImGui::IsItemHovered() || ImGui::IsItemClicked()) && !platform::text_area_focused();
  const ImVec2 p0 = ImGui::GetItemRectMin(), p1 = ImGui::GetItemRectMax();
  debug_rect("text:" + std::to_string(key), p0, p1);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // While a popup is open (a menu or a dialog may lie over it, and the page cannot draw over a
  // DOM element) the field is drawn on the canvas.
  const bool popup = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
  if (live && ImGui::IsItemVisible() && !popup) {
    platform::TextAreaStyle ta;
    ta.x = p0.x, ta.y = p0.y, ta.w = w, ta.h = h;
    const ImVec2 c0 = dl->GetClipRectMin(), c1 = dl->GetClipRectMax();
    ta.clip_x0 = c0.x, ta.clip_y0 = c0.y, ta.clip_x1 = c1.x, ta.clip_y1 = c1.y;
    ta.font_px = ImGui::CalcTextSize("The quick brown fox jumps over the lazy dog").x;
    ta.line_px = ImGui::GetTextLineHeight();
    ta.pad_x = st.FramePadding.x, ta.pad_y = st.FramePadding.y, ta.rounding = st.FrameRounding;
    // Opaque: the frame's colour over the window's, as the canvas would show it.
    const ImVec4 f = st.Colors[ImGuiCol_FrameBg], b = st.Colors[ImGuiCol_WindowBg];
    ta.bg = ImGui::ColorConvertFloat4ToU32(ImVec4(f.x * f.w + b.x * (1 - f.w), f.y * f.w + b.y * (1 - f.w),
                                                  f.z * f.w + b.z * (1 - f.w), 1.0f));
    ta.fg = ImGui::GetColorU32(ImGuiCol_Text);
    ta.muted = ImGui::GetColorU32(muted_text_color());
    ta.border = ImGui::GetColorU32(ImGuiCol_Border);
    ta.placeholder = hint;
    ta.label = label;
    platform::text_area(key, ta, text, on_change);
    return picked;
  }
  dl->AddRectFilled(p0, p1, ImGui::GetColorU32(ImGuiCol_FrameBg), st.FrameRounding);
  if (st.FrameBorderSize > 0) dl->AddRect(p0, p1, ImGui::GetColorU32(ImGuiCol_Border), st.FrameRounding);
  const ImVec2 t(p0.x + st.FramePadding.x, p0.y + st.FramePadding.y);
  dl->PushClipRect(p0, p1, true);
  if (text.empty()) dl->AddText(t, ImGui::GetColorU32(muted_text_color()), hint);
  else dl->AddText(nullptr, 0.0f, t, ImGui::GetColorU32(ImGuiCol_Text), text.c_str(), nullptr, wrap);
  dl->PopClipRect();
  return picked;
}

bool date_field(const char* id, Day& value, float width) {
  static std::unordered_map<ImGuiID, std::string> buffers;
  ImGuiID key = ImGui::GetID(id);
  std::string& buf = buffers[key];
  bool active = ImGui::GetActiveID() == key;
  if (!active) buf = value == kNoDay ? std::string() : format_iso(value);
  char tmp[16];
  std::snprintf(tmp, sizeof tmp, "%s", buf.c_str());
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  bool bad = false;
  if (ImGui::InputTextWithHint(id, "YYYY-MM-DD", tmp, sizeof tmp)) buf = tmp;
  if (!buf.empty()) {
    Day d;
    bad = !parse_iso(buf, d);
    if (!bad && ImGui::IsItemDeactivatedAfterEdit() && d != value) {
      value = d;
      changed = true;
    }
  } else if (ImGui::IsItemDeactivatedAfterEdit() && value != kNoDay) {
    value = kNoDay;
    changed = true;
  }
  if (bad && ImGui::IsItemActive()) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, error_color());
    ImGui::TextUnformatted("YYYY-MM-DD");
    ImGui::PopStyleColor();
  }
  return changed;
}

void contacted_button(Session& s, const Contact& c, const char* label, const char* tooltip) {
  if (ImGui::Button(label)) {
    remember_for_undo(s, c.id, "Marked " + c.name() + " as contacted today.");
    std::string err;
    if (mark_contacted(s.store, c.id, s.today, err)) s.touched(c.id);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
}

void snooze_button(Session& s, ContactId id, const char* label) {
  ImGui::PushID(int(id));
  if (ImGui::Button(label)) ImGui::OpenPopup("snooze");
  if (ImGui::BeginPopup("snooze")) {
    struct Preset { const char* name; int days; };
    static const Preset presets[] = {{"1 week", 7}, {"1 month", 30}, {"3 months", 91}};
    const Contact* c = s.store.find(id);
    ImGui::TextDisabled("Hide %s from the queue until...", c ? display_text(c->name()) : "");
    auto apply = [&](Day until, const std::string& what) {
      remember_for_undo(s, id, what);
      s.store.user_of(id).snoozed_until = until;
      s.touched(id);
      ImGui::CloseCurrentPopup();
    };
    for (const Preset& p : presets) {
      std::string item = std::string(p.name) + "  (" + format_human(s.today + p.days) + ")";
      if (ImGui::Selectable(item.c_str())) apply(s.today + p.days, std::string("Snoozed for ") + p.name + ".");
    }
    ImGui::Separator();
    static Day custom = kNoDay;
    if (ImGui::IsWindowAppearing()) custom = s.today + 14;
    ImGui::TextUnformatted("Until");
    ImGui::SameLine();
    date_field("##custom", custom, ImGui::GetFontSize() * 7.5f);
    ImGui::SameLine();
    ImGui::BeginDisabled(custom == kNoDay || custom <= s.today);
    if (ImGui::Button("Snooze")) apply(custom, "Snoozed until " + format_human(custom) + ".");
    ImGui::EndDisabled();
    const UserData* u = s.store.user_if(id);
    if (u && u->snoozed_until != kNoDay && u->snoozed_until > s.today) {
      ImGui::Separator();
      if (ImGui::Selectable("Wake up now (end the snooze)")) apply(kNoDay, "Snooze ended.");
    }
    ImGui::EndPopup();
  }
  ImGui::PopID();
}

}  // namespace rk::ui
