#include "platform/items.hpp"

#include <cstdarg>

namespace rk::platform {
namespace {
std::vector<LaidOutItem> g_items;
ImGuiID g_named_id = 0;
std::string g_name;
}

void name_item(ImGuiID id, const char* name) {
  g_named_id = id;
  g_name = name ? name : "";
}

void items_begin_frame() {
  GImGui->TestEngineHookItems = true;
  g_items.clear();
}

const std::vector<LaidOutItem>& laid_out_items() { return g_items; }

ImGuiWindow* window_at(ImVec2 p) {
  ImGuiContext& g = *GImGui;
  for (int i = g.Windows.Size - 1; i >= 0; i--) {
    ImGuiWindow* w = g.Windows[i];
    if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs)) continue;
    if (w->OuterRectClipped.Contains(p)) return w;
  }
  return nullptr;
}

const LaidOutItem* item_at(ImVec2 p) {
  ImGuiWindow* top = window_at(p);
  if (!top) return nullptr;
  const LaidOutItem* found = nullptr;
  for (const LaidOutItem& it : g_items) {
    if (!it.described || it.window != top || !it.rect.Contains(p) || !it.clip.Contains(p)) continue;
    found = &it;  // the last one drawn is on top
  }
  return found;
}

}  // namespace rk::platform

// Dear ImGui calls these for every item (IMGUI_ENABLE_TEST_ENGINE) while TestEngineHookItems is set.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* data) {
  ImGuiWindow* w = ctx->CurrentWindow;
  if (!w || w->SkipItems) return;
  rk::platform::LaidOutItem it;
  it.id = id;
  it.rect = bb;
  it.clip = w->ClipRect;
  it.window = w;
  it.in_flags = data ? data->InFlags : 0;
  if (id == rk::platform::g_named_id) {  // named beforehand: reports nothing itself
    it.label = rk::platform::g_name;
    it.described = bb.Overlaps(w->ClipRect);
    rk::platform::g_named_id = 0;
  }
  rk::platform::g_items.push_back(std::move(it));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  auto& v = rk::platform::g_items;
  // The widget reports itself right after adding itself (a few nested items at most in between).
  for (size_t k = v.size(), n = 0; k-- > 0 && n < 64; ++n) {
    if (v[k].id != id) continue;
    v[k].status = flags;
    v[k].label = label ? label : "";
    v[k].described = true;
    return;
  }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
