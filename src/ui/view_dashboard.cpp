// Dashboard: totals, status breakdown and charts of the network.
#include "core/session.hpp"
#include "ui/views.hpp"

namespace rk::ui {

void draw_dashboard(Session& s) {
  heading("Dashboard");
  if (s.store.contacts.empty()) {
    if (empty_state("No data yet", "Import your LinkedIn export to see your network.", "Go to Import")) state().view = View::Import;
    return;
  }
  ImGui::Text("%zu contacts", s.store.contacts.size());
}

}  // namespace rk::ui
