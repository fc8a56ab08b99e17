// Colours and style: a light and a dark theme, and the status colours both share.
#pragma once

#include <imgui.h>

#include "core/scoring.hpp"

namespace rk::ui {

// `touch`: the main pointer is a finger, so every control is at least 44 px tall (Apple's and
// Google's minimum for a finger) at font size `font_px`.
void apply_theme(bool dark, bool touch = false, float font_px = 16.0f);
bool theme_is_dark();
ImVec4 status_color(Status s);  // readable on both themes
ImVec4 accent_color();
ImVec4 muted_text_color();
ImVec4 warning_color();
ImVec4 error_color();

}  // namespace rk::ui
