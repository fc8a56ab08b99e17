// Contact detail: the side panel with the timeline and the user's notes, tags and follow-up.
#include "core/session.hpp"
#include "ui/views.hpp"

namespace rk::ui {

void draw_detail(Session& s) {
  const Contact* c = s.store.find(state().selected);
  if (!c) return;
  heading(c->name().c_str());
}

}  // namespace rk::ui
