// Fonts: Noto Sans (Latin, Latin Extended, Greek, Cyrillic) always; other scripts' Noto fonts
// merged in when the imported names need them. Glyphs are rasterised at the screen's density.
#pragma once

#include <imgui.h>

#include <string>

namespace rk::ui {

ImFont* font_regular();
ImFont* font_bold();
ImFont* font_large();  // headings
float font_size();     // in CSS pixels
// "Loading the font for Arabic names..." while a script's font is on its way; "" otherwise.
const std::string& font_status();

}  // namespace rk::ui
