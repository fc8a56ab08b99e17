// The app frame: navigation bar, banners, the current view, the detail panel, import progress.
#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "core/serialize.hpp"
#include "core/session.hpp"
#include "platform/platform.hpp"
#include "ui/fonts.hpp"
#include "platform/items.hpp"
#include "ui/theme.hpp"
#include "ui/ui.hpp"
#include "ui/views.hpp"

namespace rk::ui {

namespace {
UiState g_state;
int g_theme_applied = -1;  // dark, touch and font size, packed

const char* const kViewNames[] = {"import", "dashboard", "contacts", "followups", "settings"};
const char* const kViewTitles[] = {"Import", "Dashboard", "Contacts", "Follow-ups", "Settings"};

void sync_theme(Session& s) {
  const std::string& t = s.store.settings.theme;
  int dark = t == "dark" ? 1 : t == "light" ? 0 : (platform::prefers_dark() ? 1 : 0);
  int touch = platform::coarse_pointer() ? 1 : 0;
  int key = dark | touch << 1 | int(font_size() * 4) << 2;
  if (key != g_theme_applied) {
    apply_theme(dark == 1, touch == 1, font_size() > 0 ? font_size() : 16.0f);
    g_theme_applied = key;
  }
}

void keyboard_shortcuts() {
  ImGuiIO& io = ImGui::GetIO();
  bool typing = io.WantTextInput;
  if ((!typing && ImGui::IsKeyPressed(ImGuiKey_Slash)) || (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_F))) {
    if (g_state.view != View::Contacts && g_state.view != View::FollowUps) g_state.view = View::Contacts;
    g_state.focus_search = true;
  }
  // Escape closes the innermost thing only: a popup (Dear ImGui closes it this frame) or a text
  // field being typed in, and only then the contact's panel.
  static bool popup_before = false;
  const bool popup_now = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
  if (!typing && !popup_before && !popup_now && ImGui::IsKeyPressed(ImGuiKey_Escape) && g_state.selected != kNoContact)
    g_state.selected = kNoContact;
  popup_before = popup_now;
}

void nav_bar(Session& s) {
  ImGuiStyle& st = ImGui::GetStyle();
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(st.FramePadding.x + (compact() ? -4 : 4), st.FramePadding.y + 3));
  ImGui::PushFont(font_large());
  ImGui::PushStyleColor(ImGuiCol_Text, accent_color());
  ImGui::TextUnformatted(compact() ? "R" : "Rekindle");
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::SameLine(0, compact() ? 8 : 24);
  float y = ImGui::GetCursorPosY();
  // One set of labels at every width: on a phone the buttons are tighter and, if they still do
  // not fit, the row wraps (a view is never renamed "Home" or "To do" on one screen only).
  const float gap = compact() ? 2 : 6;
  for (int i = 0; i < int(View::Count); ++i) {
    View v = View(i);
    bool on = g_state.view == v;
    if (i) {
      const float right = ImGui::GetItemRectMax().x + gap + button_width(kViewTitles[i]);
      if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine(0, gap);
      else y = ImGui::GetCursorPosY() - 4;
    }
    ImGui::SetCursorPosY(y + 4);
    ImGui::PushStyleColor(ImGuiCol_Button, on ? ImGui::GetStyleColorVec4(ImGuiCol_Header) : ImVec4(0, 0, 0, 0));
    if (ImGui::Button(kViewTitles[i])) g_state.view = v;
    ImGui::PopStyleColor();
  }
  ImGui::PopStyleVar();

  // Right side: import progress or save state.
  const auto& storage = platform::storage();
  std::string right;
  if (s.importing()) right = s.import_phase();
  else if (storage.saving) right = "Saving...";
  else if (!storage.save_error.empty()) right = "Not saved";
  else if (storage.last_saved_ms > 0) right = "Saved";
  if (!right.empty() && !compact()) {
    float w = ImGui::CalcTextSize(right.c_str()).x;
    ImGui::SameLine(ImGui::GetWindowWidth() - w - st.WindowPadding.x);
    ImGui::SetCursorPosY(y + 8);
    ImGui::TextDisabled("%s", right.c_str());
  }
  ImGui::Separator();
}

void banner(const std::string& text, ImVec4 color) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

void banners(Session& s) {
  const auto& st = platform::storage();
  if (st.blocked) {
    banner(st.load_error + " Nothing was deleted. Saving is paused until you choose:", error_color());
    if (ImGui::Button("Download the stored data")) platform::download_raw_stored_state();
    ImGui::SameLine();
    if (ImGui::Button("Start fresh (replace it)")) platform::start_fresh(s);
    ImGui::Separator();
  } else if (st.other_tab_changed) {
    banner("Rekindle was changed in another tab. Reload to see those changes; saving from this tab is paused so nothing is overwritten.",
           warning_color());
    if (ImGui::Button("Reload")) platform::reload_page();
    ImGui::SameLine();
    if (ImGui::Button("Keep this tab's version")) {
      platform::start_fresh(s);
      const_cast<platform::StorageStatus&>(st).other_tab_changed = false;
    }
    ImGui::Separator();
  } else if (!st.save_error.empty()) {
    banner(st.save_error, error_color());
    if (ImGui::Button("Try saving again")) platform::save_now(s);
    ImGui::SameLine();
    // No backup without the message texts: they are still loading for a moment after start-up.
    ImGui::BeginDisabled(s.store.texts_pending);
    if (ImGui::Button("Download a backup")) platform::download("rekindle-backup.json", "application/json", export_backup(s.store));
    ImGui::EndDisabled();
    ImGui::Separator();
  }
}

