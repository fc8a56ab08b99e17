// Right-to-left text for a renderer that draws code points left to right, one glyph each
// (Dear ImGui): Arabic letters are replaced by their joined presentation forms (with lam-alef
// ligatures) and right-to-left runs are put in visual order (a simplified bidi algorithm that
// suits names, companies and short lines). Text without Hebrew or Arabic comes back unchanged.
#pragma once

#include <string>
#include <string_view>

namespace rk {

bool has_rtl(std::string_view utf8);  // any Hebrew or Arabic letter (fast byte scan)
std::string visual_order(std::string_view utf8);

}  // namespace rk
