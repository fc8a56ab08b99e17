// Contacts: the searchable, sortable, filterable table of everyone, with multi-select, bulk
// tag/archive and CSV/vCard export of what is shown.
#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_set>

#include "core/charts.hpp"
#include "core/dates.hpp"
#include "core/export.hpp"
#include "core/session.hpp"
#include "core/text.hpp"
#include "platform/platform.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace rk::ui {

namespace {

enum Col { ColName, ColCompany, ColPosition, ColStatus, ColScore, ColPriority, ColConnected, ColLast, ColCount };

struct ContactsState {
  std::string search;
  int status = -1;        // -1 any
  std::string tag, company, position;
  int year = 0;
  // A period chosen on the Dashboard (connected in, or messages in), named by `range_label`.
  Day connected_from = kNoDay, connected_to = kNoDay, messaged_from = kNoDay, messaged_to = kNoDay;
  std::string range_label;
  int connected = -1;
  bool show_archived = false;
  SortKey sort = SortKey::Priority;
  bool descending = false;

  // Cached result.
  std::vector<uint32_t> rows;
  std::string cache_key;
  uint64_t cache_revision = ~0ull;

  // Filter choices, refreshed when the data changes.
  uint64_t options_revision = ~0ull;
  std::vector<std::string> tags;
  std::vector<Ranked> companies;
  std::vector<int> years;
  std::vector<int> rank;  // per contact index: place in the follow-up queue (1 = first), 0 not queued
  int layout = -1;        // columns shown: 0 wide, 1 medium, 2 narrow

