#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace rk::ui {

static bool g_dark = false;

bool theme_is_dark() { return g_dark; }

void apply_theme(bool dark, bool touch, float font_px) {
  g_dark = dark;
  ImGuiStyle& st = ImGui::GetStyle();
  st = ImGuiStyle();
  if (dark) ImGui::StyleColorsDark(&st); else ImGui::StyleColorsLight(&st);
  st.WindowRounding = 0.0f;
  st.FrameRounding = 5.0f;
  st.GrabRounding = 5.0f;
  st.ChildRounding = 6.0f;
  st.PopupRounding = 6.0f;
  st.TabRounding = 5.0f;
  st.ScrollbarRounding = 6.0f;
  st.FramePadding = ImVec2(9, 5);
  st.ItemSpacing = ImVec2(9, 7);
  st.CellPadding = ImVec2(7, 4);
  st.WindowPadding = ImVec2(14, 12);
  st.ScrollbarSize = 13.0f;
  st.WindowBorderSize = 0.0f;
  st.FrameBorderSize = dark ? 0.0f : 1.0f;
  if (touch) {
    constexpr float kTarget = 44.0f;
    const float pad = std::max(5.0f, std::ceil((kTarget - font_px) / 2));
    st.FramePadding = ImVec2(12, pad);
    st.ItemSpacing = ImVec2(10, 10);
    st.ItemInnerSpacing = ImVec2(8, 8);
    // Table rows are text + 2 x cell padding + 4 (view_contacts.cpp).
    st.CellPadding = ImVec2(7, std::max(4.0f, std::ceil((kTarget - 4 - font_px) / 2)));
    st.ScrollbarSize = 6.0f;  // only shows where the list is: a finger drags the list itself
    st.GrabMinSize = 24.0f;
  }
  ImVec4* c = st.Colors;
  ImVec4 accent = accent_color();
  if (dark) {
    c[ImGuiCol_WindowBg] = ImVec4(0.105f, 0.11f, 0.125f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.135f, 0.14f, 0.16f, 1.0f);
    c[ImGuiCol_PopupBg] = ImVec4(0.14f, 0.145f, 0.165f, 1.0f);  // opaque: nothing shows through a menu
    c[ImGuiCol_MenuBarBg] = ImVec4(0.13f, 0.135f, 0.155f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.18f, 0.185f, 0.21f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.23f, 0.235f, 0.27f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.26f, 0.27f, 0.31f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.92f, 0.93f, 0.95f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.58f, 0.6f, 0.65f, 1.0f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.03f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.17f, 0.175f, 0.20f, 1.0f);
    c[ImGuiCol_TableBorderStrong] = ImVec4(0.26f, 0.27f, 0.30f, 1.0f);
    c[ImGuiCol_TableBorderLight] = ImVec4(0.21f, 0.22f, 0.25f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(accent.x, accent.y, accent.z, 0.30f);
    c[ImGuiCol_HeaderHovered] = ImVec4(accent.x, accent.y, accent.z, 0.40f);
    c[ImGuiCol_HeaderActive] = ImVec4(accent.x, accent.y, accent.z, 0.50f);
    c[ImGuiCol_Button] = ImVec4(0.22f, 0.23f, 0.27f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.28f, 0.29f, 0.34f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.32f, 0.33f, 0.39f, 1.0f);
  } else {
    c[ImGuiCol_WindowBg] = ImVec4(0.975f, 0.975f, 0.98f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.93f, 0.935f, 0.945f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.94f, 0.95f, 0.97f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.90f, 0.92f, 0.96f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.80f, 0.81f, 0.84f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.11f, 0.12f, 0.14f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.44f, 0.48f, 1.0f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0, 0, 0, 0.025f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.93f, 0.935f, 0.945f, 1.0f);
    c[ImGuiCol_TableBorderStrong] = ImVec4(0.80f, 0.81f, 0.84f, 1.0f);
    c[ImGuiCol_TableBorderLight] = ImVec4(0.88f, 0.89f, 0.91f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(accent.x, accent.y, accent.z, 0.18f);
    c[ImGuiCol_HeaderHovered] = ImVec4(accent.x, accent.y, accent.z, 0.26f);
    c[ImGuiCol_HeaderActive] = ImVec4(accent.x, accent.y, accent.z, 0.34f);
    c[ImGuiCol_Button] = ImVec4(0.91f, 0.92f, 0.94f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.85f, 0.87f, 0.91f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.80f, 0.83f, 0.89f, 1.0f);
  }
  c[ImGuiCol_CheckMark] = accent;
  c[ImGuiCol_SliderGrab] = accent;
  c[ImGuiCol_SliderGrabActive] = accent;
  c[ImGuiCol_TabActive] = ImVec4(accent.x, accent.y, accent.z, 0.85f);
  c[ImGuiCol_PlotHistogram] = accent;
  c[ImGuiCol_NavHighlight] = ImVec4(accent.x, accent.y, accent.z, 0.9f);
}

ImVec4 accent_color() { return g_dark ? ImVec4(0.98f, 0.62f, 0.30f, 1.0f) : ImVec4(0.86f, 0.42f, 0.08f, 1.0f); }
ImVec4 muted_text_color() { return ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]; }
ImVec4 warning_color() { return g_dark ? ImVec4(0.98f, 0.80f, 0.35f, 1.0f) : ImVec4(0.60f, 0.42f, 0.0f, 1.0f); }
ImVec4 error_color() { return g_dark ? ImVec4(1.0f, 0.45f, 0.45f, 1.0f) : ImVec4(0.75f, 0.10f, 0.10f, 1.0f); }

ImVec4 status_color(Status s) {
  // Chosen for contrast on both backgrounds: light theme uses deeper shades.
  switch (s) {
    case Status::AwaitingReply: return g_dark ? ImVec4(1.0f, 0.47f, 0.42f, 1) : ImVec4(0.78f, 0.16f, 0.12f, 1);
    case Status::Unanswered: return g_dark ? ImVec4(0.80f, 0.62f, 1.0f, 1) : ImVec4(0.48f, 0.25f, 0.78f, 1);
    case Status::Silent: return g_dark ? ImVec4(0.66f, 0.70f, 0.76f, 1) : ImVec4(0.38f, 0.42f, 0.48f, 1);
    case Status::Fading: return g_dark ? ImVec4(1.0f, 0.76f, 0.30f, 1) : ImVec4(0.66f, 0.42f, 0.0f, 1);
    case Status::Active: return g_dark ? ImVec4(0.42f, 0.86f, 0.55f, 1) : ImVec4(0.10f, 0.55f, 0.25f, 1);
  }
  return ImVec4(1, 1, 1, 1);
}

}  // namespace rk::ui
