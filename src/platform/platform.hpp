// The seam to the browser. Everything that touches the page (files, IndexedDB, downloads,
// clipboard, links, the window.rekindle API) goes through here; web.cpp implements it with
// EM_JS glue and web/pre.js. The core and the views never include Emscripten headers.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace rk {
class Session;
}

namespace rk::platform {

// Once, after the GL context exists and stored_state_read(): installs drop/paste/visibility
// listeners, loads what IndexedDB holds into the session (fetched by web/pre.js meanwhile).
// Whether what the browser stored (read from IndexedDB from the page's start) is there yet: the
// app is set up (init) only then.
bool stored_state_read();
void init(Session& s);
// Every frame, before drawing: pulls dropped/picked files, runs a slice of an import.
// `will_draw`: whether this frame will be drawn (during an import most frames only import; see
// main.cpp). The import slice is sized so the page still gets a frame every ~90 ms.
void begin_frame(Session& s, bool will_draw);
// Every frame, after drawing: debounced save of what changed.
void end_frame(Session& s);
// Drops a bulk save being serialised (before the Store is replaced); the data stays marked dirty.
void cancel_bulk_save();

enum class PickPurpose { Import = 0, RestoreBackup = 1 };
void open_file_picker(PickPurpose purpose);

void download(std::string_view filename, std::string_view mime, std::string_view data);
void copy_to_clipboard(std::string_view text);
const char* clipboard_text();  // the last text pasted into the page
// Opens an https LinkedIn profile in a new tab; refuses anything else (returns false).
bool open_profile(std::string_view url);
// Opens the user's mail app to write to a plain e-mail address (core mailto_url); false if refused.
bool open_mailto(std::string_view email);

double now_ms();
bool prefers_dark();
bool coarse_pointer();  // the primary pointer is a finger (CSS "pointer: coarse"): bigger targets
float device_pixel_ratio();
void canvas_css_size(int& w, int& h);
bool is_dragging_over();  // a file is being dragged over the page (drop highlight)

// Storage state for banners and the Settings view.
struct StorageStatus {
  bool loaded = false;          // initial load finished
  bool blocked = false;         // stored state was unreadable: saving is off until resolved
  std::string load_error;       // why it was unreadable
  std::string save_error;       // last failed save (quota, private mode, ...), "" when fine
  bool other_tab_changed = false;  // another tab saved newer data
  bool saving = false;
  double last_saved_ms = 0;
  double used_bytes = -1, quota_bytes = -1;  // navigator.storage.estimate()
  // Of which the user's data (IndexedDB) and the app's own offline files (caches, service
  // worker); -1 where the browser does not say.
  double data_bytes = -1, app_files_bytes = -1;
  bool persisted = false;       // navigator.storage.persist() granted
};
const StorageStatus& storage();
void request_persistent_storage();
void save_now(Session& s);                 // immediate save of whatever is dirty
void download_raw_stored_state();          // the unreadable state, for the user to keep
void start_fresh(Session& s);              // after a corrupt load: ignore stored state
void clear_all_data(Session& s);           // "Delete all my data"
void reload_page();
// Main-thread time of one frame, for rekindle.stats() (benchmarks).
void record_frame_time(double ms);
// A frame that drew the canvas (most frames of an idle page draw nothing: main.cpp).
void count_drawn_frame();

// A native text area over the canvas, for text written at length (the notes): the browser wraps
// it, composes with input methods, shapes every script and reads it to screen readers, which
// Dear ImGui's field cannot (web_textarea.cpp). Called each frame it is visible, with its place
// in Dear ImGui's coordinates (CSS pixels), the visible part of its window, its look, and `text`:
// `key` names whose text it is (a new key replaces what it shows). What the user types goes to
// `on_change`, in a later frame or before the page is hidden. A frame that does not call it
// hides it (end_text_areas, after the UI).
struct TextAreaStyle {
  float x = 0, y = 0, w = 0, h = 0;
  float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0;
  // The width of "The quick brown fox jumps over the lazy dog" in the canvas's font (the text
  // area's font size is set to match it), and the line height.
  float font_px = 300, line_px = 16;
  float pad_x = 4, pad_y = 3, rounding = 0;
  uint32_t fg = 0, bg = 0, muted = 0, border = 0;  // ImGui's packed colours (ABGR)
  const char* placeholder = "";
  const char* label = "";  // for screen readers
};
void text_area(uint64_t key, const TextAreaStyle& style, const std::string& text,
               const std::function<void(const std::string&)>& on_change);
void end_text_areas();
void focus_text_area();  // gives it the keyboard once it shows (Tab reached it); Tab there goes on in the app
bool flush_text_areas();  // hands on what was typed since the last frame; true if anything was
bool text_area_focused();  // the user is typing in it (it must not move to another text then)

// Real text input for Dear ImGui's text fields (web_input.cpp): while one is active, a focused
// <input> (or <textarea>) lies invisible over it, so phones open their keyboard and input methods
// compose; its text and selection are copied into the field before each frame
// (text_input_before_frame, before NewFrame) and what Dear ImGui changed is copied back after it
// (text_input_after_frame, after the UI is laid out).
void text_input_before_frame();
void text_input_after_frame();
bool text_input_active();

// Resolves window.rekindle.ready and removes the loading indicator (after the first frame).
void signal_ready();

}  // namespace rk::platform
