// Follow-ups: today's prioritised queue with reasons and one-click actions.
#include "core/session.hpp"
#include "ui/views.hpp"

namespace rk::ui {

void draw_followups(Session& s) {
  heading("Follow-ups");
  if (s.store.contacts.empty()) {
    if (empty_state("Nothing to follow up yet", "Import your LinkedIn export and Rekindle will rank who to reach out to next.", "Go to Import"))
      state().view = View::Import;
    return;
  }
}

}  // namespace rk::ui