  std::unordered_set<ContactId> selection;
  ContactId anchor = kNoContact;  // last clicked row, for Shift+click ranges
  ContactId cursor = kNoContact;  // keyboard cursor
  bool scroll_to_cursor = false;
  std::string bulk_tag;
  std::string company_filter_text;
};
ContactsState g;

std::string query_key() {
  char buf[128];
  std::snprintf(buf, sizeof buf, "|%d|%d|%d|%d|%d|%d|%d|%d|%d|%d", g.status, g.year, g.connected, int(g.show_archived),
                int(g.sort), int(g.descending), g.connected_from, g.connected_to, g.messaged_from, g.messaged_to);
  return g.search + "\x1f" + g.tag + "\x1f" + g.company + "\x1f" + g.position + buf;
}

void refresh_rows(Session& s) {
  std::string key = query_key();
  if (key == g.cache_key && g.cache_revision == s.revision) return;
  Query q;
  q.text = g.search;
  if (g.status >= 0) q.status = Status(g.status);
  q.tag = g.tag;
  q.company = g.company;
  q.position = g.position;
  q.connected_from = g.connected_from;
  q.connected_to = g.connected_to;
  q.messaged_from = g.messaged_from;
  q.messaged_to = g.messaged_to;
  q.year_connected = g.year;
  q.connected = g.connected;
  q.include_archived = g.show_archived;
  q.sort = g.sort;
  q.descending = g.descending;
  g.rows = run_query(s.store, s.evals, s.search_index(), q, &s.queue());
  g.cache_key = std::move(key);
  g.cache_revision = s.revision;
}

void refresh_options(Session& s) {
  if (g.options_revision == s.data_generation * 1000003ull + s.revision) return;
  g.options_revision = s.data_generation * 1000003ull + s.revision;
  std::map<std::string, std::string> tags;  // folded -> shown
  for (const auto& [id, u] : s.store.user)
    for (const std::string& t : u.tags) tags.emplace(fold(t), t);
  g.tags.clear();
  for (auto& t : tags) g.tags.push_back(t.second);
  std::vector<std::string> companies;
  std::map<int, int> years;
  for (const Contact& c : s.store.contacts) {
    companies.push_back(c.company);
    if (c.connected_on != kNoDay) {
      int y, m, d;
      civil_from_days(c.connected_on, y, m, d);
      years[y]++;
    }
  }
  g.companies = rank_labels(companies, 400);
  const std::vector<uint32_t>& queued = s.queue();
  g.rank.assign(s.store.contacts.size(), 0);
  for (size_t k = 0; k < queued.size(); ++k) g.rank[queued[k]] = int(k + 1);
  g.years.clear();
  for (auto it = years.rbegin(); it != years.rend(); ++it) g.years.push_back(it->first);
}

bool is_archived(const Session& s, ContactId id) {
  const UserData* u = s.store.user_if(id);
  return u && u->archived;
}

void clear_range() {
  g.connected_from = g.connected_to = g.messaged_from = g.messaged_to = kNoDay;
  g.range_label.clear();
}

void filters(Session& s) {
  const float w = ImGui::GetFontSize();
  // Status
  {
    const char* preview = g.status < 0 ? "Any status" : status_label(Status(g.status));
    ImGui::SetNextItemWidth(w * 10.5f);
    name_next("##status", "Status filter");
    if (ImGui::BeginCombo("##status", preview)) {
      if (ImGui::Selectable("Any status", g.status < 0)) g.status = -1;
      for (int i = 0; i < kStatusCount; ++i) {
        ImGui::PushStyleColor(ImGuiCol_Text, status_color(Status(i)));
        if (ImGui::Selectable(status_label(Status(i)), g.status == i)) g.status = i;
        ImGui::PopStyleColor();
      }
      ImGui::EndCombo();
    }
  }
  // Tag
  same_line_if_fits(w * 8);
  {
    ImGui::SetNextItemWidth(w * 8);
    name_next("##tag", "Tag filter");
    if (ImGui::BeginCombo("##tag", g.tag.empty() ? "Any tag" : display_text(g.tag))) {
      if (ImGui::Selectable("Any tag", g.tag.empty())) g.tag.clear();
      if (g.tags.empty()) ImGui::TextDisabled("No tags yet: add them in a contact's panel.");
      for (const std::string& t : g.tags)
        if (ImGui::Selectable(display_text(t), fold(t) == fold(g.tag))) g.tag = t;
      ImGui::EndCombo();
    }
  }
  // Company
  same_line_if_fits(w * 11);
  {
    ImGui::SetNextItemWidth(w * 11);
    name_next("##company", "Company filter");
    if (ImGui::BeginCombo("##company", g.company.empty() ? "Any company" : display_text(g.company), ImGuiComboFlags_HeightLarge)) {
      if (ImGui::IsWindowAppearing()) {
        g.company_filter_text.clear();
        ImGui::SetKeyboardFocusHere();
      }
      ImGui::SetNextItemWidth(-1);
      ImGui::InputTextWithHint("##cf", "Type to find a company", &g.company_filter_text);
      std::string f = fold(g.company_filter_text);
      if (ImGui::Selectable("Any company", g.company.empty())) g.company.clear();
      int shown = 0;
      for (const Ranked& r : g.companies) {
        if (!f.empty() && fold(r.label).find(f) == std::string::npos) continue;
        if (++shown > 200) break;
        std::string item = std::string(display_text(r.label)) + "  (" + std::to_string(r.count) + ")";
        if (ImGui::Selectable(item.c_str(), fold(r.label) == fold(g.company))) g.company = r.label;
      }
      ImGui::EndCombo();
    }
  }
  // Year connected
  same_line_if_fits(w * 7.5f);
  {
    std::string preview = g.year ? "Connected " + std::to_string(g.year) : "Any year";
    ImGui::SetNextItemWidth(w * 7.5f);
    name_next("##year", "Year connected filter");
    if (ImGui::BeginCombo("##year", preview.c_str())) {
      if (ImGui::Selectable("Any year", g.year == 0)) g.year = 0;
      for (int y : g.years)
        if (ImGui::Selectable(std::to_string(y).c_str(), g.year == y)) g.year = y;
      ImGui::EndCombo();
    }
  }
  // Connected or not
  same_line_if_fits(w * 9);
  {
    const char* names[] = {"Connected or not", "Not (or no longer) connected", "Connected"};
    ImGui::SetNextItemWidth(w * 9);
    name_next("##conn", "Connected filter");
    if (ImGui::BeginCombo("##conn", names[g.connected + 1])) {
      for (int i = -1; i <= 1; ++i)
        if (ImGui::Selectable(names[i + 1], g.connected == i)) g.connected = i;
      ImGui::EndCombo();
    }
  }
  same_line_if_fits(w * 8);
  ImGui::Checkbox("Archived too", &g.show_archived);
  // What the Dashboard chose that has no menu here: a chip each, removable.
  if (!g.position.empty()) {
    const std::string chip = "Position: " + std::string(display_text(g.position));
    same_line_if_fits(ImGui::CalcTextSize(chip.c_str()).x + 40);
    if (tag_chip(chip.c_str(), true, 9001)) g.position.clear();
  }
  if (!g.range_label.empty()) {
    same_line_if_fits(ImGui::CalcTextSize(g.range_label.c_str()).x + 40);
    if (tag_chip(g.range_label.c_str(), true, 9002)) clear_range();
  }
  bool any = g.status >= 0 || !g.tag.empty() || !g.company.empty() || !g.position.empty() || g.year ||
             g.connected >= 0 || g.show_archived || !g.search.empty() || !g.range_label.empty();
  if (any) {
    same_line_if_fits(button_width("Clear filters"));
    if (ImGui::Button("Clear filters")) {
      g.status = -1;
      g.tag.clear();
      g.company.clear();
      g.year = 0;
      g.connected = -1;
      g.show_archived = false;
      g.search.clear();
      g.position.clear();
      clear_range();
    }
  }
  (void)s;
}

std::vector<uint32_t> selected_rows(Session& s) {
  std::vector<uint32_t> out;
  for (uint32_t i : g.rows)
    if (g.selection.count(s.store.contacts[i].id)) out.push_back(i);
  return out;
}

void export_menu(Session& s) {
  if (ImGui::Button("Export...")) ImGui::OpenPopup("export");
  if (ImGui::BeginPopup("export")) {
    std::string n = std::to_string(g.rows.size());
    ImGui::TextDisabled("The %s shown (filters and search applied)", plural(long(g.rows.size()), "contact", "contacts").c_str());
    if (ImGui::Selectable(("CSV spreadsheet (" + n + ")").c_str()))
      platform::download("rekindle-contacts.csv", "text/csv;charset=utf-8", contacts_csv(s.store, s.evals, g.rows));
    if (ImGui::Selectable(("vCard address book (" + n + ")").c_str()))
      platform::download("rekindle-contacts.vcf", "text/vcard;charset=utf-8", contacts_vcard(s.store, g.rows));
    if (g.selection.size() > 1) {
      std::vector<uint32_t> sel = selected_rows(s);
      std::string k = std::to_string(sel.size());
      ImGui::Separator();
      ImGui::TextDisabled("Only the selected contacts");
      if (ImGui::Selectable(("CSV of the selection (" + k + ")").c_str()))
        platform::download("rekindle-selection.csv", "text/csv;charset=utf-8", contacts_csv(s.store, s.evals, sel));
      if (ImGui::Selectable(("vCard of the selection (" + k + ")").c_str()))
        platform::download("rekindle-selection.vcf", "text/vcard;charset=utf-8", contacts_vcard(s.store, sel));
    }
    ImGui::EndPopup();
  }
}

void bulk_actions(Session& s);

// Floats over the bottom of the view (floating_bar): the table under it does not move.
void bulk_bar(Session& s) {
  if (g.selection.size() < 2) return;
  floating_bar("##bulk", [&s] { bulk_actions(s); });
}

void bulk_actions(Session& s) {
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%zu selected", g.selection.size());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  bool enter = ImGui::InputTextWithHint("##bulktag", "tag", &g.bulk_tag, ImGuiInputTextFlags_EnterReturnsTrue);
  std::string tag(trim(g.bulk_tag));
  ImGui::SameLine();
  ImGui::BeginDisabled(tag.empty());
  if (ImGui::Button("Add tag") || (enter && !tag.empty())) {
    for (ContactId id : g.selection) {
      UserData& u = s.store.user_of(id);
      bool has = false;
      for (const auto& t : u.tags) has = has || fold(t) == fold(tag);
      if (!has) u.tags.push_back(tag);
      s.touched(id);
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Remove tag")) {
    for (ContactId id : g.selection) {
      if (!s.store.user_if(id)) continue;
      UserData& u = s.store.user_of(id);
      u.tags.erase(std::remove_if(u.tags.begin(), u.tags.end(), [&](const std::string& t) { return fold(t) == fold(tag); }),
                   u.tags.end());
      s.touched(id);
    }
  }
  ImGui::EndDisabled();
  same_line_if_fits(button_width("Archive"));
  if (ImGui::Button("Archive")) {
    for (ContactId id : g.selection) {
      s.store.user_of(id).archived = true;
      s.touched(id);
    }
  }
  same_line_if_fits(button_width("Unarchive"));
  if (ImGui::Button("Unarchive")) {
    for (ContactId id : g.selection) {
      if (!s.store.user_if(id)) continue;
      s.store.user_of(id).archived = false;
      s.touched(id);
    }
  }
  same_line_if_fits(button_width("Clear selection"));
  if (ImGui::Button("Clear selection")) g.selection.clear();
}

int row_of(ContactId id, Session& s) {
  if (id == kNoContact) return -1;
  for (size_t i = 0; i < g.rows.size(); ++i)
    if (s.store.contacts[g.rows[i]].id == id) return int(i);
  return -1;
}

void click_row(Session& s, int r) {
  ContactId id = s.store.contacts[g.rows[size_t(r)]].id;
  ImGuiIO& io = ImGui::GetIO();
  if (io.KeyShift && g.anchor != kNoContact) {
    int a = row_of(g.anchor, s);
    if (a < 0) a = r;
    if (!io.KeyCtrl) g.selection.clear();
    for (int i = std::min(a, r); i <= std::max(a, r); ++i) g.selection.insert(s.store.contacts[g.rows[size_t(i)]].id);
  } else if (io.KeyCtrl || io.KeySuper) {
    if (g.selection.empty() && state().selected != kNoContact) g.selection.insert(state().selected);
    if (!g.selection.erase(id)) g.selection.insert(id);
    g.anchor = id;
  } else {
    g.selection.clear();
    g.selection.insert(id);
    g.anchor = id;
    state().selected = id;
  }
  g.cursor = id;
}

// Arrow keys move the cursor, Enter opens it (keys are claimed so ImGui's own navigation does
// not also act on them): while the table has the keyboard focus (one Tab stop for all its rows),
// while searching, or when no control has a visible keyboard focus (the mouse was used last).
void keyboard(Session& s, bool search_active, bool table_focused) {
  ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
  if (io.WantTextInput && !search_active) return;
  const ImGuiContext& gc = *ImGui::GetCurrentContext();
  const bool other_focused = !gc.NavDisableHighlight && gc.NavId != 0 && !table_focused;
  if (other_focused && !search_active) return;
  ImGuiID owner = ImGui::GetID("##contact-keys");
  const ImGuiKey keys[] = {ImGuiKey_UpArrow, ImGuiKey_DownArrow, ImGuiKey_PageUp, ImGuiKey_PageDown, ImGuiKey_Enter,
                           ImGuiKey_KeypadEnter};
  for (ImGuiKey k : keys) ImGui::SetKeyOwner(k, owner);
  if (g.rows.empty()) return;
  int r = row_of(g.cursor, s);
  if (table_focused && r < 0) {  // Tabbed in: the cursor starts on the first row
    g.cursor = s.store.contacts[g.rows[0]].id;
    r = 0;
  }
  int page = std::max(1, int(ImGui::GetContentRegionAvail().y / ImGui::GetFrameHeightWithSpacing()) - 2);
  int move = 0;
  if (ImGui::IsKeyPressed(ImGuiKey_DownArrow, owner, ImGuiInputFlags_Repeat)) move = 1;
  if (ImGui::IsKeyPressed(ImGuiKey_UpArrow, owner, ImGuiInputFlags_Repeat)) move = -1;
  if (ImGui::IsKeyPressed(ImGuiKey_PageDown, owner, ImGuiInputFlags_Repeat)) move = page;
  if (ImGui::IsKeyPressed(ImGuiKey_PageUp, owner, ImGuiInputFlags_Repeat)) move = -page;
  if (move) {
    int n = r < 0 ? (move > 0 ? 0 : int(g.rows.size()) - 1) : std::clamp(r + move, 0, int(g.rows.size()) - 1);
    ContactId id = s.store.contacts[g.rows[size_t(n)]].id;
    g.cursor = id;
    g.anchor = id;
    if (io.KeyShift) g.selection.insert(id);
    else {
      g.selection.clear();
      g.selection.insert(id);
    }
    if (state().selected != kNoContact && !compact()) state().selected = id;  // the open panel follows
    g.scroll_to_cursor = true;
  }
  if ((ImGui::IsKeyPressed(ImGuiKey_Enter, owner) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, owner)) && r >= 0) {
    state().selected = g.cursor;
  }
}

void table(Session& s) {
  const float avail = ImGui::GetContentRegionAvail().x;
  const int layout = compact() || avail < 560 ? 2 : avail < 1000 ? 1 : 0;
  ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                          ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable |
                          ImGuiTableFlags_Reorderable | ImGuiTableFlags_SizingStretchProp;
  const float fs = ImGui::GetFontSize();
  if (!ImGui::BeginTable("contacts", ColCount, flags, ImVec2(0, 0))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  auto def = [&](const char* name, ImGuiTableColumnFlags f, float w, Col id) {
    ImGui::TableSetupColumn(name, f, w, ImGuiID(id));
  };
  const ImGuiTableColumnFlags num = ImGuiTableColumnFlags_PreferSortDescending | ImGuiTableColumnFlags_WidthFixed;
  def("Name", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoHide, 1.3f, ColName);
  def("Company", ImGuiTableColumnFlags_WidthStretch, 1.0f, ColCompany);
  def("Position", ImGuiTableColumnFlags_WidthStretch, 1.1f, ColPosition);
  def("Status", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Awaiting your reply").x + 8, ColStatus);
  def("Strength", num, fs * 4.4f, ColScore);
  def("Priority", num | ImGuiTableColumnFlags_DefaultSort, fs * 4.2f, ColPriority);
  def("Connected", num, fs * 6.0f, ColConnected);
  def("Last contact", num, fs * 6.4f, ColLast);
  // The columns that fit: all on a wide screen, the essentials beside the panel or on a phone.
  if (layout != g.layout) {
    // Priority stays visible: it is the default sort, and hiding the sorted column would make
    // ImGui fall back to another sort order.
    static const bool shown[3][ColCount] = {{true, true, true, true, true, true, true, true},
                                            {true, true, false, true, false, true, false, true},
                                            {true, false, false, true, false, true, false, false}};
    for (int c = 0; c < ColCount; ++c) ImGui::TableSetColumnEnabled(c, shown[layout][c]);
    g.layout = layout;
  }
  ImGui::TableHeadersRow();

  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
    if (specs->SpecsDirty && specs->SpecsCount > 0) {
      const ImGuiTableColumnSortSpecs& sp = specs->Specs[0];
      static const SortKey keys[] = {SortKey::Name, SortKey::Company, SortKey::Position, SortKey::Status,
                                     SortKey::Score, SortKey::Priority, SortKey::ConnectedOn, SortKey::LastInteraction};
      Col c = Col(sp.ColumnUserID);
      g.sort = keys[c];
      bool numeric = c == ColScore || c == ColPriority || c == ColConnected || c == ColLast;
      // Natural order (A-Z, highest, most recent) is what a first click shows.
      bool natural = numeric ? sp.SortDirection == ImGuiSortDirection_Descending
                             : sp.SortDirection == ImGuiSortDirection_Ascending;
      g.descending = !natural;
      specs->SpecsDirty = false;
      refresh_rows(s);
    }
  }

  const float row_h = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2 + 4;
  if (g.scroll_to_cursor) {
    int r = row_of(g.cursor, s);
    if (r >= 0) {
      float y = r * row_h;
      float top = ImGui::GetScrollY(), view = ImGui::GetWindowHeight() - row_h * 2;
      if (y < top) ImGui::SetScrollY(y);
      else if (y > top + view) ImGui::SetScrollY(y - view);
    }
    g.scroll_to_cursor = false;
  }

  ImGuiListClipper clipper;
  clipper.Begin(int(g.rows.size()), row_h);
  const Day today = s.today;
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const uint32_t i = g.rows[size_t(r)];
      const Contact& c = s.store.contacts[i];
      const Evaluation& e = s.evals[i];
      ImGui::TableNextRow(0, row_h);
      ImGui::TableSetColumnIndex(ColName);
      ImGui::PushID(int(c.id));
      bool sel = g.selection.count(c.id) > 0 || state().selected == c.id;
      bool archived = is_archived(s, c.id);
      std::string name = c.name();
      if (name.empty()) name = "(no name)";
      // Rows take no part in ImGui's own keyboard navigation: the arrow keys move the cursor.
      ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);
      if (ImGui::Selectable("##row", sel, ImGuiSelectableFlags_SpanAllColumns,
                            ImVec2(0, row_h - ImGui::GetStyle().CellPadding.y * 2)))
        click_row(s, r);
      ImGui::PopItemFlag();
      if (g.cursor == c.id) {
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x, a.y), ImVec2(a.x + 3, b.y),
                                                  ImGui::GetColorU32(accent_color()));
      }
      ImGui::SameLine(0, 0);
      if (archived) ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color());
      ImGui::TextUnformatted(display_text(name));
      if (archived) {
        ImGui::SameLine();
        ImGui::TextUnformatted("(archived)");
        ImGui::PopStyleColor();
      }
      if (ImGui::TableSetColumnIndex(ColCompany)) ImGui::TextUnformatted(display_text(c.company));
      if (ImGui::TableSetColumnIndex(ColPosition)) ImGui::TextUnformatted(display_text(c.position));
      if (ImGui::TableSetColumnIndex(ColStatus)) {
        ImGui::PushStyleColor(ImGuiCol_Text, status_color(e.status));
        ImGui::TextUnformatted(status_label(e.status));
        ImGui::PopStyleColor();
      }
      if (ImGui::TableSetColumnIndex(ColScore)) ImGui::Text("%.0f", e.strength);
      if (ImGui::TableSetColumnIndex(ColPriority)) {
        int rk = i < g.rank.size() ? g.rank[i] : 0;
        if (rk > 0) ImGui::Text("#%d", rk);
        else ImGui::TextDisabled("-");
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip(rk > 0 ? "Place in the follow-up queue" : "Not in the follow-up queue (active, snoozed, archived or not due)");
      }
      if (ImGui::TableSetColumnIndex(ColConnected)) {
        if (c.connected_on != kNoDay) ImGui::TextUnformatted(format_human(c.connected_on).c_str());
        else ImGui::TextDisabled(c.connected ? "-" : "not connected");
      }
      if (ImGui::TableSetColumnIndex(ColLast)) {
        if (e.last_interaction != kNoDay) {
          ImGui::TextUnformatted(relative_day(e.last_interaction, today).c_str());
          if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", format_human(e.last_interaction).c_str());
        } else {
          ImGui::TextDisabled("never");
        }
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
  debug_rect("contacts:table", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

// The table is one stop for Tab (its rows take no part in Dear ImGui's navigation: the arrow
// keys move the cursor): an item over the table's place, taking no room, that shows the focus
// ring around the table while it has the keyboard. True while it has it.
bool table_focus_stop() {
  const ImVec2 p = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
  const ImRect bb(p, ImVec2(p.x + avail.x, p.y + std::max(avail.y, 1.0f)));
  const ImGuiID id = ImGui::GetID("##table-focus");
  ImGui::ItemAdd(bb, id, nullptr, ImGuiItemFlags_None);
  ImGuiTestEngineHook_ItemInfo(ImGui::GetCurrentContext(), id, "Contacts table###table-focus", 0);  // (its name)
  const bool focused = ImGui::IsItemFocused();
  if (focused) ImGui::RenderNavHighlight(bb, id);
  return focused;
}

// "/" or Ctrl+F: activate the search box (also right after switching here from another view,
// where a SetKeyboardFocusHere() request gets lost).
void focus_search_box() {
  ImGui::FocusWindow(ImGui::GetCurrentWindow());
  ImGui::ActivateItemByID(ImGui::GetID("##search"));
  state().focus_search = false;
}

}  // namespace

void show_contacts_filtered(const ContactsFilter& f) {
  g.status = f.status;
  g.search.clear();
  g.tag.clear();
  g.company = f.company;
  g.position = f.position;
  g.year = 0;
  g.connected = f.connected_only ? 1 : -1;
  g.show_archived = false;
  g.connected_from = f.connected_from;
  g.connected_to = f.connected_to;
  g.messaged_from = f.messaged_from;
  g.messaged_to = f.messaged_to;
  g.range_label = f.label;
  g.selection.clear();
  state().view = View::Contacts;
  state().selected = kNoContact;
}

void show_contacts_with_status(Status st) {
  ContactsFilter f;
  f.status = int(st);
  show_contacts_filtered(f);
}

std::string contacts_filter_summary() {
  std::string r;
  auto add = [&r](const std::string& part) { r += (r.empty() ? "" : "; ") + part; };
  if (g.status >= 0) add(std::string("status ") + status_label(Status(g.status)));
  if (!g.company.empty()) add("company " + g.company);
  if (!g.position.empty()) add("position " + g.position);
  if (!g.tag.empty()) add("tag " + g.tag);
  if (g.year) add("connected in " + std::to_string(g.year));
  if (g.connected >= 0) add(g.connected ? "connected" : "not connected");
  if (!g.range_label.empty()) add(g.range_label);
  if (!g.search.empty()) add("search " + g.search);
  return r;
}

size_t contacts_shown() { return g.rows.size(); }

void draw_contacts(Session& s) {
  heading("Contacts");
  if (s.store.contacts.empty()) {
    // The search box still works (and takes "/"), so the shortcut is discoverable.
    if (state().focus_search) focus_search_box();
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 24));
    ImGui::InputTextWithHint("##search", "Search name, company, position, notes, tags  ( / )", &g.search);
    if (empty_state("No contacts yet", "Import your LinkedIn export to fill this table.", "Go to Import"))
      state().view = View::Import;
    return;
  }
  refresh_options(s);
  refresh_rows(s);
  if (!compact()) {
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetFontSize() * 0.45f);
    muted("%s of %s", thousands(long(g.rows.size())).c_str(), thousands(long(s.store.contacts.size())).c_str());
  }

  if (state().focus_search) focus_search_box();
  float avail = ImGui::GetContentRegionAvail().x;
  ImGui::SetNextItemWidth(compact() ? avail : std::min(avail - button_width("Export...") - 10, ImGui::GetFontSize() * 26));
  ImGui::InputTextWithHint("##search", "Search name, company, position, notes, tags  ( / )", &g.search);
  bool search_active = ImGui::IsItemActive();
  if (!compact()) {
    ImGui::SameLine();
    export_menu(s);
  }
  refresh_rows(s);
  filters(s);
  if (compact()) {
    export_menu(s);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    muted("%s of %s", thousands(long(g.rows.size())).c_str(), thousands(long(s.store.contacts.size())).c_str());
  }
  const bool table_focused = table_focus_stop();
  keyboard(s, search_active, table_focused);
  if (g.rows.empty()) {
    empty_state("Nobody matches", "Try fewer words, or clear the filters.");
    return;
  }
  table(s);
  bulk_bar(s);
}

}  // namespace rk::ui
