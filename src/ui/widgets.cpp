#include <cstdarg>

#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

namespace rk::ui {

void status_badge(Status st) {
  ImVec4 col = status_color(st);
  const char* label = status_label(st);
  ImVec2 ts = ImGui::CalcTextSize(label);
  ImVec2 pad(7, 2);
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec4 bg = col;
  bg.w = theme_is_dark() ? 0.22f : 0.13f;
  dl->AddRectFilled(p, ImVec2(p.x + ts.x + pad.x * 2, p.y + ts.y + pad.y * 2), ImGui::GetColorU32(bg), 8.0f);
  dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), ImGui::GetColorU32(col), label);
  ImGui::Dummy(ImVec2(ts.x + pad.x * 2, ts.y + pad.y * 2));
}

void heading(const char* text) {
  ImGui::PushFont(font_large());
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

void muted(const char* fmt, ...) {
  va_list args;
  va_start(args, fmt);
  ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color());
  ImGui::TextWrappedV(fmt, args);
  ImGui::PopStyleColor();
  va_end(args);
}

bool empty_state(const char* title, const char* text, const char* button) {
  ImGui::Dummy(ImVec2(0, 24));
  ImGui::PushFont(font_bold());
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  muted("%s", text);
  if (button) {
    ImGui::Dummy(ImVec2(0, 4));
    return ImGui::Button(button);
  }
  return false;
}

void help_marker(const char* text) {
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::BeginItemTooltip()) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

}  // namespace rk::ui
