// Welcome / Import: what Rekindle does, how to get the export, the drop zone, the import report.
#include <imgui.h>

#include <algorithm>

#include "core/charts.hpp"
#include "core/import.hpp"
#include "core/session.hpp"
#include "platform/platform.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace rk::ui {

namespace {

const char* kind_title(FileKind k) {
  switch (k) {
    case FileKind::Connections: return "Connections";
    case FileKind::Messages: return "Messages";
    case FileKind::Invitations: return "Invitations";
    case FileKind::EndorsementsReceived: return "Endorsements received";
    case FileKind::EndorsementsGiven: return "Endorsements given";
    case FileKind::RecommendationsReceived: return "Recommendations received";
    case FileKind::RecommendationsGiven: return "Recommendations given";
    case FileKind::Profile: return "Your profile";
    case FileKind::Unused: return "Not needed";
    case FileKind::Unknown: return "Not recognised";
  }
  return "";
}

void drop_zone(Session& s, float height) {
  const float width = ImGui::GetContentRegionAvail().x;
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec4 a = accent_color();
  const char* l1 = s.importing() ? "Importing..." : "Drop your LinkedIn export here";
  const char* l2 = "the .zip as LinkedIn sent it, or any of its .csv files";
  ImGui::PushFont(font_large());
  ImVec2 t1 = ImGui::CalcTextSize(l1, nullptr, false, width - 24);
  ImGui::PopFont();
  float y = p.y + (height - t1.y - ImGui::GetTextLineHeight() * 3.2f) / 2;
  // Background, border and text first (the draw list), then the items: the button before the
  // zone, since with overlapping items the first one submitted gets the click (a tap on a phone
  // has no hover frame before it).
  bool dragging = platform::is_dragging_over();
  bool hov = ImGui::IsMouseHoveringRect(p, ImVec2(p.x + width, p.y + height)) && ImGui::IsWindowHovered();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height),
                    ImGui::GetColorU32(ImVec4(a.x, a.y, a.z, dragging ? 0.18f : hov ? 0.09f : 0.05f)), 12.0f);
  const float dash = 10, gap = 6, th = 2.0f;
  ImU32 bc = ImGui::GetColorU32(ImVec4(a.x, a.y, a.z, 0.8f));
  auto dashed = [&](ImVec2 from, ImVec2 to) {
    float len = std::max(std::abs(to.x - from.x), std::abs(to.y - from.y));
    ImVec2 dir((to.x - from.x) / len, (to.y - from.y) / len);
    for (float t = 0; t < len; t += dash + gap) {
      float e = std::min(t + dash, len);
      dl->AddLine(ImVec2(from.x + dir.x * t, from.y + dir.y * t), ImVec2(from.x + dir.x * e, from.y + dir.y * e), bc, th);
    }
  };
  const float r = 12;
  dashed(ImVec2(p.x + r, p.y), ImVec2(p.x + width - r, p.y));
  dashed(ImVec2(p.x + r, p.y + height), ImVec2(p.x + width - r, p.y + height));
  dashed(ImVec2(p.x, p.y + r), ImVec2(p.x, p.y + height - r));
  dashed(ImVec2(p.x + width, p.y + r), ImVec2(p.x + width, p.y + height - r));
  dl->AddText(font_large(), font_large()->FontSize * ImGui::GetIO().FontGlobalScale,
              ImVec2(p.x + std::max(12.0f, (width - t1.x) / 2), y), ImGui::GetColorU32(a), l1, nullptr, width - 24);
  y += t1.y + 4;
  ImVec2 t2 = ImGui::CalcTextSize(l2, nullptr, false, width - 24);
  dl->AddText(nullptr, 0.0f, ImVec2(p.x + std::max(12.0f, (width - t2.x) / 2), y),
              ImGui::GetColorU32(muted_text_color()), l2, nullptr, width - 24);

  const char* bl = "Open files...";
  float bw = button_width(bl) + 16;
  ImGui::SetCursorScreenPos(ImVec2(p.x + (width - bw) / 2, y + t2.y + 10));
  ImGui::PushStyleColor(ImGuiCol_Button, a);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(a.x * 0.9f, a.y * 0.9f, a.z * 0.9f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(a.x * 0.8f, a.y * 0.8f, a.z * 0.8f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  ImGui::BeginDisabled(s.importing());
  bool open = ImGui::Button(bl, ImVec2(bw, 0));
  ImGui::EndDisabled();
  ImGui::PopStyleColor(4);
  ImGui::SetCursorScreenPos(p);
  open |= ImGui::InvisibleButton("dropzone", ImVec2(width, height));
  if (open && !s.importing()) platform::open_file_picker(platform::PickPurpose::Import);
}

void steps() {
  subheading("Get your LinkedIn export");
  static const char* const kSteps[] = {
      "On LinkedIn, open Me > Settings & Privacy > Data privacy > Get a copy of your data.",
      "Choose \"Download larger data archive\" (everything, with messages), or at least Connections, Messages and Invitations. Then Request archive.",
      "LinkedIn emails you a link: the first part within minutes, the full archive within a day. Download the .zip.",
      "Drop the .zip here (no need to unzip it). Importing a newer export later updates everyone and keeps your notes.",
  };
  const float num_w = ImGui::GetFontSize() * 1.3f;
  for (int i = 0; i < 4; ++i) {
    ImGui::PushStyleColor(ImGuiCol_Text, accent_color());
    ImGui::PushFont(font_bold());
    ImGui::Text("%d", i + 1);
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 0);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, num_w - ImGui::GetItemRectSize().x));
    ImGui::BeginGroup();
    ImGui::TextWrapped("%s", kSteps[i]);
    ImGui::EndGroup();
  }
}

