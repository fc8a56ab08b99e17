// Dashboard: totals, status breakdown and charts of the network, drawn with ImGui draw lists.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/charts.hpp"
#include "core/dates.hpp"
#include "core/session.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace rk::ui {

namespace {

DashboardStats g_stats;
uint64_t g_revision = ~0ull;

ImU32 col32(ImVec4 c, float alpha = 1.0f) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }
ImVec4 received_color() { return theme_is_dark() ? ImVec4(0.45f, 0.68f, 1.0f, 1) : ImVec4(0.16f, 0.42f, 0.80f, 1); }


void tile(const char* label, const std::string& value, const char* sub, float width) {
  const ImGuiStyle& st = ImGui::GetStyle();
  float h = ImGui::GetTextLineHeightWithSpacing() * 2 + font_large()->FontSize * ImGui::GetIO().FontGlobalScale +
            st.ItemSpacing.y + st.WindowPadding.y * 2;
  ImGui::BeginChild(label, ImVec2(width, h), ImGuiChildFlags_Border, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened);
  ImGui::TextDisabled("%s", label);
  ImGui::PushFont(font_large());
  ImGui::TextUnformatted(value.c_str());
  ImGui::PopFont();
  if (sub && *sub) {
    ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color());
    ImGui::TextUnformatted(sub);  // one line: tiles keep the same height
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
}

// A panel with a title: a bordered child that grows with its content.
bool panel_begin(const char* id, const char* title) {
  ImGui::BeginChild(id, ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NavFlattened);
  subheading(title);
  return true;
}
void panel_end() { ImGui::EndChild(); }

// How many bars fit the chart's width (a month needs a few pixels to read as a bar).
int max_bars_for(float width, bool two) {
  return std::max(6, int((width - ImGui::GetFontSize() * 2.6f) / (two ? 8.0f : 6.0f)));
}

// The x axis: a tick and a label on calendar boundaries (every January, every first quarter or
// every year), at a regular stride chosen so labels never overlap: equal spans of time are
// equal widths, and so are the gaps between labels.
void time_axis(ImDrawList* dl, const Bars& bars, ImVec2 plot_min, ImVec2 plot_max, float slot, ImU32 text) {
  const int n = int(bars.a.size());
  const bool short_range = bars.months_per_bar == 1 && n <= 13;
  std::vector<int> marks;  // bars that start a labelled period
  for (int k = 0; k < n; ++k) {
    const std::string& lab = bars.labels[size_t(k)];
    if (short_range || bars.months_per_bar >= 12 || (bars.months_per_bar == 1 && lab.rfind("Jan ", 0) == 0) ||
        (bars.months_per_bar == 3 && lab.rfind("Q1 ", 0) == 0))
      marks.push_back(k);
  }
  auto text_of = [&](int k) {
    std::string lab = bars.labels[size_t(k)];
    if (short_range) return k == 0 || lab.rfind("Jan ", 0) == 0 ? lab : lab.substr(0, 3);
    if (bars.months_per_bar < 12) return lab.substr(lab.rfind(' ') + 1);  // the year
    return lab;
  };
  if (marks.empty()) {  // (less than a year of quarters with no Q1: name the first bar)
    dl->AddText(ImVec2(plot_min.x + 2, plot_max.y + 3), text, bars.labels.front().c_str());
    return;
  }
  float widest = 0;
  for (int k : marks) widest = std::max(widest, ImGui::CalcTextSize(text_of(k).c_str()).x);
  const float spacing = marks.size() > 1 ? float(marks[1] - marks[0]) * slot : slot;
  const int stride = std::max(1, int(std::ceil((widest + 10) / std::max(1.0f, spacing))));
  for (size_t i = 0; i < marks.size(); ++i) {
    const int k = marks[i];
    const float x = plot_min.x + k * slot;
    dl->AddLine(ImVec2(x, plot_max.y), ImVec2(x, plot_max.y + (i % size_t(stride) == 0 ? 5.0f : 3.0f)), text);
    if (i % size_t(stride) != 0) continue;
    const std::string t = text_of(k);
    if (x + ImGui::CalcTextSize(t.c_str()).x > plot_max.x + 2) continue;
    dl->AddText(ImVec2(x + 2, plot_max.y + 3), text, t.c_str());
  }
}

