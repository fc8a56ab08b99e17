// Settings: theme, font size, scoring weights and cadences, templates, data management.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/dates.hpp"
#include "core/serialize.hpp"
#include "core/session.hpp"
#include "core/templates.hpp"
#include "core/text.hpp"
#include "platform/platform.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace rk::ui {

namespace {

float g_font_size = -1;  // the slider's value while dragging
// The template whose text is in the page's text area (wrapped_text_field), and the keys that
// name templates' texts there (apart from contacts' notes, whose keys are contact ids).
size_t g_live_template = 0;
constexpr uint64_t kTemplateKeys = uint64_t(1) << 40;
std::string g_new_tag;
int g_new_tag_days = 30;

std::string bytes(double b) {
  char buf[32];
  if (b < 0) return "unknown";
  if (b < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.0f KB", b / 1024);
  else if (b < 1024.0 * 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", b / (1024 * 1024));
  else std::snprintf(buf, sizeof buf, "%.1f GB", b / (1024.0 * 1024 * 1024));
  return buf;
}

bool section(const char* title) {
  ImGui::Spacing();
  ImGui::PushFont(font_bold());
  bool open = ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen);
  ImGui::PopFont();
  return open;
}

void label(const char* text, float width) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(text);
  if (!compact()) ImGui::SameLine(width);
}

void appearance(Session& s) {
  Settings& st = s.store.settings;
  const float lw = ImGui::GetFontSize() * 9;
  label("Theme", lw);
  const char* ids[] = {"system", "light", "dark"};
  const char* names[] = {"Follow the system", "Light", "Dark"};
  for (int i = 0; i < 3; ++i) {
    if (i) ImGui::SameLine();
    if (ImGui::RadioButton(names[i], st.theme == ids[i])) {
      st.theme = ids[i];
      s.settings_changed();
    }
  }
  label("Text size", lw);
  static bool dragging = false;
  if (!dragging) g_font_size = st.font_size;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  ImGui::SliderFloat("##fontsize", &g_font_size, 12.0f, 24.0f, "%.0f px");
  dragging = ImGui::IsItemActive();
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    st.font_size = std::round(g_font_size);
    s.settings_changed();
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Reset##font") && st.font_size != 16.0f) {
    st.font_size = 16.0f;
    s.settings_changed();
  }
  const std::string fs = font_status();
  if (!fs.empty()) muted("%s", fs.c_str());
}

// A labelled whole-number field; true when it changed (already clamped into [lo, hi]).
bool int_setting(const char* text, const char* id, int& value, int lo, int hi, int step, const char* help) {
  label(text, ImGui::GetFontSize() * 13);
  int v = value;
  ImGui::SetNextItemWidth(with_step_buttons(ImGui::GetFontSize() * 8));
  const bool changed = ImGui::InputInt(id, &v, step, step * 4) && std::clamp(v, lo, hi) != value;
  if (changed) value = std::clamp(v, lo, hi);
  help_marker(help);
  return changed;
}

