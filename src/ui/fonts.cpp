// Fonts: Noto Sans for Latin, Greek and Cyrillic (preloaded), plus the Noto font of every other
// script the loaded text actually uses (Arabic, Hebrew, Devanagari, Thai, CJK), fetched from the
// page's own fonts/ folder the first time it is needed and merged into the regular, bold and
// heading fonts. Only code points present in the data are rasterised, so the atlas stays small.
// A code point no font has is drawn as a box (U+FFFD, a custom glyph), never as garbage.
//
// Start-up: the atlas of the first interactive frame holds exactly the letters the data and the
// UI use (rasterising is most of an atlas build, and the regular font's whole base set is ~2,500
// glyphs where a network uses a few hundred); the rest of the base set, kept so that typed text
// never waits for a rebuild, and the other scripts' fonts join it after that frame.
//
// After that, nothing here takes a frame for long: the text is scanned a slice per frame
// (pump_fonts), font files are copied into memory a slice per frame, and the atlas, whose build
// cannot be split, is rebuilt once for a batch of changes (not once per arriving font) in a
// frame of its own (main.cpp).
#include "ui/fonts.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/glyphs.hpp"
#include "core/session.hpp"
#include "platform/buffers.hpp"
#include "platform/fonts_platform.hpp"
#include "platform/platform.hpp"
#include "ui/ui.hpp"
#include "ui/views.hpp"