// Vertical bars (one or two series side by side) with a y scale, a time axis and a tooltip. The
// last bar, when its period goes on past the data, is drawn hollow and says so. Returns the bar
// clicked, or -1.
int bar_chart(const char* id, const Bars& bars, bool two, const char* name_a, const char* name_b,
              ImVec4 col_a, ImVec4 col_b, float height, const char* click_hint) {
  const float width = ImGui::GetContentRegionAvail().x;
  const float fs = ImGui::GetFontSize();
  const float left = fs * 2.6f, bottom = fs * 1.5f;
  ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, ImVec2(width, height));
  bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (bars.a.empty()) {
    dl->AddText(ImVec2(p0.x + left, p0.y + height / 2 - fs / 2), col32(muted_text_color()), "No dated data");
    return -1;
  }
  int vmax = 1;
  for (size_t k = 0; k < bars.a.size(); ++k) vmax = std::max({vmax, bars.a[k], two ? bars.b[k] : 0});
  // Nice rounded scale.
  double step = std::pow(10.0, std::floor(std::log10(double(vmax))));
  double top = std::ceil(vmax / step) * step;
  if (top / step < 3 && step >= 2) step /= 2;  // counts: whole numbers only
  const ImVec2 plot_min(p0.x + left, p0.y + fs * 0.5f);
  const ImVec2 plot_max(p0.x + width - 4, p0.y + height - bottom);
  const float ph = plot_max.y - plot_min.y;
  ImU32 grid = col32(muted_text_color(), 0.25f);
  ImU32 text = col32(muted_text_color());
  for (double v = 0; v <= top + 1e-9; v += step) {
    float y = plot_max.y - float(v / top) * ph;
    dl->AddLine(ImVec2(plot_min.x, y), ImVec2(plot_max.x, y), grid);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    ImVec2 ts = ImGui::CalcTextSize(buf);
    dl->AddText(ImVec2(plot_min.x - ts.x - 6, y - ts.y / 2), text, buf);
  }
  const int n = int(bars.a.size());
  const float slot = (plot_max.x - plot_min.x) / float(n);
  const float gap = slot > 6 ? std::max(1.0f, slot * 0.18f) : 0.0f;
  const float bw = two ? (slot - gap) / 2 : slot - gap;
  int hover_bar = -1;
  ImVec2 mouse = ImGui::GetIO().MousePos;
  if (hovered && mouse.x >= plot_min.x && mouse.x < plot_max.x) hover_bar = std::clamp(int((mouse.x - plot_min.x) / slot), 0, n - 1);
  auto bar = [&](float x0, float x1, int v, ImVec4 col, float alpha, bool partial) {
    if (v <= 0) return;
    const float h = std::max(float(v / top) * ph, 1.0f);
    const ImVec2 a(x0, plot_max.y - h), b(x1, plot_max.y);
    const float r = x1 - x0 > 6 ? 2.0f : 0.0f;
    if (!partial) {
      dl->AddRectFilled(a, b, col32(col, alpha), r, ImDrawFlags_RoundCornersTop);
      return;
    }
    // Hollow with a light fill: a count so far, not a drop.
    dl->AddRectFilled(a, b, col32(col, alpha * 0.25f), r, ImDrawFlags_RoundCornersTop);
    dl->AddRect(a, b, col32(col, alpha), r, ImDrawFlags_RoundCornersTop, 1.5f);
  };
  for (int k = 0; k < n; ++k) {
    float x = plot_min.x + k * slot + gap / 2;
    float alpha = hover_bar < 0 || hover_bar == k ? 1.0f : 0.55f;
    const bool partial = bars.partial_last && k == n - 1;
    bar(x, x + bw, bars.a[size_t(k)], col_a, alpha, partial);
    if (two) bar(x + bw, x + 2 * bw, bars.b[size_t(k)], col_b, alpha, partial);
    debug_rect(std::string("chart:") + (id + 2) + ":" + std::to_string(k), ImVec2(plot_min.x + k * slot, plot_min.y),
               ImVec2(plot_min.x + (k + 1) * slot, plot_max.y));
  }
  dl->AddLine(ImVec2(plot_min.x, plot_max.y), ImVec2(plot_max.x, plot_max.y), col32(muted_text_color(), 0.6f));
  time_axis(dl, bars, plot_min, plot_max, slot, text);
  if (hover_bar < 0) return -1;
  float x = plot_min.x + hover_bar * slot;
  dl->AddRectFilled(ImVec2(x, plot_min.y), ImVec2(x + slot, plot_max.y), col32(muted_text_color(), 0.10f));
  ImGui::BeginTooltip();
  ImGui::PushFont(font_bold());
  ImGui::TextUnformatted(bars.labels[size_t(hover_bar)].c_str());
  ImGui::PopFont();
  if (bars.partial_last && hover_bar == n - 1)
    ImGui::TextDisabled("so far: the data ends on %s", format_human(g_stats.as_of).c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, col_a);
  ImGui::Text("%s: %s", name_a, thousands(bars.a[size_t(hover_bar)]).c_str());
  ImGui::PopStyleColor();
  if (two) {
    ImGui::PushStyleColor(ImGuiCol_Text, col_b);
    ImGui::Text("%s: %s", name_b, thousands(bars.b[size_t(hover_bar)]).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::TextDisabled("%s", click_hint);
  ImGui::EndTooltip();
  return ImGui::IsItemClicked() ? hover_bar : -1;
}

void legend_item(ImVec4 col, const char* text) {
  ImVec2 p = ImGui::GetCursorScreenPos();
  float h = ImGui::GetTextLineHeight();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + h * 0.6f, p.y + h * 0.8f), col32(col), 2.0f);
  ImGui::Dummy(ImVec2(h * 0.6f, h));
  ImGui::SameLine(0, 5);
  ImGui::TextUnformatted(text);
}

