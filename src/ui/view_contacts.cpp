// Contacts: the searchable, sortable table of everyone.
#include "core/session.hpp"
#include "ui/views.hpp"

#include <misc/cpp/imgui_stdlib.h>

namespace rk::ui {

static std::string g_search;

void draw_contacts(Session& s) {
  heading("Contacts");
  if (state().focus_search) {
    ImGui::SetKeyboardFocusHere();
    state().focus_search = false;
  }
  ImGui::SetNextItemWidth(320);
  ImGui::InputTextWithHint("##search", "Search name, company, position, notes, tags  ( / )", &g_search);
  if (s.store.contacts.empty()) {
    if (empty_state("No contacts yet", "Import your LinkedIn export to fill this table.", "Go to Import")) state().view = View::Import;
    return;
  }
  ImGui::Text("%zu contacts", s.store.contacts.size());
}

}  // namespace rk::ui
