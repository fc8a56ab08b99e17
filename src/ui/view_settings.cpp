// Settings: theme, font size, scoring weights and cadences, templates, data management.
#include "core/session.hpp"
#include "platform/platform.hpp"
#include "ui/views.hpp"

namespace rk::ui {

void draw_settings(Session& s) {
  heading("Settings");
  const char* themes[] = {"system", "light", "dark"};
  for (const char* t : themes) {
    if (ImGui::RadioButton(t, s.store.settings.theme == t)) {
      s.store.settings.theme = t;
      s.settings_changed();
    }
    ImGui::SameLine();
  }
  ImGui::NewLine();
}

}  // namespace rk::ui