// Horizontal bars for a ranked list; hovering shows the exact count and share.
// Returns the item clicked, or -1.
int ranked_bars(const char* id, const std::vector<Ranked>& items, size_t total, ImVec4 col) {
  if (items.empty()) {
    muted("Nothing to show yet.");
    return -1;
  }
  int clicked = -1;
  const float width = ImGui::GetContentRegionAvail().x;
  const float fs = ImGui::GetFontSize();
  const float label_w = std::min(width * 0.45f, fs * 13);
  int vmax = items.front().count;
  ImGui::PushID(id);
  for (size_t k = 0; k < items.size(); ++k) {
    const Ranked& r = items[k];
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight() + 4;
    ImGui::PushID(int(k));
    ImGui::InvisibleButton("bar", ImVec2(width, h));
    bool hov = ImGui::IsItemHovered();
    if (ImGui::IsItemClicked()) clicked = int(k);
    debug_rect(std::string(id) + ":" + std::to_string(k), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const char* label = display_text(r.label);
    ImGui::PushClipRect(p, ImVec2(p.x + label_w - 6, p.y + h), true);
    dl->AddText(ImVec2(p.x, p.y + 2), ImGui::GetColorU32(ImGuiCol_Text), label);
    ImGui::PopClipRect();
    float bx = p.x + label_w;
    float bw_max = width - label_w - fs * 3;
    float bw = std::max(2.0f, bw_max * float(r.count) / float(std::max(1, vmax)));
    dl->AddRectFilled(ImVec2(bx, p.y + 3), ImVec2(bx + bw, p.y + h - 3), col32(col, hov ? 1.0f : 0.75f), 3.0f);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d", r.count);
    dl->AddText(ImVec2(bx + bw + 6, p.y + 2), col32(muted_text_color()), buf);
    if (hov) {
      double share = total ? 100.0 * r.count / double(total) : 0;
      ImGui::SetTooltip("%s\n%s (%.1f%%)\nClick to list them", label, plural(r.count, "connection", "connections").c_str(), share);
    }
  }
  ImGui::PopID();
  return clicked;
}

void status_breakdown(Session& s) {
  const DashboardStats& d = g_stats;
  int total = 0;
  for (int v : d.status) total += v;
  const float width = ImGui::GetContentRegionAvail().x;
  const float h = ImGui::GetFontSize() * 1.6f;
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("statusbar", ImVec2(width, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float x = p.x;
  static const Status order[] = {Status::Active, Status::Fading, Status::AwaitingReply, Status::Unanswered, Status::Silent};
  ImVec2 mouse = ImGui::GetIO().MousePos;
  for (Status st : order) {
    int v = d.status[size_t(st)];
    if (v == 0 || total == 0) continue;
    float w = width * float(v) / float(total);
    bool hov = ImGui::IsItemHovered() && mouse.x >= x && mouse.x < x + w;
    debug_rect("status:" + std::to_string(int(st)), ImVec2(x, p.y), ImVec2(x + w, p.y + h));
    dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + w, p.y + h), col32(status_color(st), hov ? 1.0f : 0.85f));
    if (hov) ImGui::SetTooltip("%s: %d (%.0f%%)\nClick to list them", status_label(st), v, 100.0 * v / total);
    if (hov && ImGui::IsItemClicked()) show_contacts_with_status(st);
    x += w;
  }
  ImGui::Spacing();
  // Legend: one clickable line per status, with what it means.
  static const char* meaning[] = {
      "they wrote last and wait for you", "you wrote last, no answer", "no one-to-one message either way",
      "used to talk, getting quiet", "in touch recently"};
  for (Status st : order) {
    int v = d.status[size_t(st)];
    ImGui::PushID(int(st));
    ImVec2 q = ImGui::GetCursorScreenPos();
    float lh = ImGui::GetTextLineHeight();
    dl->AddRectFilled(ImVec2(q.x, q.y + lh * 0.2f), ImVec2(q.x + lh * 0.6f, q.y + lh * 0.8f), col32(status_color(st)), 2.0f);
    ImGui::Dummy(ImVec2(lh * 0.6f, lh));
    ImGui::SameLine(0, 6);
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s  %s (%.0f%%)", status_label(st), thousands(size_t(v)).c_str(),
                  total ? 100.0 * v / total : 0.0);
    if (ImGui::Selectable(buf, false, 0, ImVec2(ImGui::CalcTextSize(buf).x, 0))) show_contacts_with_status(st);
    if (!compact()) {
      ImGui::SameLine();
      ImGui::TextDisabled("- %s", meaning[size_t(st)]);
    }
    ImGui::PopID();
  }
  if (d.archived) muted("%s not counted.", plural(long(d.archived), "archived contact is", "archived contacts are").c_str());
  (void)s;
}

