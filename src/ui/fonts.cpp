#include "ui/fonts.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/session.hpp"
#include "platform/platform.hpp"
#include "ui/ui.hpp"

namespace rk::ui {

namespace {

ImFont* g_regular = nullptr;
ImFont* g_bold = nullptr;
ImFont* g_large = nullptr;
float g_built_ratio = 0;
float g_built_size = 0;
uint64_t g_built_revision = ~0ull;
std::vector<ImWchar> g_ranges;  // must outlive the atlas build

// Decodes UTF-8 and adds every code point to the builder.
void add_text(ImFontGlyphRangesBuilder& b, const std::string& s) {
  if (!s.empty()) b.AddText(s.c_str(), s.c_str() + s.size());
}

}  // namespace

ImFont* font_regular() { return g_regular; }
ImFont* font_bold() { return g_bold ? g_bold : g_regular; }
ImFont* font_large() { return g_large ? g_large : g_regular; }
float font_size() { return g_built_size; }

bool prepare_fonts(Session& s, float ratio) {
  if (ratio <= 0) ratio = 1;
  float size = std::clamp(s.store.settings.font_size, 11.0f, 28.0f);
  // Rebuild when the density or size changes, or after an import or load brought new names.
  bool geometry_changed = ratio != g_built_ratio || size != g_built_size;
  bool data_changed = g_built_revision != s.data_generation && !s.importer;
  if (!geometry_changed && !data_changed) return false;
  ImFontGlyphRangesBuilder b;
  static const ImWchar base[] = {
      0x0020, 0x024F,  // Latin, Latin-1, Latin Extended-A/B
      0x0250, 0x02FF,  // IPA, spacing modifiers
      0x0300, 0x036F,  // combining marks
      0x0370, 0x03FF,  // Greek
      0x0400, 0x052F,  // Cyrillic + supplement
      0x1E00, 0x1FFF,  // Latin Extended Additional, Greek Extended
      0x2000, 0x206F,  // punctuation
      0x20A0, 0x20CF,  // currency
      0x2100, 0x215F,  // letterlike, number forms
      0x2190, 0x21FF,  // arrows
      0x2200, 0x22FF,  // math operators
      0x25A0, 0x25FF,  // geometric shapes
      0xFFFD, 0xFFFD,  // replacement character
      0,
  };
  b.AddRanges(base);
  size_t seen = 0;
  for (const auto& c : s.store.contacts) {
    add_text(b, c.first_name);
    add_text(b, c.last_name);
    add_text(b, c.company);
    add_text(b, c.position);
    if (++seen > 200000) break;
  }
  add_text(b, s.store.owner.first_name);
  add_text(b, s.store.owner.last_name);
  ImVector<ImWchar> built;
  b.BuildRanges(&built);
  // Only rebuild when the glyph set actually changed (or size/density did).
  std::vector<ImWchar> ranges(built.begin(), built.end());
  g_built_revision = s.data_generation;
  if (!geometry_changed && ranges == g_ranges) return false;
  g_ranges = std::move(ranges);
  g_built_ratio = ratio;
  g_built_size = size;

  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = false;
  float px = size * ratio;
  g_regular = io.Fonts->AddFontFromFileTTF("/fonts/NotoSans-Regular.ttf", px, &cfg, g_ranges.data());
  if (!g_regular) g_regular = io.Fonts->AddFontDefault();
  g_bold = io.Fonts->AddFontFromFileTTF("/fonts/NotoSans-Bold.ttf", px, &cfg, g_ranges.data());
  g_large = io.Fonts->AddFontFromFileTTF("/fonts/NotoSans-Bold.ttf", px * 1.45f, &cfg, g_ranges.data());
  io.FontGlobalScale = 1.0f / ratio;
  io.FontDefault = g_regular;
  io.Fonts->Build();
  return true;
}

}  // namespace rk::ui
