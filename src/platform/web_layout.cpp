// rekindle.layout(): where Dear ImGui's windows are and how far each is scrolled, for the
// browser tests (touch scrolling, the keyboard) and for anyone curious in the console.
#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <nlohmann/json.hpp>
#include <string>

namespace {
std::string g_layout;
}

extern "C" EMSCRIPTEN_KEEPALIVE const char* rk_layout() {
  nlohmann::json out = nlohmann::json::object();
  nlohmann::json wins = nlohmann::json::array();
  ImGuiContext* ctx = ImGui::GetCurrentContext();
  if (ctx) {
    for (ImGuiWindow* w : ctx->Windows) {
      if (!w->Active || w->Hidden) continue;
      wins.push_back({{"name", w->Name}, {"x", w->Pos.x}, {"y", w->Pos.y}, {"w", w->Size.x}, {"h", w->Size.y},
                      {"scroll_y", w->Scroll.y}, {"scroll_max_y", w->ScrollMax.y}, {"popup", (w->Flags & ImGuiWindowFlags_Popup) != 0}});
    }
    out["active_id"] = ctx->ActiveId;
    out["nav_id"] = ctx->NavId;
    out["text_input"] = ctx->IO.WantTextInput;
    out["frame_height"] = ctx->FontSize + ctx->Style.FramePadding.y * 2;  // a button's height
    out["nav_visible"] = ctx->NavDisableHighlight ? false : true;
  }
  out["windows"] = wins;
  g_layout = out.dump();
  return g_layout.c_str();
}
