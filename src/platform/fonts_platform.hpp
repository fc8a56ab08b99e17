// On-demand fonts for other scripts: the page fetches a font file from its own folder
// (dist/fonts/, a relative URL, never another host) and keeps the bytes until the app takes
// them into its own memory (one copy, no file system in between). Implemented in web_fonts.cpp.
#pragma once

#include <cstddef>
#include <string>

namespace rk::platform {

enum class FontFetch { Missing = 0, Loading = 1, Ready = 2, Failed = 3 };

// Starts fetching fonts/<file> unless it is here or on its way. Never blocks: the bytes arrive
// between frames.
void fetch_font(const char* file);
// Where the file stands. Ready stays Ready after the bytes were taken.
FontFetch font_fetch_state(const char* file);

enum class FontTake { More, Done, Gone };
// Takes an arrived file into `out` a slice at a time, from `taken` bytes on, at most max_bytes
// per call: copying a 20 MB file in one go held a frame for 100+ ms (each first touch of a
// fresh page of memory is the expensive part). The first call sizes `out` to the whole file
// without zero-filling it. Done once the last byte is in (the page's copy is freed then); Gone
// when the bytes are not (or no longer) there, or do not fit in memory.
FontTake take_font_slice(const char* file, std::string& out, size_t& taken, size_t max_bytes);

}  // namespace rk::platform