void tiers(Session& s) {
  Settings& st = s.store.settings;
  ImGui::Spacing();
  ImGui::TextUnformatted("Tiers");
  help_marker("Put a contact in a tier (in its details) to give it a cadence band: past the target it is due "
              "for a follow-up; past the maximum it is overdue and ranks higher. A contact's own cadence wins "
              "over its tier, and the tier over a tag's cadence.");
  if (!ImGui::BeginTable("tiers", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupColumn("Name");
  ImGui::TableSetupColumn("Target (days)");
  ImGui::TableSetupColumn("Maximum (days)");
  ImGui::TableHeadersRow();
  // On a phone the three columns fit without the -/+ buttons (the keyboard enters the days).
  const bool phone = compact();
  const int step = phone ? 0 : 7;
  const float num_w = ImGui::GetFontSize() * (phone ? 4.5f : 7);
  for (size_t k = 0; k < st.tiers.size(); ++k) {
    Tier& t = st.tiers[k];
    ImGui::PushID(int(k));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * (phone ? 6.5f : 8));
    if (ImGui::InputText("##name", &t.name)) s.settings_changed();
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(num_w);
    int target = t.target_days, max = t.max_days;
    if (ImGui::InputInt("##target", &target, step, 30)) {
      t.target_days = std::clamp(target, 1, 3650);
      t.max_days = std::max(t.max_days, t.target_days);
      s.settings_changed();
    }
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(num_w);
    if (ImGui::InputInt("##max", &max, step, 30)) {
      t.max_days = std::clamp(max, t.target_days, 3650);
      s.settings_changed();
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  if (ImGui::SmallButton("Restore the default tiers")) {
    st.tiers = default_tiers();
    s.settings_changed();
  }
}

void follow_ups(Session& s) {
  Settings& st = s.store.settings;
  bool changed = false;
  changed |= int_setting("Actions in Today", "##today", st.today_size, 3, 50, 1,
                         "How many actions Follow-ups shows for today. The kinds (replies owed, new connections, "
                         "moments, follow-ups due, one nudge) take turns, so no kind fills the list.");
  changed |= int_setting("Reply window (days)", "##replywin", st.reply_window_days, 7, 365, 7,
                         "They wrote last within this many days: awaiting your reply. An older unanswered message "
                         "is history (the relationship is fading), not a reply owed today.");
  changed |= int_setting("Greeting window (days)", "##greetwin", st.greeting_window_days, 7, 180, 7,
                         "A connection made within this many days with no message either way is suggested as "
                         "someone to greet (three times as long if their invitation had a personal note).");
  changed |= int_setting("Nudges before giving up", "##nudges", st.nudge_limit, 0, 5, 1,
                         "Your message went unanswered: Rekindle suggests a nudge after a week, and stops after "
                         "this many unanswered nudges.");
  changed |= int_setting("Default cadence (days)", "##defcad", st.default_cadence_days, 1, 3650, 7,
                         "How often to be in touch with someone, unless a tier, a tag or the contact itself says "
                         "otherwise. The next follow-up is the last interaction plus the cadence.");
  changed |= int_setting("Default maximum (days)", "##defmax", st.default_cadence_max_days, 1, 3650, 7,
                         "Past the cadence a contact is due; past this maximum it is overdue and ranks higher.");
  st.default_cadence_max_days = std::max(st.default_cadence_max_days, st.default_cadence_days);
  changed |= int_setting("Cards per page", "##queue", st.queue_size, 5, 500, 5,
                         "When browsing a kind of action or the whole queue, how many cards show at once "
                         "(\"Show more\" reveals the next ones).");
  if (changed) s.settings_changed();
  tiers(s);

  ImGui::Spacing();
  ImGui::TextUnformatted("Cadence per tag");
  help_marker("A contact with one of these tags uses its cadence (the shortest one wins if several apply).");
  std::string remove;
  if (!st.tag_cadence_days.empty() &&
      ImGui::BeginTable("tagcad", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
    for (auto& [tag, days] : st.tag_cadence_days) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(display_text(tag));
      ImGui::TableNextColumn();
      ImGui::PushID(tag.c_str());
      int d = days;
      ImGui::SetNextItemWidth(with_step_buttons(ImGui::GetFontSize() * 8));
      if (ImGui::InputInt("##d", &d, 7, 30)) {
        days = std::clamp(d, 1, 3650);
        s.settings_changed();
      }
      ImGui::TableNextColumn();
      if (ImGui::SmallButton("Remove")) remove = tag;
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (!remove.empty()) {
    st.tag_cadence_days.erase(remove);
    s.settings_changed();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  ImGui::InputTextWithHint("##newtagcad", "tag", &g_new_tag);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(with_step_buttons(ImGui::GetFontSize() * 8));
  ImGui::InputInt("##newtagdays", &g_new_tag_days, 7, 30);
  g_new_tag_days = std::clamp(g_new_tag_days, 1, 3650);
  ImGui::SameLine();
  std::string tag(trim(g_new_tag));
  ImGui::BeginDisabled(tag.empty());
  if (ImGui::Button("Add")) {
    st.tag_cadence_days[tag] = g_new_tag_days;
    g_new_tag.clear();
    s.settings_changed();
  }
  ImGui::EndDisabled();
}

void weights(Session& s) {
  Weights& w = s.store.settings.weights;
  muted("How much each signal counts in a relationship's strength. They are relative: only the proportions matter.");
  struct W { const char* name; double* v; const char* help; };
  W items[] = {
      {"Recency", &w.recency, "How recently you were in touch."},
      {"Frequency", &w.frequency, "How many messages you exchanged."},
      {"Reciprocity", &w.reciprocity, "Whether both of you write and answer."},
      {"Depth", &w.depth, "Back-and-forth exchanges and conversations, including logged interactions."},
      {"Ties", &w.ties, "Endorsements, recommendations and a personal invitation note."},
  };
  const float lw = ImGui::GetFontSize() * 9;
  for (W& it : items) {
    label(it.name, lw);
    float v = float(*it.v);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::SliderFloat((std::string("##") + it.name).c_str(), &v, 0.0f, 1.0f, "%.2f")) *it.v = v;
    if (ImGui::IsItemDeactivatedAfterEdit()) s.settings_changed();
    help_marker(it.help);
  }
  if (ImGui::Button("Reset weights")) {
    w = Weights{};
    s.settings_changed();
  }
}

// Which kind of action a template is for (the card of that kind copies it).
void template_kind(Session& s, Template& t) {
  Action a = Action::None;
  parse_action(t.kind, a);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  name_next("##kind", "Template for");
  if (ImGui::BeginCombo("##kind", a == Action::None ? "For any card" : action_label(a))) {
    for (int k = 0; k < kActionCount; ++k) {
      if (ImGui::Selectable(k == 0 ? "For any card" : action_label(Action(k)), int(a) == k)) {
        t.kind = action_name(Action(k));
        s.settings_changed();
      }
    }
    ImGui::EndCombo();
  }
}

void templates(Session& s) {
  Settings& st = s.store.settings;
  if (st.templates.empty()) {
    // Seed the defaults the first time, so they can be edited.
    st.templates = default_templates();
    s.settings_changed();
  }
  muted("Each follow-up card copies the template written for its kind of action (a reply owed, a new "
        "connection, a moment, a follow-up, a nudge), filled in for the person. Placeholders: "
        "{first_name} {last_name} {name} {company} {position}");
  int remove = -1;
  for (size_t k = 0; k < st.templates.size(); ++k) {
    Template& t = st.templates[k];
    ImGui::PushID(int(k));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x - button_width("Delete") - 10, ImGui::GetFontSize() * 20));
    if (ImGui::InputTextWithHint("##name", "template name", &t.name)) s.settings_changed();
    ImGui::SameLine();
    if (ImGui::Button("Delete")) remove = int(k);
    template_kind(s, t);
    // The body wraps: the page's native text area over the template being edited (the one last
    // pointed at), the others drawn alike on the canvas.
    const uint64_t key = kTemplateKeys + k;
    if (wrapped_text_field(key, t.body, 3.5f, 10.0f, "Hi {first_name}, ...", "Template text", g_live_template == k,
                           [&s, k](const std::string& text) {
                             auto& list = s.store.settings.templates;
                             if (k >= list.size() || list[k].body == text) return;
                             list[k].body = text;
                             s.settings_changed();
                           }))
      g_live_template = k;
    ImGui::Spacing();
    ImGui::PopID();
  }
  if (remove >= 0) {
    st.templates.erase(st.templates.begin() + remove);
    if (st.templates.empty()) st.templates.push_back({"Hello", "Hi {first_name}, ", ""});
    s.settings_changed();
  }
  if (ImGui::Button("Add a template")) {
    st.templates.push_back({"New template", "Hi {first_name}, ", ""});
    s.settings_changed();
  }
  ImGui::SameLine();
  if (ImGui::Button("Restore the defaults")) {
    st.templates = default_templates();
    s.settings_changed();
  }
}

void data(Session& s) {
  const platform::StorageStatus& st = platform::storage();
  ImGui::TextWrapped("Everything lives in this browser's storage for this page: %s, %s.",
                     plural(long(s.store.contacts.size()), "contact", "contacts").c_str(),
                     plural(long(s.store.messages.size()), "message", "messages").c_str());
  // Your data and the app's own offline files apart: after "Delete all my data" the latter stay
  // (they are the app, for working offline), and must not read as data left behind.
  if (st.used_bytes >= 0) {
    const bool nothing = s.store.contacts.empty() && s.store.user.empty() && !s.user_dirty && !s.bulk_dirty;
    if (st.data_bytes >= 0) {
      ImGui::TextWrapped("Your data: %s.", nothing ? "nothing stored" : bytes(st.data_bytes).c_str());
      if (st.app_files_bytes >= 0)
        ImGui::TextWrapped("The app's offline files: %s (Rekindle itself, so it opens without a network; not your data).",
                           bytes(st.app_files_bytes).c_str());
    } else {
      ImGui::TextWrapped("Space used by this page: %s, with the app's offline files (Rekindle itself).",
                         bytes(st.used_bytes).c_str());
    }
    muted("The browser allows this page up to %s.", bytes(st.quota_bytes).c_str());
  }
  if (st.saving) ImGui::TextUnformatted("Saving...");
  else if (!st.save_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, error_color());
    ImGui::TextWrapped("%s", st.save_error.c_str());
    ImGui::PopStyleColor();
  } else if (st.last_saved_ms > 0) {
    ImGui::Text("Last saved %s", elapsed((platform::now_ms() - st.last_saved_ms) / 1000.0).c_str());
  } else {
    ImGui::TextUnformatted("Nothing new to save.");
  }
  if (st.persisted) {
    ImGui::PushStyleColor(ImGuiCol_Text, status_color(Status::Active));
    ImGui::TextWrapped("The browser keeps this data even when space runs low.");
    ImGui::PopStyleColor();
  } else {
    ImGui::TextWrapped("The browser may clear this data when space runs low.");
    if (ImGui::Button("Ask the browser to keep it")) platform::request_persistent_storage();
  }
  ImGui::Spacing();
  // No backup without the message texts: they are still loading for a moment after start-up.
  ImGui::BeginDisabled(s.store.texts_pending);
  if (ImGui::Button("Download a backup (.json)"))
    platform::download("rekindle-backup-" + format_iso(s.today) + ".json", "application/json", export_backup(s.store));
  ImGui::EndDisabled();
  help_marker("Your contacts, notes, tags, dates and settings in one file. Keep it somewhere safe; "
              "Restore reads it back here or in another browser.");
  same_line_if_fits(button_width("Restore a backup..."));
  if (ImGui::Button("Restore a backup...")) platform::open_file_picker(platform::PickPurpose::RestoreBackup);
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.75f, 0.15f, 0.15f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.85f, 0.20f, 0.20f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.65f, 0.10f, 0.10f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  if (ImGui::Button("Delete all my data...")) ImGui::OpenPopup("Delete all data?");
  ImGui::PopStyleColor(4);

  ImVec2 center = ImGui::GetMainViewport()->GetCenter();
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(280, 0), ImVec2(ImGui::GetFontSize() * 30, 10000));
  if (ImGui::BeginPopupModal("Delete all data?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
    ImGui::TextWrapped("This removes every contact, message, note, tag, follow-up date and setting from this browser. "
                       "It cannot be undone. Download a backup first if you may want them back.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::BeginDisabled(s.store.texts_pending);
    if (ImGui::Button("Download a backup first"))
      platform::download("rekindle-backup-" + format_iso(s.today) + ".json", "application/json", export_backup(s.store));
    ImGui::EndDisabled();
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.75f, 0.15f, 0.15f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    if (ImGui::Button("Delete everything")) {
      platform::clear_all_data(s);
      ImGui::CloseCurrentPopup();
    }
    ImGui::PopStyleColor(2);
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

// Keys, then what they do. The key column is as wide as its widest key and the other takes the
// rest (with text that wraps, a fitted column measured its width as one letter).
void shortcuts() {
  const char* rows[][2] = {{"/  or  Ctrl+F", "Search contacts"},
                           {"Up / Down", "Move through the contacts table"},
                           {"Enter", "Open the selected contact"},
                           {"Esc", "Close the contact panel"},
                           {"Ctrl+click, Shift+click", "Select several contacts"}};
  float key_w = 0;
  for (auto& r : rows) key_w = std::max(key_w, ImGui::CalcTextSize(r[0]).x);
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool stacked = key_w > avail * 0.5f;  // a phone: the key above what it does
  if (stacked) {
    ImGui::BeginGroup();
    for (auto& r : rows) {
      ImGui::TextDisabled("%s", r[0]);
      ImGui::Indent(ImGui::GetFontSize());
      ImGui::TextWrapped("%s", r[1]);
      ImGui::Unindent(ImGui::GetFontSize());
    }
    ImGui::EndGroup();
    debug_rect("keys-table", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    return;
  }
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_SizingFixedFit, ImVec2(avail, 0))) {
    ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed, key_w + ImGui::GetFontSize());
    ImGui::TableSetupColumn("does", ImGuiTableColumnFlags_WidthStretch);
    for (auto& r : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", r[0]);
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", r[1]);
    }
    ImGui::EndTable();
    debug_rect("keys-table", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }
}

}  // namespace

void draw_settings(Session& s) {
  heading("Settings");
  ImGui::BeginChild("settings", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
  const float avail = ImGui::GetContentRegionAvail().x;
  const float col_w = std::min(avail, ImGui::GetFontSize() * 48);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col_w);
  ImGui::BeginChild("col", ImVec2(col_w, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NavFlattened);
  ImGui::PushTextWrapPos(0);
  if (section("Appearance")) appearance(s);
  if (section("Follow-ups and cadences")) follow_ups(s);
  if (section("Message templates")) templates(s);
  if (section("Scoring weights")) weights(s);
  if (section("Your data")) data(s);
  if (section("Keyboard")) shortcuts();
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
  ImGui::PopTextWrapPos();
  ImGui::Dummy(ImVec2(0, 12));
  ImGui::EndChild();
}

}  // namespace rk::ui
