// Touch screens: finger events (from main.cpp) go through core/gesture, whose actions become
// Dear ImGui input here. A tap is a click, a long press a right-click, a drag scrolls the window
// under the finger by the finger's distance (and glides on), instead of Dear ImGui's mouse
// drag, which on a phone selected rows and pressed buttons while trying to scroll.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

#include "core/gesture.hpp"
#include "platform/items.hpp"
#include "ui/ui.hpp"

namespace rk::ui {
namespace {

Gesture g_gesture;
// The windows a drag scrolls, chosen where it began.
ImVec2 g_scroll_at(-FLT_MAX, -FLT_MAX);
ImGuiID g_scroll_x = 0, g_scroll_y = 0;
bool g_touched = false;  // a finger was seen: a touch screen

bool takes_sideways_drag(float x, float y) {
  const platform::LaidOutItem* it = platform::item_at(ImVec2(x, y));
  return it && (it->in_flags & ImGuiItemFlags_Inputable);
}

// The window a drag along `axis` scrolls: the one under the finger, or the nearest parent that
// can scroll that way (as Dear ImGui does with the mouse wheel).
ImGuiID scroll_window(ImVec2 p, ImGuiAxis axis) {
  ImGuiWindow* w = platform::window_at(p);
  while (w) {
    bool can = w->ScrollMax[axis] > 0.0f && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse);
    if (can) return w->ID;
    if (!(w->Flags & ImGuiWindowFlags_ChildWindow)) break;
    w = w->ParentWindow;
  }
  return 0;
}

void scroll_by(ImGuiID id, ImGuiAxis axis, float d) {
  ImGuiWindow* w = id ? ImGui::FindWindowByID(id) : nullptr;
  if (!w || d == 0.0f) return;
  float base = w->ScrollTarget[axis] != FLT_MAX ? w->ScrollTarget[axis] : w->Scroll[axis];
  float to = std::clamp(base + d, 0.0f, w->ScrollMax[axis]);
  if (axis == ImGuiAxis_Y) ImGui::SetScrollY(w, to);
  else ImGui::SetScrollX(w, to);
}

void apply(const GestureAction& a) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  switch (a.kind) {
    case GestureAction::Hover: io.AddMousePosEvent(a.x, a.y); break;
    case GestureAction::Press: io.AddMouseButtonEvent(0, true); break;
    case GestureAction::Release: io.AddMouseButtonEvent(0, false); break;
    case GestureAction::RightClick:
      io.AddMouseButtonEvent(1, true);
      io.AddMouseButtonEvent(1, false);
      break;
    case GestureAction::Leave: io.AddMousePosEvent(-FLT_MAX, -FLT_MAX); break;
    case GestureAction::Scroll:
      if (a.x != g_scroll_at.x || a.y != g_scroll_at.y) {
        g_scroll_at = ImVec2(a.x, a.y);
        g_scroll_y = scroll_window(g_scroll_at, ImGuiAxis_Y);
        g_scroll_x = scroll_window(g_scroll_at, ImGuiAxis_X);
      }
      scroll_by(g_scroll_y, ImGuiAxis_Y, a.dy);
      scroll_by(g_scroll_x, ImGuiAxis_X, a.dx);
      break;
  }
}

}  // namespace

void touch_down(int64_t finger, float x, float y, double t_ms) {
  g_touched = true;
  g_scroll_at = ImVec2(-FLT_MAX, -FLT_MAX);
  g_gesture.down(finger, x, y, t_ms, takes_sideways_drag(x, y));
}
void touch_move(int64_t finger, float x, float y, double t_ms) { g_gesture.move(finger, x, y, t_ms); }
void touch_up(int64_t finger, float x, float y, double t_ms) { g_gesture.up(finger, x, y, t_ms); }
void touch_cancel(int64_t finger) { g_gesture.cancel(finger); }

void touch_before_frame(double t_ms) {
  for (const GestureAction& a : g_gesture.take(t_ms)) apply(a);
}

bool touch_busy() { return g_gesture.busy(); }
bool touch_seen() { return g_touched; }

}  // namespace rk::ui
