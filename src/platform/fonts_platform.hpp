// On-demand fonts for other scripts: the page fetches a font file from its own folder
// (dist/fonts/, a relative URL, never another host) and keeps the bytes until the app takes
// them into its own memory (one copy, no file system in between). Implemented in web_fonts.cpp.
#pragma once

#include <vector>

namespace rk::platform {

enum class FontFetch { Missing = 0, Loading = 1, Ready = 2, Failed = 3 };

// Starts fetching fonts/<file> unless it is here or on its way. Never blocks: the bytes arrive
// between frames.
void fetch_font(const char* file);
// Where the file stands. Ready stays Ready after the bytes were taken.
FontFetch font_fetch_state(const char* file);
// Moves the bytes of a file that has arrived into `out` and frees the page's copy. False when
// they are not (or no longer) there.
bool take_font_file(const char* file, std::vector<char>& out);

}  // namespace rk::platform
