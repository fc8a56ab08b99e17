// Shared state and drawing functions of the views (one .cpp per view).
#pragma once

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/query.hpp"
#include "core/scoring.hpp"
#include "core/words.hpp"

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

// Opens the Contacts view showing exactly what a click on the Dashboard chose (a status, a
// company, a position, a period of the connections or the messages chart); the other filters
// and the search are cleared. `label` names the filter on its chip ("Connected in Q4 2014").
struct ContactsFilter {
  int status = -1;  // -1 any
  std::string company, position;
  bool connected_only = false;
  Day connected_from = kNoDay, connected_to = kNoDay;
  Day messaged_from = kNoDay, messaged_to = kNoDay;
  std::string label;
};
void show_contacts_filtered(const ContactsFilter& f);
void show_contacts_with_status(Status st);
// The Contacts view's filters in words ("" when none) and how many rows it shows (tests).
std::string contacts_filter_summary();
size_t contacts_shown();

// Where things were drawn in the last frame, by name ("card:12", "chart:conn:3", "toast"...):
// screen rectangles (x0, y0, x1, y1) the browser tests find things by (rekindle.stats().ui).
void debug_rect(const std::string& name, ImVec2 min, ImVec2 max);
void debug_rects_clear();

// "The newest message or connection in this export is from March 2025 ...": shown on the
// Dashboard and Follow-ups when the export is old (charts.hpp, stale_export_notice).
void stale_notice(Session& s);

// Small widgets shared by views.
void status_badge(Status st);
void heading(const char* text);
void subheading(const char* text);
void muted(const char* fmt, ...);
bool empty_state(const char* title, const char* text, const char* button = nullptr);
void help_marker(const char* text);
// A tag chip; returns true when its remove button was clicked (removable chips only).
bool tag_chip(const char* tag, bool removable, int id);
// Wraps the next item onto a new line unless it fits after the previous one (for chip/button rows).
void same_line_if_fits(float next_width);
float button_width(const char* label);
// Names the next item for the keyboard focus and screen readers when its widget reports none
// (combo boxes): `id` is the label it will be drawn with ("##status").
void name_next(const char* id, const char* name);
// The width to give a number field with - and + buttons whose number part should be `w` wide on
// a desktop: on a touch screen its buttons are finger-sized, and the number keeps its room.
float with_step_buttons(float w);

// "Head of Data at Acme" / "Acme" / "Head of Data" / "", ready for display (see display_text).
std::string headline(const Contact& c);
// Text for display: right-to-left runs (Arabic, Hebrew) put in visual order and Arabic letters
// in their joined forms, since Dear ImGui draws code points left to right as they come.
const char* display_text(const std::string& s);
// The same for any text (e.g. a message body in Store::texts); valid until the next call's cache reset.
std::string_view display_view(std::string_view s);

// "Open LinkedIn profile": disabled with an explanation when the URL is not a safe LinkedIn URL.
void profile_button(const Contact& c, const char* label = "Open LinkedIn profile");
// A small button; finger-sized on a touch screen.
bool small_button(const char* label);
// "Copy": copies `text` to the clipboard and says "Copied" for a moment.
void copy_button(const char* id, const std::string& text, const char* label = "Copy");
// Text drawn as a link (accent colour, underlined when hovered); true when clicked (or Enter).
bool link_text(const char* text, const char* id, const char* tooltip);
// Snooze presets (1 week, 1 month, 3 months, custom date) as a popup opened by a button.
// Logs that the user got in touch today (with undo).
void contacted_button(Session& s, const Contact& c, const char* label, const char* tooltip);
void snooze_button(Session& s, ContactId id, const char* label = "Snooze");
// Remembers the user data of a contact before a one-click action, so it can be undone.
void remember_for_undo(Session& s, ContactId id, const std::string& what);
// The "Marked ... - Undo" toast, while there is something to undo: an overlay at the bottom of
// the screen (app.cpp draws it once a frame, after the views), so it never moves content.
void undo_toast(Session& s);
// A bar floating at the bottom of the current window (e.g. the bulk actions): `draw` fills it.
// An overlay, like the toast: what is under it does not move when it comes and goes.
void floating_bar(const char* id, const std::function<void()>& draw);

// A text field whose lines wrap (templates, notes). When `live`, it is the page's one native
// text area (platform::text_area: the browser wraps, composes and shapes), else it is drawn on
// the canvas the same way. Returns true when the pointer is over it or it was clicked (the
// caller then makes it the live one). `key` names whose text it is.
bool wrapped_text_field(uint64_t key, const std::string& text, float min_lines, float max_lines, const char* hint,
                        const char* label, bool live, const std::function<void(const std::string&)>& on_change);


// A date field "YYYY-MM-DD"; true when a valid date (or an empty field: kNoDay) was entered.
bool date_field(const char* id, Day& value, float width);

}  // namespace rk::ui