namespace rk::ui {

namespace {

// The scan and the font copies get a share of the time between frames (whatever the frame
// rate: slow frames get bigger slices, up to a cap that keeps every frame short), split between
// them when both have work. A copy moves at least one chunk per frame.
constexpr double kFontShare = 0.3;
constexpr double kMinSliceMs = 4.0, kMaxSliceMs = 16.0;
constexpr size_t kCopyChunk = size_t(1) << 20;
constexpr size_t kCopyMaxPerFrame = size_t(8) << 20;
// A rebuild waits for the fonts being fetched (one rebuild for all of them), but not longer
// than this: a slow network must not keep what has arrived off the screen.
constexpr double kMaxFontWaitMs = 2000.0;

ImFont* g_regular = nullptr;
ImFont* g_bold = nullptr;
ImFont* g_large = nullptr;
float g_built_ratio = 0;
float g_built_size = 0;
size_t g_fonts_ready = 0;  // extra font files in memory when the atlas was last built
double g_wait_since = -1;  // when a rebuild began waiting for fonts on their way
bool g_import_seen = false;  // by the last pump_fonts()
std::string g_status;

// The first interactive frame (main.cpp signals it after the second drawn frame) never waits
// for what it does not show: the other scripts' fonts are asked for and join the atlas from
// the third prepare_fonts() on (until then those letters are boxes), and so does the regular
// font's whole base set (until then it has the letters of the data and of the UI, which are
// all it draws).
constexpr int kFirstInteractiveFrame = 2;
int g_prepare_calls = 0;
bool started() { return g_prepare_calls > kFirstInteractiveFrame; }

// The text scan (core/glyphs.hpp), of one data generation, a slice per frame.
StoreGlyphScan g_scan;
bool g_scan_running = false;
uint64_t g_scan_generation = ~0ull;     // what g_scan is (or was) scanning
uint64_t g_scanned_generation = ~0ull;  // what g_names and g_texts hold
unsigned g_scan_scripts = 0;            // the scripts a running scan has met so far

// Code points the text uses.
CodepointSet g_names;  // names, companies, positions: every font (regular, bold, large)
CodepointSet g_texts;  // messages, notes and the rest: the regular font only
bool g_sets_ready = false;  // g_names has the UI's letters (heading_ranges()) at least
uint64_t g_want_generation = ~0ull, g_want_revision = ~0ull;  // what g_want_* were made from
bool g_want_full_base = false;
unsigned g_needed = 0;  // the scripts g_want_all needs
std::vector<ImWchar> g_ranges_names, g_ranges_all;  // built into the atlas (must outlive the build)
std::vector<ImWchar> g_want_names, g_want_all;      // what the text needs now
std::vector<std::vector<ImWchar>> g_script_ranges;   // idem, per merged font

struct ExtraFile {
  std::string data;
  size_t taken = 0;  // bytes of data copied in so far
  platform::FontFetch fetch = platform::FontFetch::Missing;  // as last asked
  bool complete = false;
  bool failed = false;
};
std::map<std::string, ExtraFile> g_files;       // the on-demand script fonts
std::map<std::string, ExtraFile> g_base_files;  // the preloaded base fonts

// The base font files (preloaded into the page's file system), read into memory once: every
// atlas build used to read and copy each of them again (the bold one twice).
const ExtraFile& base_file(const char* path) {
  ExtraFile& ef = g_base_files[path];
  if (ef.complete || ef.failed) return ef;
  if (FILE* f = std::fopen(path, "rb")) {
    if (std::fseek(f, 0, SEEK_END) == 0) {
      const long n = std::ftell(f);
      if (n > 0 && std::fseek(f, 0, SEEK_SET) == 0) {
        platform::resize_for_overwrite(ef.data, size_t(n));
        if (std::fread(ef.data.data(), 1, ef.data.size(), f) != ef.data.size()) ef.data.clear();
      }
    }
    std::fclose(f);
  }
  ef.complete = !ef.data.empty();
  ef.failed = !ef.complete;
  return ef;
}

// A font from bytes that g_files keeps: the atlas is told it owns them so AddFont() keeps the
// pointer instead of copying (the CJK file is 20 MB, merged into three fonts), then told it does
// not, so Clear() leaves them to g_files (g_base_files) for the next build.
ImFont* add_font_bytes(const ExtraFile& ef, float px, ImFontConfig cfg, const ImWchar* ranges) {
  if (!ef.complete) return nullptr;
  ImGuiIO& io = ImGui::GetIO();
  cfg.FontDataOwnedByAtlas = true;
  ImFont* f = io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(ef.data.data()), int(ef.data.size()), px, &cfg, ranges);
  if (f) io.Fonts->ConfigData.back().FontDataOwnedByAtlas = false;
  return f;
}

// The bold and large fonts (names, headings) start from a small set and get what the names use:
// three fonts of the whole base set (~2,500 glyphs each) made the atlas, and every page load,
// several times bigger and slower for letters that never appear.
const std::vector<CodepointRange>& heading_ranges() {
  static const std::vector<CodepointRange> k = {
      {0x0020, 0x007E}, {0x00A0, 0x00FF},  // ASCII, Latin-1
      {0x2010, 0x2027},                    // dashes, quotes, bullet, ellipsis
      {0x20AC, 0x20AC}, {0xFFFD, 0xFFFD},  // euro, replacement character
  };
  return k;
}

void scan_user(const Session& s, CodepointSet& b) {
  for (const auto& [id, u] : s.store.user) {
    b.add_text(u.note);
    for (const auto& t : u.tags) b.add_text(t);
    for (const auto& i : u.interactions) b.add_text(i.note);
  }
  for (const auto& t : s.store.settings.templates) {
    b.add_text(t.name);
    b.add_text(t.body);
  }
  for (const auto& [tag, d] : s.store.settings.tag_cadence_days) b.add_text(tag);
}

std::vector<CodepointRange> to_cp(const std::vector<ImWchar>& r) {
  std::vector<CodepointRange> out;
  for (size_t i = 0; i + 1 < r.size() && r[i]; i += 2) out.push_back({char32_t(r[i]), char32_t(r[i + 1])});
  return out;
}
std::vector<ImWchar> from_cp(const std::vector<CodepointRange>& r) {
  std::vector<ImWchar> out;
  for (const auto& x : r) {
    if (x.first > IM_UNICODE_CODEPOINT_MAX) break;  // ImWchar of 16 bits: the BMP only
    out.push_back(ImWchar(x.first));
    out.push_back(ImWchar(std::min<char32_t>(x.last, IM_UNICODE_CODEPOINT_MAX)));
  }
  out.push_back(0);
  return out;
}

const char* script_title(unsigned sc) {
  switch (sc) {
    case kScriptArabic: return "Arabic";
    case kScriptHebrew: return "Hebrew";
    case kScriptDevanagari: return "Devanagari";
    case kScriptThai: return "Thai";
    case kScriptCJK: return "Chinese, Japanese and Korean";
    default: return "";
  }
}

// The data generation the Store holds now (false while a local import changes it). During the
// re-scoring after an import (finishing(), the merge done) it already holds the new data set,
// which becomes data_generation + 1 when the re-scoring ends: scanned ahead, so that the fonts
// it needs are on their way by then.
bool scan_target(const Session& s, uint64_t& generation) {
  const bool merging = s.importer && s.importer->merging();
  if (s.finishing() && !merging) {
    generation = s.data_generation + 1;
    return true;
  }
  if (s.importer) return false;
  generation = s.data_generation;
  return true;
}

// The sets are not (yet) those of the data.
bool scan_pending(const Session& s) {
  uint64_t gen = 0;
  return scan_target(s, gen) && gen != g_scanned_generation;
}

// Scans for about budget_ms unless the sets are those of the data already.
void scan_some(const Session& s, double budget_ms) {
  uint64_t gen = 0;
  if (!scan_target(s, gen) || gen == g_scanned_generation) return;
  if (!g_scan_running || g_scan_generation != gen) {
    g_scan.start();
    g_scan_running = true;
    g_scan_generation = gen;
  }
  if (!g_scan.step(s.store, budget_ms)) {
    g_scan_scripts = scripts_needed(g_scan.names().ranges()) | scripts_needed(g_scan.texts().ranges());
    return;
  }
  g_names = g_scan.names();
  g_names.add_ranges(heading_ranges());
  g_texts = g_scan.texts();
  g_scanned_generation = gen;
  g_sets_ready = true;
  g_scan_running = false;
  g_scan_scripts = 0;
}

// What the atlas should hold now: the glyph ranges of each font and the scripts they need.
void update_wants(const Session& s) {
  if (!g_sets_ready) {  // nothing scanned yet: what the UI itself draws
    g_names.add_ranges(heading_ranges());
    g_sets_ready = true;
  }
  if (s.importer && s.importer->merging()) return;  // user data and settings are read below
  const bool full_base = started();
  if (g_want_generation == g_scanned_generation && g_want_revision == s.revision && g_want_full_base == full_base)
    return;
  g_want_generation = g_scanned_generation;
  g_want_revision = s.revision;
  g_want_full_base = full_base;
  g_want_names = from_cp(g_names.ranges());
  static CodepointSet all;
  all = g_names;  // includes heading_ranges(): ASCII, Latin-1 and the UI's punctuation
  if (full_base) all.add_ranges(base_ranges());  // then the regular font keeps the whole base set
  all.merge(g_texts);
  scan_user(s, all);
  const std::vector<CodepointRange> all_ranges = all.ranges();
  g_want_all = from_cp(all_ranges);
  g_needed = scripts_needed(all_ranges);
}

// Where each file of the scripts in `scripts` stands. With copy_budget_ms >= 0, asks the page
// about the files on their way, requests the missing ones once started() (after the first
// interactive frame: the downloads, up to 20 MB for CJK, would compete with it for the CPU), and
// copies arrived files into memory: at least one chunk, then more while time is left.
struct FilesState {
  bool fetching = false;  // asked for (or to be), not arrived
  bool copying = false;   // arrived, not all copied in yet
};
FilesState pump_files(unsigned scripts, double copy_budget_ms) {
  FilesState st;
  const bool pump = copy_budget_ms >= 0;
  const double t0 = platform::now_ms();
  size_t copied = 0;
  bool asked = false;  // one fetch() a frame: each costs the page a few ms
  // Last to first: the biggest file (CJK), the longest on its way, is asked for first.
  for (auto it = script_fonts().rbegin(); it != script_fonts().rend(); ++it) {
    const ScriptFont& f = *it;
    if (!(scripts & f.script)) continue;
    for (const char* file : {f.regular, f.bold}) {
      ExtraFile& ef = g_files[file];
      if (ef.complete || ef.failed) continue;
      if (pump && ef.fetch != platform::FontFetch::Ready) {
        ef.fetch = platform::font_fetch_state(file);
        if (ef.fetch == platform::FontFetch::Missing && started() && !asked) {
          platform::fetch_font(file);
          asked = true;
        }
      }
      if (ef.fetch == platform::FontFetch::Failed) {
        ef.failed = true;
        continue;
      }
      if (ef.fetch != platform::FontFetch::Ready) {
        st.fetching = true;
        continue;
      }
      while (pump && copied < kCopyMaxPerFrame && (copied == 0 || platform::now_ms() - t0 < copy_budget_ms)) {
        const size_t before = ef.taken;
        const platform::FontTake t = platform::take_font_slice(file, ef.data, ef.taken, kCopyChunk);
        copied += ef.taken - before;
        if (t == platform::FontTake::More) continue;
        if (t == platform::FontTake::Done && ef.data.size() >= 100) {
          ef.complete = true;
        } else {
          ef.failed = true;
          std::string().swap(ef.data);
        }
        break;
      }
      if (!ef.complete && !ef.failed) st.copying = true;
    }
  }
  return st;
}

void update_status(unsigned scripts) {
  std::string loading, failed;
  for (const ScriptFont& f : script_fonts()) {
    if (!(scripts & f.script)) continue;
    const ExtraFile& r = g_files[f.regular];
    if (r.failed) failed += std::string(failed.empty() ? "" : ", ") + script_title(f.script);
    else if (!r.complete) loading += std::string(loading.empty() ? "" : ", ") + script_title(f.script);
  }
  g_status.clear();
  if (!loading.empty()) g_status = "Loading the font for " + loading + " names...";
  if (!failed.empty())
    g_status += (g_status.empty() ? "" : " ") + std::string("The font for ") + failed +
                " could not be loaded: those letters show as boxes.";
}

size_t files_ready() {
  size_t n = 0;
  for (const auto& [name, ef] : g_files) n += ef.complete;
  return n;
}

// The U+FFFD box: a custom glyph in each font, drawn after the atlas is built.
struct BoxGlyph {
  int rect = -1;
  int w = 0, h = 0;
};
BoxGlyph g_boxes[3];

void add_box(int slot, ImFont* font, float px) {
  ImGuiIO& io = ImGui::GetIO();
  int w = std::max(4, int(px * 0.48f)), h = std::max(6, int(px * 0.62f));
  float ascent = px * 0.785f;  // Noto Sans: ascender / (ascender - descender)
  g_boxes[slot].w = w;
  g_boxes[slot].h = h;
  g_boxes[slot].rect = io.Fonts->AddCustomRectFontGlyph(font, 0xFFFD, w, h, px * 0.6f,
                                                        ImVec2(px * 0.06f, ascent - float(h)));
}

void draw_boxes() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int tw = 0, th = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &tw, &th);
  if (!pixels) return;
  for (const BoxGlyph& b : g_boxes) {
    if (b.rect < 0) continue;
    const ImFontAtlasCustomRect* r = io.Fonts->GetCustomRectByIndex(b.rect);
    if (!r || !r->IsPacked()) continue;
    int t = std::max(1, b.w / 9);
    for (int y = 0; y < r->Height; ++y)
      for (int x = 0; x < r->Width; ++x) {
        bool edge = x < t || y < t || x >= r->Width - t || y >= r->Height - t;
        pixels[(r->Y + y) * tw + (r->X + x)] = edge ? 0xFF : 0x00;
      }
  }
}

}  // namespace

