// Right-to-left text for a renderer that draws code points left to right, one glyph each
// (Dear ImGui): Arabic letters are replaced by their joined presentation forms (with lam-alef
// ligatures) and right-to-left runs are put in visual order (a simplified bidi algorithm that
// suits names, companies and short lines). Text without Hebrew or Arabic comes back unchanged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rk {

bool has_rtl(std::string_view utf8);  // any Hebrew or Arabic letter (fast byte scan)
std::string visual_order(std::string_view utf8);

// The per-letter table visual_order's Arabic joining uses, for code that must know which
// presentation forms a text can produce (the font glyph scan, core/glyphs.hpp).
enum class ArabicJoin : uint8_t { None, Right, Dual, Causing, Transparent };
struct ArabicForms {
  // The isolated presentation form (0 when the letter has none); final = +1, and for
  // dual-joining letters initial = +2, medial = +3.
  char32_t isolated;
  ArabicJoin join;
};
ArabicForms arabic_forms(char32_t c);
inline bool arabic_joins_left(ArabicJoin j) {  // to the following letter
  return j == ArabicJoin::Dual || j == ArabicJoin::Causing;
}
inline bool arabic_joins_right(ArabicJoin j) {  // to the preceding letter
  return j == ArabicJoin::Dual || j == ArabicJoin::Right || j == ArabicJoin::Causing;
}
// Lam followed by this alef is drawn as one ligature: its isolated form (final = +1), or 0.
char32_t lam_alef_ligature(char32_t alef);

}  // namespace rk
