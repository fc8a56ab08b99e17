// The ImGui interface: one frame function and the hooks the platform layer calls.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>

#include "core/model.hpp"

namespace rk {
class Session;
}

namespace rk::ui {

void init(Session& s);   // after ImGui exists: theme, fonts
void frame(Session& s);  // draws everything for one frame (between NewFrame and Render)

// Fonts are rasterised at the screen's pixel density; rebuilt when it, the font size or the
// set of scripts in the data changes. Returns true if the atlas must be re-uploaded.
bool prepare_fonts(Session& s, float pixel_ratio);

void on_data_cleared(Session& s);
void show_message(const std::string& title, const std::string& text);
bool set_view(const std::string& name);  // "import", "dashboard", "contacts", "followups", "settings"
bool select_contact(Session& s, ContactId id);
// What the browser tests read through rekindle.stats().ui: the rectangles drawn last frame by
// name (views.hpp, debug_rect), the Contacts view's filter in words and its number of rows.
const std::map<std::string, std::array<float, 4>>& debug_rects();
std::string contacts_filter_summary();
size_t contacts_shown();

// Touch screens (touch.cpp): finger events in CSS pixels and milliseconds (one clock for all),
// between frames; touch_before_frame() hands what they mean to Dear ImGui before NewFrame().
void touch_down(int64_t finger, float x, float y, double t_ms);
void touch_move(int64_t finger, float x, float y, double t_ms);
void touch_up(int64_t finger, float x, float y, double t_ms);
void touch_cancel(int64_t finger);
void touch_before_frame(double t_ms);
bool touch_busy();  // a long press to time or a glide under way: keep drawing frames

}  // namespace rk::ui