ImFont* font_regular() { return g_regular; }
ImFont* font_bold() { return g_bold ? g_bold : g_regular; }
ImFont* font_large() { return g_large ? g_large : g_regular; }
float font_size() { return g_built_size; }
const std::string& font_status() { return g_status; }

void pump_fonts(Session& s) {
  static double last = 0;
  const double start = platform::now_ms();
  const double slice = std::clamp(kFontShare * (last > 0 ? start - last : 0.0), kMinSliceMs, kMaxSliceMs);
  last = start;
  g_import_seen = s.importing();
  update_wants(s);
  const bool scanning = scan_pending(s);
  pump_files(g_needed | g_scan_scripts, scanning ? slice / 2 : slice);
  if (scanning) scan_some(s, std::max(slice / 2, slice - (platform::now_ms() - start)));
  update_wants(s);
  update_status(g_needed | g_scan_scripts);
}

bool prepare_fonts(Session& s, float ratio) {
  if (ratio <= 0) ratio = 1;
  if (g_prepare_calls <= kFirstInteractiveFrame) ++g_prepare_calls;
  float size = std::clamp(s.store.settings.font_size, 11.0f, 28.0f);
  bool geometry_changed = ratio != g_built_ratio || size != g_built_size;
  if (!g_regular) scan_some(s, 1e12);  // the first atlas has the letters of the data
  const bool scanning = scan_pending(s);
  update_wants(s);
  const FilesState files = pump_files(g_needed | g_scan_scripts, -1.0);
  const size_t ready = files_ready();
  bool glyphs_changed = g_want_names != g_ranges_names || g_want_all != g_ranges_all;
  if (!geometry_changed && !glyphs_changed && ready == g_fonts_ready) {
    g_wait_since = -1;
    return false;
  }
  if (g_regular && !geometry_changed) {
    if (!started()) return false;  // the first interactive frame keeps the first atlas
    // Import slices take most of a frame (up to the one it ends in, before the last pump_fonts).
    if (s.importing() || g_import_seen) return false;
    // Typing a new character into a note should not stall the frame on every key: rebuild for
    // user text once the field is left.
    if (ready == g_fonts_ready && g_want_names == g_ranges_names && ImGui::GetIO().WantTextInput) return false;
    // One rebuild for a batch of changes: a scan and copies under way end within frames, fonts
    // on the network are waited for up to kMaxFontWaitMs.
    const double now = platform::now_ms();
    if (files.fetching && g_wait_since < 0) g_wait_since = now;
    if (scanning || files.copying) return false;
    if (files.fetching && now - g_wait_since < kMaxFontWaitMs) return false;
  }
  g_wait_since = -1;

  g_ranges_names = g_want_names;
  g_ranges_all = g_want_all;
  g_built_ratio = ratio;
  g_built_size = size;
  g_fonts_ready = ready;

  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.Fonts->TexDesiredWidth = 2048;
  const float px = size * ratio;
  const std::vector<CodepointRange> cp_all = to_cp(g_ranges_all), cp_names = to_cp(g_ranges_names);
  g_script_ranges.clear();
  g_script_ranges.reserve(16);

  auto add_font = [&](const char* base_path, float font_px, const std::vector<ImWchar>& ranges,
                      const std::vector<CodepointRange>& cps, bool bold) -> ImFont* {
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    ImFont* f = add_font_bytes(base_file(base_path), font_px, cfg, ranges.data());
    if (!f) return nullptr;
    for (const ScriptFont& sf : script_fonts()) {
      if (!(g_needed & sf.script)) continue;
      auto it = g_files.find(bold ? sf.bold : sf.regular);
      if (it == g_files.end() || !it->second.complete) continue;
      std::vector<CodepointRange> sr = ranges_for_script(cps, sf.script);
      if (sr.empty()) continue;
      g_script_ranges.push_back(from_cp(sr));
      ImFontConfig m;
      m.MergeMode = true;
      m.OversampleH = sf.script == kScriptCJK ? 1 : 2;
      m.OversampleV = 1;
      m.PixelSnapH = false;
      m.FontNo = sf.face >= 0 ? sf.face : cjk_face(cps);
      add_font_bytes(it->second, font_px, m, g_script_ranges.back().data());
    }
    return f;
  };
  g_regular = add_font("/fonts/NotoSans-Regular.ttf", px, g_ranges_all, cp_all, false);
  if (!g_regular) g_regular = io.Fonts->AddFontDefault();
  g_bold = add_font("/fonts/NotoSans-Bold.ttf", px, g_ranges_names, cp_names, true);
  g_large = add_font("/fonts/NotoSans-Bold.ttf", px * 1.45f, g_ranges_names, cp_names, true);
  for (BoxGlyph& b : g_boxes) b.rect = -1;
  add_box(0, g_regular, px);
  if (g_bold) add_box(1, g_bold, px);
  if (g_large) add_box(2, g_large, px * 1.45f);
  io.FontGlobalScale = 1.0f / ratio;
  io.FontDefault = g_regular;
  io.Fonts->Build();
  draw_boxes();
  return true;
}

}  // namespace rk::ui
