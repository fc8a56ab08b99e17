// rekindle.layout(): where Dear ImGui's windows are and how far each is scrolled, for the
// browser tests (touch scrolling, the keyboard) and for anyone curious in the console.
#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <nlohmann/json.hpp>

#include "platform/items.hpp"
#include <algorithm>
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
    // The item with the keyboard focus, by its label (tests follow Tab with it).
    for (const rk::platform::LaidOutItem& it : rk::platform::laid_out_items())
      if (it.id == ctx->NavId && ctx->NavId) out["nav_label"] = it.label;
    out["nav_id"] = ctx->NavId;
    out["text_input"] = ctx->IO.WantTextInput;
    // The text of the active text field as Dear ImGui holds it (what typing reached).
    const ImGuiInputTextState& st = ctx->InputTextState;
    if (ctx->ActiveId && st.ID == ctx->ActiveId) {
      std::string t(size_t(st.CurLenW) * 4 + 1, '\0');
      t.resize(size_t(ImTextStrToUtf8(t.data(), int(t.size()), st.TextW.Data, st.TextW.Data + st.CurLenW)));
      out["field_text"] = t;
      out["field_selection"] = {std::min(st.Stb.select_start, st.Stb.select_end), std::max(st.Stb.select_start, st.Stb.select_end)};
      out["field_cursor"] = st.Stb.cursor;
    }
    out["frame_height"] = ctx->FontSize + ctx->Style.FramePadding.y * 2;  // a button's height
    out["nav_visible"] = ctx->NavDisableHighlight ? false : true;
  }
  out["windows"] = wins;
  // The items drawn in the last frame (not clipped away): raw label ("Save", "##search"), place.
  nlohmann::json items = nlohmann::json::array();
  for (const rk::platform::LaidOutItem& it : rk::platform::laid_out_items()) {
    if (!it.described) continue;
    ImRect r = it.rect;
    r.ClipWith(it.clip);
    if (r.GetWidth() <= 0 || r.GetHeight() <= 0) continue;
    items.push_back({{"id", it.id}, {"label", it.label}, {"x", r.Min.x}, {"y", r.Min.y}, {"w", r.GetWidth()}, {"h", r.GetHeight()},
                     {"inputable", (it.in_flags & ImGuiItemFlags_Inputable) != 0}, {"window", it.window ? it.window->Name : ""}});
  }
  out["items"] = items;
  g_layout = out.dump();
  return g_layout.c_str();
}
