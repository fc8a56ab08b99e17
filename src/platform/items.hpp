// What Dear ImGui laid out in the last frame: every item with its rectangle, flags and label,
// collected through Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE, CMakeLists.txt)
// in web_items.cpp.
// Touch input asks what is under a finger; the accessibility layer describes the items.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

namespace rk::platform {

struct LaidOutItem {
  ImGuiID id = 0;
  ImRect rect;                   // in CSS pixels
  ImRect clip;                   // the part of its window where it can be seen
  ImGuiWindow* window = nullptr;
  ImGuiItemFlags in_flags = 0;   // ImGuiItemFlags_Inputable: a text field, a slider
  ImGuiItemStatusFlags status = 0;  // from the widget (checkable, checked, openable...)
  std::string label;             // as the widget was called ("Save##x", "" for none)
  bool described = false;        // the widget reported itself (it was not clipped away)
};

void items_begin_frame();
// A name for an item whose widget does not report one (a combo box), given before it is drawn.
void name_item(ImGuiID id, const char* name);  // at the start of every laid-out frame
const std::vector<LaidOutItem>& laid_out_items();
// The top window under a point in the last frame (Dear ImGui's own hover rule), or null.
ImGuiWindow* window_at(ImVec2 p);
// The visible item under a point in the last frame, in the top window there, or null.
const LaidOutItem* item_at(ImVec2 p);

}  // namespace rk::platform
