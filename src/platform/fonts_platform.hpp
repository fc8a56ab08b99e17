// On-demand fonts for other scripts: the page fetches a font file from its own folder
// (dist/fonts/, a relative URL, never another host) into the runtime file system, where Dear
// ImGui's atlas builder reads it. Implemented in web_fonts.cpp.
#pragma once

namespace rk::platform {

enum class FontFetch { Missing = 0, Loading = 1, Ready = 2, Failed = 3 };

// Starts fetching fonts/<file> into /fonts/<file> unless it is there or on its way.
void fetch_font(const char* file);
// Where the file stands. Ready means /fonts/<file> can be read.
FontFetch font_fetch_state(const char* file);
// Frees the copy in the runtime file system once the app has read it into memory.
void release_font_file(const char* file);

}  // namespace rk::platform