void privacy() {
  subheading("Private by design");
  ImGui::TextWrapped("Your export is read by this page, in this browser tab, and kept in this browser's storage. "
                     "Nothing is uploaded: there is no server, no account and no analytics, and the page is not "
                     "allowed to connect anywhere else. Settings > Data lets you back up or delete everything.");
}

// Contacts are more than connections: say who the others are, so "5,247 new contacts" from
// 4,215 connections needs no guessing.
std::string who_they_are(Session& s) {
  static uint64_t revision = ~0ull;
  static std::string text;
  if (revision == s.revision) return text;
  revision = s.revision;
  const DashboardStats d = compute_dashboard(s.store, s.evals, s.today, 0);
  const size_t others = d.contacts - d.connections;
  text = "You now have " + plural(long(d.contacts), "contact", "contacts") + ": " +
         plural(long(d.connections), "connection", "connections");
  if (others == 0) return text += ".";
  text += " and " + plural(long(others), "other person", "other people") + " who are not connections";
  std::vector<std::string> parts;
  if (d.others_messaged) parts.push_back(thousands(long(d.others_messaged)) + " you exchanged messages with");
  if (d.others_invited) parts.push_back(thousands(long(d.others_invited)) + " from invitations (sent or received)");
  if (d.others_endorsed) parts.push_back(thousands(long(d.others_endorsed)) + " who endorsed or recommended you, or whom you did");
  const size_t rest = others - d.others_messaged - d.others_invited - d.others_endorsed;
  if (rest) parts.push_back(thousands(long(rest)) + " from other files");
  if (!parts.empty()) {
    text += ": ";
    for (size_t k = 0; k < parts.size(); ++k) text += (k ? k + 1 == parts.size() ? " and " : ", " : "") + parts[k];
  }
  return text += ".";
}

