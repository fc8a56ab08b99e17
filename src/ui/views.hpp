// Shared state and drawing functions of the views (one .cpp per view).
#pragma once

#include <imgui.h>

#include <string>

#include "core/model.hpp"
#include "core/query.hpp"
#include "core/scoring.hpp"

namespace rk {
class Session;
}

namespace rk::ui {

enum class View { Import = 0, Dashboard, Contacts, FollowUps, Settings, Count };
const char* view_name(View v);   // "import", ...
const char* view_title(View v);  // "Import", ...

struct UiState {
  View view = View::Import;
  ContactId selected = kNoContact;  // contact shown in the detail panel
  bool focus_search = false;        // "/" or Ctrl+F pressed
  std::string message_title, message_text;
  bool message_pending = false;
  bool confirm_delete = false;
  std::string layout_ini;           // ImGui layout, saved with the settings
};
UiState& state();

bool compact();  // phone-size viewport: single column, bigger touch targets

void draw_import(Session& s);
void draw_dashboard(Session& s);
void draw_contacts(Session& s);
void draw_detail(Session& s);  // the side panel for state().selected
void draw_followups(Session& s);
void draw_settings(Session& s);

// Small widgets shared by views.
void status_badge(Status st);
void heading(const char* text);
void muted(const char* fmt, ...);
bool empty_state(const char* title, const char* text, const char* button = nullptr);
void help_marker(const char* text);

}  // namespace rk::ui
