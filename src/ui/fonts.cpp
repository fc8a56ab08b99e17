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
#include "ui/fonts.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/glyphs.hpp"
#include "core/session.hpp"
#include "platform/fonts_platform.hpp"
#include "platform/platform.hpp"
#include "ui/ui.hpp"
#include "ui/views.hpp"

namespace rk::ui {

namespace {

ImFont* g_regular = nullptr;
ImFont* g_bold = nullptr;
ImFont* g_large = nullptr;
float g_built_ratio = 0;
float g_built_size = 0;
uint64_t g_scanned_generation = ~0ull;
uint64_t g_scanned_revision = ~0ull;
size_t g_fonts_ready = 0;  // extra font files in memory when the atlas was last built
std::string g_status;

// Code points the text uses (core/glyphs.hpp).
CodepointSet g_names;  // names, companies, positions: every font (regular, bold, large)
CodepointSet g_texts;  // messages, notes and the rest: the regular font only
std::vector<ImWchar> g_ranges_names, g_ranges_all;  // built into the atlas (must outlive the build)
std::vector<ImWchar> g_want_names, g_want_all;      // what the text needs now
std::vector<std::vector<ImWchar>> g_script_ranges;   // idem, per merged font

struct ExtraFile {
  std::vector<char> data;
  bool failed = false;
};
std::map<std::string, ExtraFile> g_files;       // the on-demand script fonts
std::map<std::string, ExtraFile> g_base_files;  // the preloaded base fonts

// The base font files (preloaded into the page's file system), read into memory once: every
// atlas build used to read and copy each of them again (the bold one twice).
const ExtraFile& base_file(const char* path) {
  ExtraFile& ef = g_base_files[path];
  if (!ef.data.empty() || ef.failed) return ef;
  if (FILE* f = std::fopen(path, "rb")) {
    if (std::fseek(f, 0, SEEK_END) == 0) {
      const long n = std::ftell(f);
      if (n > 0 && std::fseek(f, 0, SEEK_SET) == 0) {
        ef.data.resize(size_t(n));
        if (std::fread(ef.data.data(), 1, ef.data.size(), f) != ef.data.size()) ef.data.clear();
      }
    }
    std::fclose(f);
  }
  ef.failed = ef.data.empty();
  return ef;
}

// A font from bytes that g_files keeps: the atlas is told it owns them so AddFont() keeps the
// pointer instead of copying (the CJK file is 20 MB, merged into three fonts), then told it does
// not, so Clear() leaves them to g_files (g_base_files) for the next build.
ImFont* add_font_bytes(const ExtraFile& ef, float px, ImFontConfig cfg, const ImWchar* ranges) {
  if (ef.data.empty()) return nullptr;
  ImGuiIO& io = ImGui::GetIO();
  cfg.FontDataOwnedByAtlas = true;
  ImFont* f = io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(ef.data.data()), int(ef.data.size()), px, &cfg, ranges);
  if (f) io.Fonts->ConfigData.back().FontDataOwnedByAtlas = false;
  return f;
}

// The one place this file reads a message's subject and body.
struct MessageText {
  std::string_view subject, body;
};
MessageText message_text(const Store& st, const Message& m) { return {st.text(m.subject), st.text(m.text)}; }

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

void scan_data(const Session& s) {
  g_names.clear();
  g_texts.clear();
  g_names.add_ranges(heading_ranges());
  size_t budget = size_t(64) << 20;  // bytes of message text scanned at most
  for (const Contact& c : s.store.contacts) {
    g_names.add_text(c.first_name);
    g_names.add_text(c.last_name);
    g_names.add_text(c.company);
    g_names.add_text(c.position);
    for (const Invitation& i : c.invitations) g_texts.add_text(i.message);
    for (const Endorsement& e : c.endorsements) g_texts.add_text(e.skill);
    for (const Recommendation& r : c.recommendations) g_texts.add_text(r.text);
    for (const JobChange& j : c.job_changes) {
      g_names.add_text(j.old_company);
      g_names.add_text(j.old_position);
    }
  }
  g_names.add_text(s.store.owner.first_name);
  g_names.add_text(s.store.owner.last_name);
  for (const Conversation& cv : s.store.conversations) g_texts.add_text(cv.title);
  for (const Message& m : s.store.messages) {
    const MessageText t = message_text(s.store, m);
    if (t.body.size() > budget) break;
    budget -= t.body.size();
    g_texts.add_text(t.body);
    g_texts.add_text(t.subject);
  }
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

// Asks for the files the text needs and takes those that have arrived into memory, only once
// `started` (after the first interactive frame, see prepare_fonts: the downloads, up to 20 MB for
// CJK, would compete with it for the CPU); returns how many are in memory.
size_t ensure_files(unsigned needed, bool started) {
  size_t ready = 0;
  std::string loading, failed;
  for (const ScriptFont& f : script_fonts()) {
    if (!(needed & f.script)) continue;
    for (const char* file : {f.regular, f.bold}) {
      ExtraFile& ef = g_files[file];
      if (!ef.data.empty()) continue;
      if (ef.failed) continue;
      platform::FontFetch st = platform::font_fetch_state(file);
      if (st == platform::FontFetch::Missing && started) platform::fetch_font(file);
      if (st == platform::FontFetch::Failed) ef.failed = true;
      if (st == platform::FontFetch::Ready && started) {
        if (!platform::take_font_file(file, ef.data) || ef.data.size() < 100) {
          ef.data.clear();
          ef.failed = true;
        }
      }
    }
    const ExtraFile& r = g_files[f.regular];
    if (r.failed) failed += std::string(failed.empty() ? "" : ", ") + script_title(f.script);
    else if (r.data.empty()) loading += std::string(loading.empty() ? "" : ", ") + script_title(f.script);
  }
  for (const auto& [name, ef] : g_files) ready += !ef.data.empty();
  g_status.clear();
  if (!loading.empty()) g_status = "Loading the font for " + loading + " names...";
  if (!failed.empty())
    g_status += (g_status.empty() ? "" : " ") + std::string("The font for ") + failed +
                " could not be loaded: those letters show as boxes.";
  return ready;
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

bool prepare_fonts(Session& s, float ratio) {
  if (ratio <= 0) ratio = 1;
  float size = std::clamp(s.store.settings.font_size, 11.0f, 28.0f);
  bool geometry_changed = ratio != g_built_ratio || size != g_built_size;
  bool data_changed = false;
  if (!s.importer) {
    if (g_scanned_generation != s.data_generation) {
      scan_data(s);
      g_scanned_generation = s.data_generation;
      g_scanned_revision = ~0ull;
      data_changed = true;
    }
    if (g_scanned_revision != s.revision) {
      g_scanned_revision = s.revision;
      data_changed = true;
    }
  }
  // The first interactive frame (main.cpp signals it after the second frame) never waits for
  // what it does not show: the other scripts' fonts are asked for and join the atlas from the
  // third frame on (until then those letters are boxes), and so does the regular font's whole
  // base set (until then it has the letters of the data and of the UI, which are all it draws).
  constexpr int kFirstInteractiveFrame = 2;
  static int frames = 0;
  if (frames <= kFirstInteractiveFrame) ++frames;
  const bool started = frames > kFirstInteractiveFrame;
  static bool built_full_base = false;
  if (started && !built_full_base) data_changed = true;
  static unsigned needed = 0;
  if (data_changed) {
    g_want_names = from_cp(g_names.ranges());
    static CodepointSet all;
    all = g_names;  // includes heading_ranges(): ASCII, Latin-1 and the UI's punctuation
    if (started) all.add_ranges(base_ranges());  // then the regular font keeps the whole base set
    built_full_base = started;
    all.merge(g_texts);
    scan_user(s, all);
    const std::vector<CodepointRange> all_ranges = all.ranges();
    g_want_all = from_cp(all_ranges);
    needed = scripts_needed(all_ranges);
  }
  size_t ready = ensure_files(needed, started);
  bool glyphs_changed = g_want_names != g_ranges_names || g_want_all != g_ranges_all;
  if (!geometry_changed && !glyphs_changed && ready == g_fonts_ready) return false;
  // Typing a new character into a note should not stall the frame on every key: rebuild for
  // user text once the field is left.
  if (!geometry_changed && ready == g_fonts_ready && g_want_names == g_ranges_names && ImGui::GetIO().WantTextInput &&
      g_regular)
    return false;

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
      if (!(needed & sf.script)) continue;
      auto it = g_files.find(bold ? sf.bold : sf.regular);
      if (it == g_files.end() || it->second.data.empty()) continue;
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