void report(Session& s) {
  const ImportReport& r = s.last_report;
  ImGui::BeginChild("report", ImVec2(ImGui::GetContentRegionAvail().x < 1 ? 0 : std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 58), 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NavFlattened);
  subheading("Last import");
  if (!r.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, error_color());
    ImGui::TextWrapped("%s", r.error.c_str());
    ImGui::PopStyleColor();
  } else if (r.cancelled) {
    muted("The import was cancelled. Nothing was changed.");
  } else if (r.committed) {
    ImGui::TextWrapped("%s, %s updated.", plural(r.contacts_added, "new contact", "new contacts").c_str(),
                       thousands(r.contacts_updated).c_str());
    const std::string who = who_they_are(s);
    if (!who.empty()) muted("%s", who.c_str());
    if (!s.store.contacts.empty()) {
      if (ImGui::Button("See who to follow up with")) state().view = View::FollowUps;
      same_line_if_fits(button_width("Open the dashboard"));
      if (ImGui::Button("Open the dashboard")) state().view = View::Dashboard;
    }
  }
  ImGui::Spacing();
  const bool narrow = compact();
  if (ImGui::BeginTable("files", narrow ? 3 : 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("File", ImGuiTableColumnFlags_WidthStretch, narrow ? 1.5f : 2.0f);
    ImGui::TableSetupColumn("Recognised as", ImGuiTableColumnFlags_WidthStretch, narrow ? 1.7f : 1.4f);
    ImGui::TableSetupColumn("Rows", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
    if (!narrow) {
      ImGui::TableSetupColumn("Skipped", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4.5f);
      ImGui::TableSetupColumn("Problems", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    }
    ImGui::TableHeadersRow();
    for (size_t k = 0; k < r.files.size(); ++k) {
      const FileReport& f = r.files[k];
      bool unused = f.kind == FileKind::Unused || f.kind == FileKind::Unknown;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(int(k));
      if (unused) ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color());
      ImGui::TextWrapped("%s", f.name.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", kind_title(f.kind));
      ImGui::TableNextColumn();
      if (unused && f.rows == 0) ImGui::TextDisabled("-");
      else ImGui::TextUnformatted(thousands(long(f.rows)).c_str());
      if (unused) ImGui::PopStyleColor();
      bool has_problems = f.skipped || !f.errors.empty() || !f.details.empty();
      if (!narrow) {
        ImGui::TableNextColumn();
        if (f.skipped) {
          ImGui::PushStyleColor(ImGuiCol_Text, warning_color());
          ImGui::TextUnformatted(thousands(long(f.skipped)).c_str());
          ImGui::PopStyleColor();
        } else {
          ImGui::TextDisabled("0");
        }
        ImGui::TableNextColumn();
      } else if (has_problems) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
      }
      for (const std::string& e : f.errors) {
        ImGui::PushStyleColor(ImGuiCol_Text, error_color());
        ImGui::TextWrapped("%s", e.c_str());
        ImGui::PopStyleColor();
      }
      if (narrow && f.skipped) {
        ImGui::PushStyleColor(ImGuiCol_Text, warning_color());
        ImGui::Text("%s skipped", plural(long(f.skipped), "row", "rows").c_str());
        ImGui::PopStyleColor();
      }
      if (!f.details.empty()) {
        std::string label = std::to_string(f.details.size()) + (f.details.size() == 1 ? " detail" : " details");
        if (ImGui::TreeNodeEx(label.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth)) {
          for (const std::string& d : f.details) {
            ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color());
            ImGui::TextWrapped("%s", d.c_str());
            ImGui::PopStyleColor();
          }
          ImGui::TreePop();
        }
      } else if (!narrow && f.errors.empty() && !f.skipped) {
        ImGui::TextDisabled(unused ? "not needed by Rekindle" : "ok");
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::EndChild();
}

}  // namespace

void draw_import(Session& s) {
  ImGui::BeginChild("import", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
  const float avail = ImGui::GetContentRegionAvail().x;
  const float fs = ImGui::GetFontSize();
  // Keep lines readable on wide screens: a centred column.
  const float col_w = std::min(avail, fs * 58);
  const float indent = std::max(0.0f, (avail - col_w) / 2);
  if (indent > 0) ImGui::Indent(indent);
  ImGui::PushItemWidth(col_w);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + col_w);

  heading(s.store.contacts.empty() ? "Welcome to Rekindle" : "Import");
  ImGui::TextWrapped("Rekindle reads the data export LinkedIn gives you and shows how each relationship really stands: "
                     "who wrote last, who never got an answer, who is fading.");
  ImGui::TextWrapped("It ranks who to reach out to next and why, and keeps your notes, tags and follow-up dates. "
                     "All of it stays in this browser.");
  ImGui::Dummy(ImVec2(0, 4));

  ImGui::BeginChild("zonewrap", ImVec2(col_w, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_NavFlattened);
  drop_zone(s, compact() ? fs * 9.5f : fs * 10.5f);
  ImGui::EndChild();
  if (!s.store.contacts.empty() && !s.importing()) {
    muted("You have %s. Importing a newer export updates them and keeps your notes, tags and dates.",
          plural(long(s.store.contacts.size()), "contact", "contacts").c_str());
  }
  ImGui::Dummy(ImVec2(0, 4));
  if (s.has_report) {
    report(s);
    ImGui::Dummy(ImVec2(0, 4));
  }

  const bool side_by_side = !compact() && col_w > fs * 40;
  if (side_by_side && ImGui::BeginTable("info", 2, ImGuiTableFlags_SizingStretchProp, ImVec2(col_w, 0))) {
    ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthStretch, 1.35f);
    ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0);
    steps();
    ImGui::PopTextWrapPos();
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0);
    privacy();
    ImGui::PopTextWrapPos();
    ImGui::EndTable();
  } else {
    steps();
    ImGui::Dummy(ImVec2(0, 4));
    privacy();
  }
  ImGui::PopTextWrapPos();
  ImGui::PopItemWidth();
  if (indent > 0) ImGui::Unindent(indent);
  ImGui::Dummy(ImVec2(0, 8));
  ImGui::EndChild();
}

}  // namespace rk::ui
