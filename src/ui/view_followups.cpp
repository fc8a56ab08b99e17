// Follow-ups: Today's short, mixed list of actions (a reply owed, a new connection to greet, a
// moment, a follow-up due, one nudge), then the rest of the queue by kind, with one-click actions.
#include <imgui.h>

#include <algorithm>
#include <array>

#include "core/api.hpp"
#include "core/charts.hpp"
#include "core/dates.hpp"
#include "core/export.hpp"
#include "core/session.hpp"
#include "core/templates.hpp"
#include "platform/platform.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace rk::ui {

namespace {

constexpr int kTabToday = 0, kTabAll = kActionCount;  // kinds are tabs 1..kActionCount-1

struct FollowState {
  uint64_t revision = ~0ull;
  std::vector<uint32_t> queue;                             // contact indices, in queue order
  size_t today = 0;                                        // its first `today` entries are Today
  std::array<std::vector<uint32_t>, kActionCount> by_kind;  // the queue split by kind of action
  int tab = kTabToday;
  size_t shown = 0;  // cards shown in a browsing tab (0: Settings::queue_size)
  ContactId copied = kNoContact;
  double copied_at = 0;
};
FollowState g;

void refresh(Session& s) {
  if (g.revision == s.revision) return;
  g.revision = s.revision;
  g.queue = s.queue();
  g.today = s.today_count();
  for (auto& k : g.by_kind) k.clear();
  for (uint32_t i : g.queue) g.by_kind[size_t(s.evals[i].action)].push_back(i);
}

// What the card asks for, in a word or two (the kind of action).
const char* kind_chip(Action a) {
  switch (a) {
    case Action::Reply: return "Reply owed";
    case Action::Greet: return "Say hello";
    case Action::Moment: return "A moment";
    case Action::FollowUp: return "Follow-up due";
    case Action::Nudge: return "Nudge";
    case Action::None: break;
  }
  return "";
}

void copy_button(Session& s, const Contact& c, Action a) {
  const Template* t = template_for(s.store.settings, a);
  if (!t) return;
  same_line_if_fits(button_width("Copy message"));
  if (ImGui::Button("Copy message")) {
    platform::copy_to_clipboard(fill_template(t->body, c));
    g.copied = c.id;
    g.copied_at = platform::now_ms();
  }
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::TextDisabled("Copies \"%s\" to the clipboard (edit templates in Settings):", t->name.c_str());
    ImGui::TextUnformatted(fill_template(t->body, c).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void actions(Session& s, const Contact& c, Action a) {
  profile_button(c, "Open profile");  // one label at every width
  copy_button(s, c, a);
  same_line_if_fits(button_width("Done"));
  contacted_button(s, c, "Done", "You got in touch today: logged, and the next action comes up");
  debug_rect("done:" + std::to_string(c.id), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  same_line_if_fits(button_width("Not now"));
  if (ImGui::Button("Not now")) {
    remember_for_undo(s, c.id, "Skipped " + c.name() + " for today.");
    s.store.user_of(c.id).snoozed_until = s.today + 1;
    s.touched(c.id);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Skip for today: back in the queue tomorrow");
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
}

void card(Session& s, uint32_t i, float width) {
  const Contact& c = s.store.contacts[i];
  const Evaluation& e = s.evals[i];
  ImGui::PushID(int(c.id));
  const bool open = state().selected == c.id;
  if (open) ImGui::PushStyleColor(ImGuiCol_Border, accent_color());
  ImGui::BeginChild("card", ImVec2(width, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NavFlattened);
  ImGui::PushStyleColor(ImGuiCol_Text, accent_color());
  ImGui::TextUnformatted(kind_chip(e.action));
  ImGui::PopStyleColor();
  // Name (click: details) and status.
  ImGui::PushFont(font_bold());
  const std::string name = c.name().empty() ? "(no name)" : c.name();
  ImGui::PushStyleColor(ImGuiCol_Header, ImVec4(0, 0, 0, 0));
  const ImVec2 ns = ImGui::CalcTextSize(display_text(name));
  if (ImGui::Selectable(display_text(name), open, 0, ImVec2(std::min(ns.x, ImGui::GetContentRegionAvail().x), 0)))
    state().selected = c.id;
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open the details: timeline, notes, tags");
  const float badge_w = ImGui::CalcTextSize(status_label(e.status)).x + 14;
  if (ImGui::GetItemRectMax().x + badge_w + 16 < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
    ImGui::SameLine();
  status_badge(e.status);
  const std::string hl = headline(c);
  if (!hl.empty()) muted("%s", hl.c_str());
  // Why now: the queue's reason first, then the status, then a moment.
  const std::vector<std::string>& reasons = s.reasons(i);
  std::vector<const std::string*> shown;
  if (reasons.size() > 1) shown.push_back(&reasons[1]);
  // (A new connection's status only repeats the greeting.)
  if (!reasons.empty() && e.action != Action::Greet) shown.push_back(&reasons[0]);
  for (size_t k = 2; k + 1 < reasons.size() && shown.size() < (compact() ? 2u : 3u); ++k) shown.push_back(&reasons[k]);
  for (const std::string* r : shown) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", display_text(*r));
  }
  actions(s, c, e.action);
  ImGui::EndChild();
  debug_rect("card:" + std::to_string(c.id), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  if (open) ImGui::PopStyleColor();
  ImGui::PopID();
}

void cards(Session& s, const std::vector<uint32_t>& rows, size_t n) {
  ImGui::BeginChild("queue", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
  const float avail = ImGui::GetContentRegionAvail().x;
  const int cols = compact() ? 1 : std::clamp(int(avail / (ImGui::GetFontSize() * 26)), 1, 3);
  n = std::min(n, rows.size());
  if (cols == 1) {
    for (size_t k = 0; k < n; ++k) card(s, rows[k], -1);
  } else if (ImGui::BeginTable("cards", cols, ImGuiTableFlags_SizingStretchSame)) {
    for (size_t k = 0; k < n; ++k) {
      ImGui::TableNextColumn();
      card(s, rows[k], -1);
    }
    ImGui::EndTable();
  }
  if (n < rows.size() && g.tab != kTabToday) {
    const size_t page = size_t(std::max(1, s.store.settings.queue_size));
    ImGui::Spacing();
    const std::string more = "Show " + std::to_string(std::min(page, rows.size() - n)) + " more (" +
                             std::to_string(rows.size() - n) + " left)";
    if (ImGui::Button(more.c_str())) g.shown += page;
  }
  ImGui::Dummy(ImVec2(0, 8));
  ImGui::EndChild();
}

void calendar_button(Session& s) {
  same_line_if_fits(button_width("Add to calendar (.ics)"));
  if (ImGui::Button("Add to calendar (.ics)")) {
    const std::vector<uint32_t> rows = calendar_rows(s.store, s.evals, g.queue, s.today);
    // The events' descriptions are the reasons: evaluations with them, for the rows exported.
    std::vector<Evaluation> evals = s.evals;
    for (uint32_t r : rows) evals[r].reasons = s.reasons(r);
    platform::download("rekindle-follow-ups.ics", "text/calendar;charset=utf-8", followups_ics(s.store, evals, rows, s.today));
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Downloads every follow-up as a calendar event on its own day, with a reminder at 9:00:\n"
                      "open the file with your calendar app so reminders reach you when Rekindle is closed.\n"
                      "Importing a newer file updates the events instead of duplicating them.");
}

// The tabs: Today, each kind with its count, everything.
void tabs() {
  if (!ImGui::BeginTabBar("kinds", ImGuiTabBarFlags_FittingPolicyScroll)) return;
  auto tab = [&](int id, const char* label, size_t count) {
    const std::string text = std::string(label) + " (" + std::to_string(count) + ")###tab" + std::to_string(id);
    if (ImGui::BeginTabItem(text.c_str())) {
      if (g.tab != id) g.shown = 0;
      g.tab = id;
      ImGui::EndTabItem();
    }
  };
  tab(kTabToday, "Today", g.today);
  for (int k = 1; k < kActionCount; ++k)
    if (!g.by_kind[size_t(k)].empty()) tab(k, action_label(Action(k)), g.by_kind[size_t(k)].size());
  tab(kTabAll, "All", g.queue.size());
  ImGui::EndTabBar();
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
  stale_notice(s);
  if (g.queue.empty()) {
    if (empty_state("All caught up",
                    "Nobody needs a follow-up right now: no reply is owed, no new connection waits for a hello, and "
                    "everyone you keep in touch with is within their cadence. Browse Contacts to plan ahead.",
                    "Browse contacts"))
      state().view = View::Contacts;
    return;
  }
  calendar_button(s);
  tabs();
  if (g.tab > kTabToday && g.tab < kTabAll && g.by_kind[size_t(g.tab)].empty()) g.tab = kTabToday;
  const size_t page = size_t(std::max(1, s.store.settings.queue_size));
  if (g.shown < page) g.shown = page;
  if (g.tab == kTabToday) {
    const std::string n = plural(long(g.today), "action", "actions");
    muted(compact() ? "%s for today. Done, Not now or Snooze brings up the next."
                    : "%s for today, a mix of what matters most. Done, Not now or Snooze brings up the next; "
                      "the other tabs hold the rest.",
          n.c_str());
  } else if (g.tab == kTabAll) {
    muted("Everything worth doing, in the order Today draws from.");
  } else {
    muted("%s, most worthwhile first.", action_label(Action(g.tab)));
  }
  ImGui::Spacing();
  if (g.tab == kTabToday) {
    const std::vector<uint32_t> today(g.queue.begin(), g.queue.begin() + long(g.today));
    cards(s, today, today.size());
  } else {
    cards(s, g.tab == kTabAll ? g.queue : g.by_kind[size_t(g.tab)], g.shown);
  }
}

}  // namespace rk::ui
