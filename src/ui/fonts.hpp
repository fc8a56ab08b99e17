// Fonts: Noto Sans (Latin, Latin Extended, Greek, Cyrillic) always; other scripts' Noto fonts
// merged in when the imported names need them. Glyphs are rasterised at the screen's density.
#pragma once

#include <imgui.h>

#include <string>

namespace rk {
class Session;
}

namespace rk::ui {

// Every frame, drawn or not (main.cpp): a time-boxed slice of the font work that feeds
// prepare_fonts() (ui.hpp), which rebuilds the atlas: the scan of the text for the code points it
// uses, the fetching and copying into memory of other scripts' fonts, the font status.
void pump_fonts(Session& s);

ImFont* font_regular();
ImFont* font_bold();
ImFont* font_large();  // headings
float font_size();     // in CSS pixels
// "Loading the font for Arabic names..." while a script's font is on its way; "" otherwise.
const std::string& font_status();

}  // namespace rk::ui