// The chart's title says what a bar is ("per quarter"), the same word as the bars' labels.
std::string chart_title(const char* what, const Bars& b) {
  return std::string(what) + (b.period.empty() ? std::string() : " per " + b.period);
}

// Under a chart whose last period is not over: why its last bar is hollow.
void partial_note(const Bars& b) {
  if (!b.partial_last) return;
  muted("The last %s is partial (hollow bar): the data ends on %s.", b.period.c_str(), format_human(g_stats.as_of).c_str());
}

void connections_chart(float fs) {
  const DashboardStats& d = g_stats;
  ImGui::BeginChild("conn_chart", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
  const Bars bars = to_bars(d.connections_per_month, max_bars_for(ImGui::GetContentRegionAvail().x, false), d.as_of);
  subheading(chart_title("Connections added", bars).c_str());
  muted("%s with a date", plural(d.connections_per_month.total_a(), "connection", "connections").c_str());
  const int k = bar_chart("##conn", bars, false, "Connections", "", accent_color(), accent_color(), fs * 11,
                          "Click to list them");
  partial_note(bars);
  if (k >= 0) {
    ContactsFilter f;
    f.connected_from = bars.from[size_t(k)];
    f.connected_to = bars.to[size_t(k)];
    f.label = "Connected in " + bars.labels[size_t(k)];
    show_contacts_filtered(f);
  }
  ImGui::EndChild();
}

void messages_chart(float fs) {
  const DashboardStats& d = g_stats;
  ImGui::BeginChild("msg_chart", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
  const Bars bars = to_bars(d.messages_per_month, max_bars_for(ImGui::GetContentRegionAvail().x, true), d.as_of);
  subheading(chart_title("Messages", bars).c_str());
  legend_item(accent_color(), "Sent by you");
  ImGui::SameLine(0, 16);
  legend_item(received_color(), "Received");
  const int k = bar_chart("##msg", bars, true, "Sent", "Received", accent_color(), received_color(), fs * 11,
                          "Click to list the people");
  partial_note(bars);
  if (k >= 0) {
    ContactsFilter f;
    f.messaged_from = bars.from[size_t(k)];
    f.messaged_to = bars.to[size_t(k)];
    f.label = "Messages in " + bars.labels[size_t(k)];
    show_contacts_filtered(f);
  }
  ImGui::EndChild();
}

}  // namespace

void draw_dashboard(Session& s) {
  heading("Dashboard");
  if (s.store.contacts.empty()) {
    if (empty_state("No data yet", "Import your LinkedIn export to see your network.", "Go to Import")) state().view = View::Import;
    return;
  }
  if (g_revision != s.revision) {
    g_stats = compute_dashboard(s.store, s.evals, s.today, 10);
    g_revision = s.revision;
  }
  const DashboardStats& d = g_stats;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float fs = ImGui::GetFontSize();
  ImGui::BeginChild("dash", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
  stale_notice(s);

  // Totals.
  {
    int cols = compact() ? 2 : std::clamp(int(avail / (fs * 11)), 2, 6);
    if (ImGui::BeginTable("totals", cols, ImGuiTableFlags_SizingStretchSame)) {
      std::string conn_sub = "+" + thousands(d.contacts - d.connections) + " not connected";
      std::string msg_sub = thousands(d.messages_sent) + " sent, " + thousands(d.messages_received) + " received";
      std::string q_sub = thousands(d.due) + " due now";
      std::string inv_sub = thousands(d.invitations_sent) + " sent, " + thousands(d.invitations_received) + " received";
      std::string dark_sub = "of " + thousands(d.accepted) + " you accepted";
      std::string silent_sub = "connections, no message";
      ImGui::TableNextColumn();
      tile("Connections", thousands(d.connections), conn_sub.c_str(), -1);
      ImGui::TableNextColumn();
      tile("Messages", thousands(d.messages_sent + d.messages_received), msg_sub.c_str(), -1);
      ImGui::TableNextColumn();
      tile("To follow up", thousands(d.in_queue), q_sub.c_str(), -1);
      ImGui::TableNextColumn();
      tile("Accepted, then dark", thousands(d.accepted_and_dark), dark_sub.c_str(), -1);
      ImGui::TableNextColumn();
      tile("Never messaged", thousands(d.never_messaged), silent_sub.c_str(), -1);
      ImGui::TableNextColumn();
      tile("Invitations", thousands(d.invitations_sent + d.invitations_received), inv_sub.c_str(), -1);
      ImGui::EndTable();
    }
  }
  ImGui::Spacing();

  const bool two_cols = !compact() && avail > fs * 44;
  auto section_table = [&](const char* id) {
    return ImGui::BeginTable(id, two_cols ? 2 : 1, ImGuiTableFlags_SizingStretchSame);
  };
  if (section_table("row1")) {
    ImGui::TableNextColumn();
    panel_begin("status", "How your network stands");
    status_breakdown(s);
    panel_end();
    ImGui::TableNextColumn();
    panel_begin("dark", "Accepted, then went dark");
    {
      float ratio = d.accepted ? float(d.accepted_and_dark) / float(d.accepted) : 0.0f;
      ImGui::TextWrapped("%s of the %s people whose invitation you accepted never heard from you after that.",
                         thousands(d.accepted_and_dark).c_str(), thousands(d.accepted).c_str());
      char overlay[32];
      std::snprintf(overlay, sizeof overlay, "%.0f%%", ratio * 100);
      ImGui::PushStyleColor(ImGuiCol_PlotHistogram, status_color(Status::Unanswered));
      ImGui::ProgressBar(ratio, ImVec2(-1, 0), overlay);
      ImGui::PopStyleColor();
      muted("They reached out first. A short note now is an easy way to restart the conversation; "
            "Follow-ups lists them with a reason.");
      if (ImGui::Button("Open Follow-ups")) state().view = View::FollowUps;
    }
    panel_end();
    ImGui::EndTable();
  }
  if (section_table("row2")) {
    ImGui::TableNextColumn();
    connections_chart(fs);
    ImGui::TableNextColumn();
    messages_chart(fs);
    ImGui::EndTable();
  }
  if (section_table("row3")) {
    ImGui::TableNextColumn();
    panel_begin("companies", "Top companies");
    const int co = ranked_bars("company", d.top_companies, d.connections, received_color());
    if (co >= 0) {
      ContactsFilter f;
      f.company = d.top_companies[size_t(co)].label;
      f.connected_only = true;
      show_contacts_filtered(f);
    }
    panel_end();
    ImGui::TableNextColumn();
    panel_begin("positions", "Top positions");
    const int po = ranked_bars("position", d.top_positions, d.connections, status_color(Status::Active));
    if (po >= 0) {
      ContactsFilter f;
      f.position = d.top_positions[size_t(po)].label;
      f.connected_only = true;
      show_contacts_filtered(f);
    }
    panel_end();
    ImGui::EndTable();
  }
  ImGui::Dummy(ImVec2(0, 8));
  ImGui::EndChild();
}

}  // namespace rk::ui
