// Welcome / Import: what Rekindle does, how to get the export, the drop zone, the import report.
#include "core/import.hpp"
#include "core/session.hpp"
#include "platform/platform.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace rk::ui {

void draw_import(Session& s) {
  heading("Rekindle");
  muted("See how each LinkedIn relationship really stands, and who to reach out to next and why. "
        "Everything runs in this browser tab: your data never leaves your machine.");
  ImGui::Dummy(ImVec2(0, 6));
  if (ImGui::Button("Open files...")) platform::open_file_picker(platform::PickPurpose::Import);
  ImGui::SameLine();
  muted("or drop the LinkedIn export (.zip or .csv files) anywhere on this page.");
  if (s.has_report) {
    ImGui::Separator();
    ImGui::Text("Last import: %d new contacts, %d updated", s.last_report.contacts_added, s.last_report.contacts_updated);
    for (const auto& f : s.last_report.files) {
      ImGui::BulletText("%s: %s, %zu rows, %zu skipped", f.name.c_str(), kind_name(f.kind), f.rows, f.skipped);
      for (const auto& e : f.errors) {
        ImGui::PushStyleColor(ImGuiCol_Text, error_color());
        ImGui::Indent();
        ImGui::TextWrapped("%s", e.c_str());
        ImGui::Unindent();
        ImGui::PopStyleColor();
      }
    }
  }
}

}  // namespace rk::ui
