// Contact detail: the side panel with the timeline and the user's notes, tags and follow-up.
#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

#include "core/api.hpp"
#include "core/dates.hpp"
#include "core/export.hpp"
#include "core/session.hpp"
#include "core/text.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "platform/platform.hpp"
#include "ui/views.hpp"

namespace rk::ui {

namespace {

enum class Ev : uint8_t { Message, Invitation, Endorsement, Recommendation, Interaction, JobChange, Connected };

struct Event {
  Time t = kNoTime;  // day events use noon
  Ev kind = Ev::Message;
  bool outgoing = false;
  uint32_t ref = 0;       // message index / item index
  std::string head;       // "You", "Anna Smith", "Invitation from them", ...
  std::string_view body;  // empty: none (points into the Store, rebuilt when it changes)
  std::string extra;      // e.g. conversation title, skill, job change text
  float height = -1;      // measured height (for virtualisation); -1 unknown
};

struct DetailState {
  ContactId id = kNoContact;
  uint64_t revision = ~0ull;
  std::vector<Event> events;
  float wrap_width = -1;
  std::string new_tag;
  // Log interaction
  int log_kind = 0;
  Day log_day = kNoDay;
  std::string log_note;
  int filter = 0;  // 0 everything, 1 messages only, 2 everything but messages
};
DetailState g;

Time noon(Day d) { return d == kNoDay ? kNoTime : Time(d) * 86400 + 12 * 3600; }

void build_events(Session& s, const Contact& c) {
  g.events.clear();
  for (uint32_t cv_i : c.conversations) {
    if (cv_i >= s.store.conversations.size()) continue;
    const Conversation& cv = s.store.conversations[cv_i];
    for (uint32_t mi : cv.messages) {
      if (mi >= s.store.messages.size()) continue;
      const Message& m = s.store.messages[mi];
      Event e;
      e.t = m.time;
      e.kind = Ev::Message;
      e.ref = mi;
      e.outgoing = m.sender == kOwner;
      if (e.outgoing) e.head = "You";
      else if (m.sender == c.id) e.head = c.name();
      else if (const Contact* o = s.store.find(m.sender)) e.head = o->name();
      else e.head = "LinkedIn Member";
      e.body = s.store.text(m.text);
      if (cv.group) e.extra = cv.title.empty() ? "group conversation" : "in \"" + cv.title + "\"";
      if (cv.spam) e.extra += e.extra.empty() ? "marked as spam" : ", marked as spam";
      if (m.subject.len) e.extra += (e.extra.empty() ? "" : " - ") + std::string(s.store.text(m.subject));
      g.events.push_back(std::move(e));
    }
  }
  for (size_t k = 0; k < c.invitations.size(); ++k) {
    const Invitation& inv = c.invitations[k];
    Event e;
    e.t = inv.time;
    e.kind = Ev::Invitation;
    e.outgoing = inv.direction == Direction::Outgoing;
    e.head = e.outgoing ? "You sent an invitation" : "They invited you";
    if (!inv.message.empty()) e.body = inv.message;
    g.events.push_back(std::move(e));
  }
  for (const Endorsement& en : c.endorsements) {
    Event e;
    e.t = noon(en.day);
    e.kind = Ev::Endorsement;
    e.outgoing = en.direction == Direction::Outgoing;
    e.head = e.outgoing ? "You endorsed them" : "They endorsed you";
    e.extra = en.skill;
    g.events.push_back(std::move(e));
  }
  for (const Recommendation& rc : c.recommendations) {
    Event e;
    e.t = noon(rc.day);
    e.kind = Ev::Recommendation;
    e.outgoing = rc.direction == Direction::Outgoing;
    e.head = e.outgoing ? "You recommended them" : "They recommended you";
    e.body = rc.text;
    g.events.push_back(std::move(e));
  }
  if (const UserData* u = s.store.user_if(c.id)) {
    for (size_t k = 0; k < u->interactions.size(); ++k) {
      const Interaction& it = u->interactions[k];
      Event e;
      e.t = noon(it.day);
      e.kind = Ev::Interaction;
      e.outgoing = true;
      e.ref = uint32_t(k);
      const std::string& kind = it.kind;
      e.head = kind == "met" ? "You met" : kind == "call" ? "You called" : kind == "email" ? "You emailed"
             : kind == "contacted" ? "You got in touch" : kind == "message" ? "You messaged" : "You logged an interaction";
      if (!it.note.empty()) e.body = it.note;
      g.events.push_back(std::move(e));
    }
  }
  for (const JobChange& jc : c.job_changes) {
    Event e;
    e.t = noon(jc.seen_on);
    e.kind = Ev::JobChange;
    e.head = "New role";
    std::string from = jc.old_position.empty() ? jc.old_company : jc.old_position + " at " + jc.old_company;
    std::string to = jc.new_position.empty() ? jc.new_company : jc.new_position + " at " + jc.new_company;
    e.extra = from + "  ->  " + to;
    g.events.push_back(std::move(e));
  }
  if (c.connected_on != kNoDay) {
    Event e;
    e.t = noon(c.connected_on);
    e.kind = Ev::Connected;
    e.head = "You connected";
    g.events.push_back(std::move(e));
  }
  // Newest first; undated last.
  std::stable_sort(g.events.begin(), g.events.end(), [](const Event& a, const Event& b) { return a.t > b.t; });
}

// "Copy...": each of the contact's fields to the clipboard, one by one.
void copy_menu(const Contact& c) {
  if (ImGui::Button("Copy...")) ImGui::OpenPopup("copy");
  if (!ImGui::BeginPopup("copy")) return;
  const struct { const char* what; std::string value; } fields[] = {
      {"Name", c.name()}, {"E-mail", c.email}, {"Company", c.company}, {"Position", c.position}};
  for (const auto& f : fields) {
    if (f.value.empty()) continue;
    const std::string item = std::string("Copy ") + f.what + ":  " + display_text(f.value);
    if (ImGui::Selectable(item.c_str())) platform::copy_to_clipboard(f.value);
  }
  ImGui::EndPopup();
}

void draw_event(const Event& e, const Contact& c) {
  (void)c;
  ImVec4 col = e.kind == Ev::Message ? (e.outgoing ? accent_color() : ImGui::GetStyle().Colors[ImGuiCol_Text])
                                     : muted_text_color();
  const char* icon = e.kind == Ev::Message ? (e.outgoing ? "->" : "<-")
                   : e.kind == Ev::Invitation ? "+" : e.kind == Ev::Endorsement ? "*"
                   : e.kind == Ev::Recommendation ? "\"" : e.kind == Ev::JobChange ? "^"
                   : e.kind == Ev::Connected ? "o" : "#";
  ImGui::PushFont(font_bold());
  ImGui::PushStyleColor(ImGuiCol_Text, col);
  ImGui::Text("%s %s", icon, display_text(e.head));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::SameLine();
  std::string when = e.t == kNoTime ? "date unknown" : format_human(day_of(e.t));
  if (e.kind == Ev::Message && e.t != kNoTime) {
    char hm[16];
    Time sec = ((e.t % 86400) + 86400) % 86400;
    std::snprintf(hm, sizeof hm, ", %02d:%02d", int(sec / 3600), int(sec / 60 % 60));
    when += hm;
  }
  ImGui::TextDisabled("%s", when.c_str());
  if (!e.body.empty()) {  // the message's (or note's) text, to answer or quote it elsewhere
    ImGui::SameLine();
    ImGui::PushID(&e);
    copy_button("body", std::string(e.body));
    ImGui::PopID();
  }
  if (!e.extra.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color());
    ImGui::TextWrapped("%s", display_text(e.extra));
    ImGui::PopStyleColor();
  }
  if (!e.body.empty()) {
    ImGui::Indent(ImGui::GetFontSize() * 1.2f);
    ImGui::PushTextWrapPos(0);
    const std::string_view v = display_view(e.body);
    ImGui::TextUnformatted(v.data(), v.data() + v.size());
    ImGui::PopTextWrapPos();
    ImGui::Unindent(ImGui::GetFontSize() * 1.2f);
  }
  ImGui::Dummy(ImVec2(0, 2));
}

bool wanted(const Event& e) {
  if (g.filter == 1) return e.kind == Ev::Message;
  if (g.filter == 2) return e.kind != Ev::Message;
  return true;
}

// The timeline, virtualised: only events near the visible part of the panel are laid out;
// others take their measured (or estimated) height.
void timeline(Session& s, const Contact& c) {
  const float wrap = ImGui::GetContentRegionAvail().x;
  if (wrap != g.wrap_width) {
    g.wrap_width = wrap;
    for (Event& e : g.events) e.height = -1;
  }
  const float line = ImGui::GetTextLineHeightWithSpacing();
  auto estimate = [&](const Event& e) {
    float h = line + 2 + ImGui::GetStyle().ItemSpacing.y;
    if (!e.extra.empty()) h += line;
    if (!e.body.empty()) {
      size_t len = e.body.size();
      float chars_per_line = std::max(10.0f, (wrap - ImGui::GetFontSize() * 1.2f) / (ImGui::GetFontSize() * 0.5f));
      h += line * (1 + float(len) / chars_per_line);
    }
    return h;
  };
  const ImGuiWindow* w = ImGui::GetCurrentWindow();
  const float clip_top = w->ClipRect.Min.y, clip_bottom = w->ClipRect.Max.y;
  float y = ImGui::GetCursorScreenPos().y;
  float skipped = 0;
  for (Event& e : g.events) {
    if (!wanted(e)) continue;
    float h = e.height > 0 ? e.height : estimate(e);
    bool visible = y + h >= clip_top - 200 && y <= clip_bottom + 200;
    if (!visible) {
      skipped += h;
      y += h;
      continue;
    }
    if (skipped > 0) {
      ImGui::Dummy(ImVec2(1, skipped - ImGui::GetStyle().ItemSpacing.y));
      skipped = 0;
    }
    float start = ImGui::GetCursorPosY();
    draw_event(e, c);
    e.height = ImGui::GetCursorPosY() - start;
    y = ImGui::GetCursorScreenPos().y;
  }
  if (skipped > 0) ImGui::Dummy(ImVec2(1, skipped - ImGui::GetStyle().ItemSpacing.y));
  (void)s;
}

// The field comes first and stays put; the chips follow it. (After it, each new chip moved the
// field, and the next chip's remove button landed under the pointer.)
void tags_editor(Session& s, const Contact& c) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  bool enter = ImGui::InputTextWithHint("##newtag", "add a tag, Enter", &g.new_tag, ImGuiInputTextFlags_EnterReturnsTrue);
  debug_rect("tag-input", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  std::string t(trim(g.new_tag));
  if (enter && !t.empty()) {
    UserData& m = s.store.user_of(c.id);
    bool has = false;
    for (const auto& x : m.tags) has = has || fold(x) == fold(t);
    if (!has) m.tags.push_back(t);
    s.touched(c.id);
    g.new_tag.clear();
    ImGui::SetKeyboardFocusHere(-1);
  }
  const UserData* u = s.store.user_if(c.id);
  if (!u) return;
  for (size_t k = 0; k < u->tags.size(); ++k) {
    if (k) same_line_if_fits(ImGui::CalcTextSize(u->tags[k].c_str()).x + 40);
    if (tag_chip(u->tags[k].c_str(), true, int(k))) {
      UserData& m = s.store.user_of(c.id);
      m.tags.erase(m.tags.begin() + long(k));
      s.touched(c.id);
      return;
    }
  }
}

void log_popup(Session& s, const Contact& c) {
  if (ImGui::BeginPopup("log")) {
    static const char* kinds[] = {"met", "call", "email", "other"};
    static const char* labels[] = {"Met in person", "Call", "Email", "Other"};
    if (ImGui::IsWindowAppearing()) {
      g.log_day = s.today;
      g.log_note.clear();
    }
    ImGui::Text("Log an interaction with %s", display_text(c.name()));
    for (int k = 0; k < 4; ++k) {
      if (k) ImGui::SameLine();
      ImGui::RadioButton(labels[k], &g.log_kind, k);
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("On");
    ImGui::SameLine();
    date_field("##logday", g.log_day, ImGui::GetFontSize() * 7.5f);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    ImGui::InputTextWithHint("##lognote", "what about? (optional)", &g.log_note);
    ImGui::BeginDisabled(g.log_day == kNoDay);
    if (ImGui::Button("Log it")) {
      UserData& u = s.store.user_of(c.id);
      u.interactions.push_back(Interaction{g.log_day, kinds[g.log_kind], std::string(trim(g.log_note))});
      if (u.next_follow_up != kNoDay && u.next_follow_up <= g.log_day) u.next_follow_up = kNoDay;
      s.touched(c.id);
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

// The notes: the page's native text area over the canvas (wrapped_text_field), so long notes
// wrap and input methods work.
void notes_field(Session& s, ContactId id, const std::string& note) {
  wrapped_text_field(uint64_t(id), note, 4.5f, 14.0f, "How you know them, what you talked about...", "Notes", true,
                     [&s, id](const std::string& text) {
                       // (Not once the contact is gone: a restore or "delete all" came in between.)
                       if (s.finishing() || s.index_of(id) < 0) return;
                       s.store.user_of(id).note = text;
                       s.touched(id);
                     });
}

// The plan in one sentence that never contradicts itself: a snooze and a follow-up date that
// falls inside it are said together; a date already past is "due since".
std::string follow_up_plan(const Session& s, const Evaluation& e, const UserData* u) {
  const Day next = e.next_follow_up, today = s.today;
  const bool snoozed = u && u->snoozed_until != kNoDay && u->snoozed_until > today;
  const std::string source = u && u->next_follow_up != kNoDay ? "set by you" : "from the cadence";
  std::string r;
  if (snoozed) {
    r = "Snoozed until " + date_and_relative(u->snoozed_until, today) + ".";
    if (next != kNoDay && next <= u->snoozed_until)
      return r + " The follow-up " + (next <= today ? "due since " : "planned for ") + format_human(next) + " (" +
             source + ") comes back then.";
    r += " ";
  }
  if (next == kNoDay) return r;
  if (next < today) return r + "Follow-up due since " + date_and_relative(next, today) + ", " + source + ".";
  return r + "Next follow-up " + date_and_relative(next, today) + ", " + source + ".";
}

}  // namespace

void draw_detail(Session& s) {
  const Contact* cp = s.store.find(state().selected);
  if (!cp) return;
  const Contact& c = *cp;
  const Evaluation* e = s.eval_of(c.id);
  if (g.id != c.id || g.revision != s.revision) {
    if (g.id != c.id) {
      g.wrap_width = -1;
      g.new_tag.clear();
      g.filter = 0;
      ImGui::SetScrollY(0);
    }
    g.id = c.id;
    g.revision = s.revision;
    build_events(s, c);
  }
  const UserData* u = s.store.user_if(c.id);

  // Header
  if (compact()) {
    if (ImGui::Button("< Back")) {
      state().selected = kNoContact;
      return;
    }
  } else {
    float close_w = button_width("Close");
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - close_w);
    if (ImGui::Button("Close")) {
      state().selected = kNoContact;
      return;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close the panel (Esc)");
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetFrameHeightWithSpacing());
  }
  ImGui::PushTextWrapPos(compact() ? 0.0f : ImGui::GetWindowContentRegionMax().x - button_width("Close") - 8);
  ImGui::PushFont(font_large());
  std::string name = c.name().empty() ? "(no name)" : c.name();
  ImGui::TextWrapped("%s", display_text(name));
  ImGui::PopFont();
  std::string hl = headline(c);
  if (!hl.empty()) ImGui::TextWrapped("%s", hl.c_str());
  ImGui::PopTextWrapPos();
  if (c.connected)
    muted("Connected %s", c.connected_on != kNoDay ? ("on " + date_and_relative(c.connected_on, s.today)).c_str()
                                                    : "(date unknown)");
  else if (c.disconnected_on != kNoDay)
    muted("No longer connected since %s (missing from that export's connections)", format_human(c.disconnected_on).c_str());
  else
    muted("Not a connection (known from messages or invitations)");
  if (!c.email.empty()) {
    const std::string mail_tip = "Write to " + c.email + " (opens your mail app)";
    if (!mailto_url(c.email).empty()) {
      if (link_text(c.email.c_str(), "mail", mail_tip.c_str())) platform::open_mailto(c.email);
    } else {
      muted("%s", c.email.c_str());
    }
  }
  if (e) {
    status_badge(e->status);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Strength %.0f/100", e->strength);
    if (u && u->archived) {
      ImGui::SameLine();
      ImGui::TextDisabled("(archived)");
    }
    for (const std::string& r : s.reasons(uint32_t(s.index_of(c.id)))) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", display_text(r));
    }
    // The same counts as the status: one-to-one first, group messages named as such.
    const Signals& sg = e->signals;
    const std::string counts = message_counts(sg.sent_1to1, sg.received_1to1, sg.sent - sg.sent_1to1,
                                              sg.received - sg.received_1to1, sg.group_conversations);
    muted("%s%s", counts.c_str(),
          e->last_interaction != kNoDay ? (". Last interaction " + relative_day(e->last_interaction, s.today) + ".").c_str() : ".");
  }
  ImGui::Spacing();

  // Actions
  profile_button(c);
  same_line_if_fits(button_width("Mark contacted"));
  contacted_button(s, c, "Mark contacted", "Logs that you got in touch today; the next follow-up follows the cadence.");
  same_line_if_fits(button_width("Log interaction..."));
  if (ImGui::Button("Log interaction...")) ImGui::OpenPopup("log");
  log_popup(s, c);
  same_line_if_fits(button_width("Snooze"));
  snooze_button(s, c.id);
  same_line_if_fits(button_width("Copy..."));
  copy_menu(c);
  bool archived = u && u->archived;
  same_line_if_fits(button_width("Unarchive"));
  if (ImGui::Button(archived ? "Unarchive" : "Archive")) {
    remember_for_undo(s, c.id, archived ? "Unarchived." : "Archived " + c.name() + ".");
    s.store.user_of(c.id).archived = !archived;
    s.touched(c.id);
  }
  if (ImGui::IsItemHovered() && !archived) ImGui::SetTooltip("Hide from the queue and (by default) from Contacts.");
  ImGui::Separator();

  // Follow-up plan
  subheading("Follow-up");
  if (e) {
    const std::string plan = follow_up_plan(s, *e, u);
    if (!plan.empty()) ImGui::TextWrapped("%s", plan.c_str());
  }
  {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Follow up on");
    ImGui::SameLine();
    Day d = u ? u->next_follow_up : kNoDay;
    if (date_field("##next", d, ImGui::GetFontSize() * 7.5f)) {
      s.store.user_of(c.id).next_follow_up = d;
      s.touched(c.id);
    }
    if (u && u->next_follow_up != kNoDay) {
      ImGui::SameLine();
      if (ImGui::SmallButton("clear##next")) {
        s.store.user_of(c.id).next_follow_up = kNoDay;
        s.touched(c.id);
      }
    }
  }
  {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Every");
    ImGui::SameLine();
    int cad = u ? u->cadence_days : 0;
    ImGui::SetNextItemWidth(with_step_buttons(ImGui::GetFontSize() * 6.5f));
    if (ImGui::InputInt("##cadence", &cad, 7, 30)) {
      cad = std::clamp(cad, 0, 3650);
      s.store.user_of(c.id).cadence_days = cad;
      s.touched(c.id);
    }
    ImGui::SameLine();
    if (cad == 0 && e) muted("days (0: from the tier, tag or default: now %d, at most %d)", e->cadence_days, e->cadence_max_days);
    else muted("days");
  }
  {
    // The relationship's tier: a cadence band (Settings) for people who are not all alike.
    const auto& tiers = s.store.settings.tiers;
    const int tier = u ? u->tier : 0;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Tier");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    const std::string current = tier > 0 && size_t(tier) <= tiers.size() ? tiers[size_t(tier - 1)].name : "None";
    name_next("##tier", "Tier");
    if (ImGui::BeginCombo("##tier", current.c_str())) {
      for (int k = 0; k <= int(tiers.size()); ++k) {
        const std::string item = k == 0 ? std::string("None") : tiers[size_t(k - 1)].name + " (every " +
                                     std::to_string(tiers[size_t(k - 1)].target_days) + " days, at most " +
                                     std::to_string(tiers[size_t(k - 1)].max_days) + ")";
        if (ImGui::Selectable(item.c_str(), k == tier)) {
          s.store.user_of(c.id).tier = k;
          s.touched(c.id);
        }
      }
      ImGui::EndCombo();
    }
  }

  // Tags
  subheading("Tags");
  tags_editor(s, c);

  // Notes
  subheading("Notes");
  notes_field(s, c.id, u ? u->note : std::string());
  ImGui::Separator();

  // Timeline
  size_t messages = 0;
  for (const Event& ev : g.events) messages += ev.kind == Ev::Message;
  subheading("Timeline");
  ImGui::SameLine();
  ImGui::TextDisabled("%s, %s", plural(long(g.events.size()), "event", "events").c_str(),
                      plural(long(messages), "message", "messages").c_str());
  if (messages > 0 && messages < g.events.size()) {
    ImGui::RadioButton("All", &g.filter, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Messages", &g.filter, 1);
    ImGui::SameLine();
    ImGui::RadioButton("Other events", &g.filter, 2);
  }
  if (g.events.empty()) muted("Nothing yet: no messages, invitations or logged interactions with %s.", display_text(c.first_name));
  timeline(s, c);
}

}  // namespace rk::ui