void import_progress(Session& s) {
  if (!s.importing()) return;
  ImGui::ProgressBar(s.import_progress(), ImVec2(compact() ? -90.0f : 420.0f, 0), s.import_phase().c_str());
  if (s.finishing()) return;  // too late to cancel: the stored data is being updated
  ImGui::SameLine();
  if (ImGui::Button(s.remote && s.remote->restore ? "Cancel restore" : "Cancel import")) s.cancel_import();
}

void drop_highlight() {
  if (!platform::is_dragging_over()) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  ImVec2 size = ImGui::GetIO().DisplaySize;
  ImVec4 a = accent_color();
  dl->AddRectFilled(ImVec2(0, 0), size, ImGui::GetColorU32(ImVec4(a.x, a.y, a.z, 0.12f)));
  dl->AddRect(ImVec2(8, 8), ImVec2(size.x - 8, size.y - 8), ImGui::GetColorU32(a), 12.0f, 0, 4.0f);
  const char* t = "Drop your LinkedIn export to import it";
  ImGui::PushFont(font_large());
  ImVec2 ts = ImGui::CalcTextSize(t);
  dl->AddText(ImVec2((size.x - ts.x) / 2, (size.y - ts.y) / 2), ImGui::GetColorU32(a), t);
  ImGui::PopFont();
}

void message_popup() {
  if (g_state.message_pending) {
    ImGui::OpenPopup("##message");
    g_state.message_pending = false;
  }
  ImGui::SetNextWindowSizeConstraints(ImVec2(280, 0), ImVec2(560, 600));
  if (ImGui::BeginPopupModal("##message", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushFont(font_bold());
    ImGui::TextUnformatted(g_state.message_title.c_str());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(g_state.message_text.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button("OK") || ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_Escape))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace

UiState& state() { return g_state; }
const char* view_name(View v) { return kViewNames[int(v)]; }
const char* view_title(View v) { return kViewTitles[int(v)]; }
bool compact() { return ImGui::GetIO().DisplaySize.x < 700.0f; }

// The table layout (column widths, order, sort) lives with the settings in IndexedDB: ImGui
// writes no ini file (io.IniFilename is null).
void sync_layout(Session& s) {
  ImGuiIO& io = ImGui::GetIO();
  if (!io.WantSaveIniSettings) return;
  io.WantSaveIniSettings = false;
  size_t n = 0;
  const char* ini = ImGui::SaveIniSettingsToMemory(&n);
  std::string now(ini, n);
  if (now != s.store.settings.layout_ini) {
    s.store.settings.layout_ini = std::move(now);
    s.user_dirty = true;
  }
}

void init(Session& s) {
  if (!s.store.settings.layout_ini.empty())
    ImGui::LoadIniSettingsFromMemory(s.store.settings.layout_ini.c_str(), s.store.settings.layout_ini.size());
  sync_theme(s);
  g_state.view = s.store.contacts.empty() ? View::Import : View::FollowUps;
}

void frame(Session& s) {
  debug_rects_clear();
  platform::items_begin_frame();
  sync_theme(s);
  sync_layout(s);
  keyboard_shortcuts();
  ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("Rekindle", nullptr, flags);
  nav_bar(s);
  banners(s);
  import_progress(s);
  if (s.finishing()) {
    // The last frames of an import: the data is half-merged, so no view may draw it.
    ImGui::Spacing();
    ImGui::TextDisabled("Putting your network together...");
    message_popup();
    ImGui::End();
    return;
  }

  bool with_detail = g_state.selected != kNoContact && s.index_of(g_state.selected) >= 0 &&
                     (g_state.view == View::Contacts || g_state.view == View::FollowUps);
  float avail = ImGui::GetContentRegionAvail().x;
  float detail_w = compact() ? avail : std::max(360.0f, avail * 0.36f);
  if (with_detail && compact()) {
    ImGui::BeginChild("detail", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    draw_detail(s);
    ImGui::EndChild();
  } else {
    ImGui::BeginChild("view", ImVec2(with_detail ? avail - detail_w - 8 : 0, 0), false, ImGuiWindowFlags_NavFlattened);
    // Through a table rather than a switch: each view is called from one place only, so the
    // optimiser would otherwise inline all of them into this function, which the browser then
    // has to compile whole before the first frame, whichever view it shows.
    using ViewFn = void (*)(Session&);
    static ViewFn const kDraw[] = {draw_import, draw_dashboard, draw_contacts, draw_followups, draw_settings};
    const int pick = int(g_state.view);
    if (pick >= 0 && pick < int(sizeof kDraw / sizeof kDraw[0])) kDraw[pick](s);
    ImGui::EndChild();
    if (with_detail) {
      ImGui::SameLine();
      ImGui::BeginChild("detail", ImVec2(0, 0), true, ImGuiWindowFlags_NavFlattened);
      draw_detail(s);
      ImGui::EndChild();
    }
  }
  message_popup();
  ImGui::End();
  undo_toast(s);  // an overlay, after the views: it never pushes them down
  drop_highlight();
}

void on_data_cleared(Session&) {
  g_state.selected = kNoContact;
  g_state.view = View::Import;
}

void show_message(const std::string& title, const std::string& text) {
  g_state.message_title = title;
  g_state.message_text = text;
  g_state.message_pending = true;
}

bool set_view(const std::string& name) {
  for (int i = 0; i < int(View::Count); ++i) {
    if (name == kViewNames[i]) {
      g_state.view = View(i);
      return true;
    }
  }
  return false;
}

bool select_contact(Session& s, ContactId id) {
  if (id != kNoContact && s.index_of(id) < 0) return false;
  g_state.selected = id;
  return true;
}

}  // namespace rk::ui
