// Follow-ups: today's prioritised queue with reasons and one-click actions.
#include <imgui.h>

#include <algorithm>

#include "core/api.hpp"
#include "core/dates.hpp"
#include "core/export.hpp"
#include "core/session.hpp"
#include "platform/platform.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace rk::ui {

namespace {

struct FollowState {
  std::vector<uint32_t> queue;  // contact indices, highest priority first
  uint64_t revision = ~0ull;
  size_t shown = 0;             // 0: Settings::queue_size
  int template_index = 0;
  size_t due = 0;
  ContactId copied = kNoContact;
  double copied_at = 0;
};
FollowState g;

void refresh(Session& s) {
  if (g.revision == s.revision) return;
  g.revision = s.revision;
  g.queue = s.queue();
  g.due = 0;
  for (uint32_t i : g.queue)
    if (s.evals[i].next_follow_up != kNoDay && s.evals[i].next_follow_up <= s.today) g.due++;
}

void card(Session& s, uint32_t i, float width) {
  const Contact& c = s.store.contacts[i];
  const Evaluation& e = s.evals[i];
  ImGui::PushID(int(c.id));
  bool open = state().selected == c.id;
  if (open) ImGui::PushStyleColor(ImGuiCol_Border, accent_color());
  ImGui::BeginChild("card", ImVec2(width, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
  // Name (click: details) and status.
  ImGui::PushFont(font_bold());
  std::string name = c.name().empty() ? "(no name)" : c.name();
  ImGui::PushStyleColor(ImGuiCol_Header, ImVec4(0, 0, 0, 0));
  (void)width;
  ImVec2 ns = ImGui::CalcTextSize(display_text(name));
  float room = ImGui::GetContentRegionAvail().x;
  if (ImGui::Selectable(display_text(name), open, 0, ImVec2(std::min(ns.x, room), 0))) state().selected = c.id;
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open the details: timeline, notes, tags");
  float badge_w = ImGui::CalcTextSize(status_label(e.status)).x + 14;
  if (ImGui::GetItemRectMax().x + badge_w + 16 < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
  status_badge(e.status);
  std::string hl = headline(c);
  if (!hl.empty()) muted("%s", hl.c_str());
  // Why now.
  const std::vector<std::string>& reasons = s.reasons(i);
  size_t nreasons = std::min<size_t>(reasons.size(), compact() ? 2 : 3);
  for (size_t k = 0; k < nreasons; ++k) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", display_text(reasons[k]));
  }
  if (e.next_follow_up != kNoDay) {
    bool due = e.next_follow_up <= s.today;
    ImGui::PushStyleColor(ImGuiCol_Text, due ? warning_color() : muted_text_color());
    ImGui::Text("%s %s", due ? "Due" : "Follow up", relative_day(e.next_follow_up, s.today).c_str());
    ImGui::PopStyleColor();
    if (e.last_interaction != kNoDay) {
      ImGui::SameLine();
      ImGui::TextDisabled("- last contact %s", relative_day(e.last_interaction, s.today).c_str());
    }
  }
  // Actions.
  profile_button(c, compact() ? "Profile" : "Open profile");
  const auto& templates = effective_templates(s.store.settings);
  const char* copy_label = compact() ? "Copy message" : "Copy message";
  same_line_if_fits(button_width(copy_label));
  if (ImGui::Button(copy_label) && !templates.empty()) {
    size_t t = size_t(std::clamp(g.template_index, 0, int(templates.size()) - 1));
    platform::copy_to_clipboard(fill_template(templates[t].body, c));
    g.copied = c.id;
    g.copied_at = platform::now_ms();
  }
  if (ImGui::IsItemHovered() && !templates.empty()) {
    size_t t = size_t(std::clamp(g.template_index, 0, int(templates.size()) - 1));
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::TextDisabled("Copies \"%s\" to the clipboard:", templates[t].name.c_str());
    ImGui::TextUnformatted(fill_template(templates[t].body, c).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  same_line_if_fits(button_width("Done"));
  contacted_button(s, c, "Done", "Mark as contacted today");
  same_line_if_fits(button_width("Snooze"));
  snooze_button(s, c.id);
  same_line_if_fits(button_width("Archive"));
  if (ImGui::Button("Archive")) {
    remember_for_undo(s, c.id, "Archived " + c.name() + ".");
    s.store.user_of(c.id).archived = true;
    s.touched(c.id);
  }
  if (g.copied == c.id && platform::now_ms() - g.copied_at < 2500) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, status_color(Status::Active));
    ImGui::TextUnformatted("Copied");
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
  if (open) ImGui::PopStyleColor();
  ImGui::PopID();
}

}  // namespace

void draw_followups(Session& s) {
  heading("Follow-ups");
  if (s.store.contacts.empty()) {
    if (empty_state("Nothing to follow up yet", "Import your LinkedIn export and Rekindle will rank who to reach out to next.", "Go to Import"))
      state().view = View::Import;
    return;
  }
  refresh(s);
  const Settings& st = s.store.settings;
  size_t page = size_t(std::max(1, st.queue_size));
  if (g.shown == 0 || g.shown < page) g.shown = page;

  if (g.queue.empty()) {
    if (empty_state("All caught up",
                    "Nobody needs a follow-up right now: everyone is either active, snoozed, archived or not due yet. "
                    "Browse Contacts to plan ahead, or lower the cadence in Settings.",
                    "Browse contacts"))
      state().view = View::Contacts;
    return;
  }
  ImGui::SameLine();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetFontSize() * 0.45f);
  if (compact()) muted("%zu to do", g.queue.size());
  else muted("%zu people worth reaching out to, %zu due now. Most important first.", g.queue.size(), g.due);

  // Template picker and calendar export.
  const auto& templates = effective_templates(st);
  if (!templates.empty()) {
    g.template_index = std::clamp(g.template_index, 0, int(templates.size()) - 1);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Message");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x - 4, ImGui::GetFontSize() * 14));
    if (ImGui::BeginCombo("##template", templates[size_t(g.template_index)].name.c_str())) {
      for (int k = 0; k < int(templates.size()); ++k) {
        if (ImGui::Selectable(templates[size_t(k)].name.c_str(), k == g.template_index)) g.template_index = k;
        if (ImGui::IsItemHovered()) {
          ImGui::BeginTooltip();
          ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
          ImGui::TextUnformatted(templates[size_t(k)].body.c_str());
          ImGui::PopTextWrapPos();
          ImGui::EndTooltip();
        }
      }
      ImGui::Separator();
      if (ImGui::Selectable("Edit templates in Settings...")) state().view = View::Settings;
      ImGui::EndCombo();
    }
  }
  same_line_if_fits(button_width("Add to calendar (.ics)"));
  if (ImGui::Button("Add to calendar (.ics)")) {
    std::vector<uint32_t> rows(g.queue.begin(), g.queue.begin() + long(std::min(g.queue.size(), g.shown)));
    // The events' descriptions are the reasons: evaluations with them, for the rows exported.
    std::vector<Evaluation> evals = s.evals;
    for (uint32_t r : rows) evals[r].reasons = s.reasons(r);
    std::string ics = followups_ics(s.store, evals, rows, s.today);
    platform::download("rekindle-follow-ups.ics", "text/calendar;charset=utf-8", ics);
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Downloads the follow-ups shown as calendar events: open the file with your calendar app\n"
                      "so reminders reach you even when Rekindle is closed.");
  undo_toast(s);
  ImGui::Spacing();

  ImGui::BeginChild("queue", ImVec2(0, 0), ImGuiChildFlags_None);
  const float avail = ImGui::GetContentRegionAvail().x;
  const float min_card = ImGui::GetFontSize() * 26;
  int cols = compact() ? 1 : std::clamp(int(avail / min_card), 1, 3);
  size_t n = std::min(g.queue.size(), g.shown);
  if (cols == 1) {
    for (size_t k = 0; k < n; ++k) card(s, g.queue[k], -1);
  } else if (ImGui::BeginTable("cards", cols, ImGuiTableFlags_SizingStretchSame)) {
    for (size_t k = 0; k < n; ++k) {
      ImGui::TableNextColumn();
      card(s, g.queue[k], -1);
    }
    ImGui::EndTable();
  }
  if (n < g.queue.size()) {
    ImGui::Spacing();
    std::string more = "Show " + std::to_string(std::min(page, g.queue.size() - n)) + " more (" +
                       std::to_string(g.queue.size() - n) + " left)";
    if (ImGui::Button(more.c_str())) g.shown += page;
  }
  ImGui::Dummy(ImVec2(0, 8));
  ImGui::EndChild();
}

}  // namespace rk::ui
