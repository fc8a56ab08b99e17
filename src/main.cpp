// Rekindle's entry point: SDL2 + WebGL2 + Dear ImGui, one frame function driven by the browser.
#include <SDL.h>
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_sdl2.h>

#include "core/session.hpp"
#include "platform/platform.hpp"
#include "platform/web_renderer.hpp"
#include "ui/fonts.hpp"
#include "ui/ui.hpp"

namespace {

rk::platform::GlRenderer g_renderer;

struct App {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  rk::Session session;
  bool started = false;  // the stored data was read and the app set up with it
  int frames = 0;
  double last_draw_ms = 0;
  int css_w = 0, css_h = 0;
  float dpr = 0;
};

// The canvas follows the window (CSS size from shell.html); its backing store is CSS size x
// devicePixelRatio so text is crisp on high-DPI screens.
void sync_canvas_size(App& app) {
  int w = 0, h = 0;
  rk::platform::canvas_css_size(w, h);
  float dpr = rk::platform::device_pixel_ratio();
  if (w <= 0 || h <= 0) return;
  if (w != app.css_w || h != app.css_h || dpr != app.dpr) {
    app.css_w = w;
    app.css_h = h;
    app.dpr = dpr;
    SDL_SetWindowSize(app.window, w, h);
    emscripten_set_canvas_element_size("#canvas", int(w * dpr + 0.5f), int(h * dpr + 0.5f));
  }
}

void frame(void* arg) {
  App& app = *static_cast<App*>(arg);
  if (!app.started) {
    if (!rk::platform::stored_state_read()) return;
    rk::platform::init(app.session);
    rk::ui::init(app.session);
    app.started = true;
  }
  double start = rk::platform::now_ms();
  sync_canvas_size(app);
  SDL_Event e;
  bool input = false;
  while (SDL_PollEvent(&e)) {
    input = true;
    // Fingers are not a mouse: ui/touch.cpp decides what they mean (scroll, tap, long press).
    const float fx = float(app.css_w), fy = float(app.css_h);
    switch (e.type) {
      case SDL_FINGERDOWN: rk::ui::touch_down(e.tfinger.fingerId, e.tfinger.x * fx, e.tfinger.y * fy, e.tfinger.timestamp); continue;
      case SDL_FINGERMOTION: rk::ui::touch_move(e.tfinger.fingerId, e.tfinger.x * fx, e.tfinger.y * fy, e.tfinger.timestamp); continue;
      case SDL_FINGERUP: rk::ui::touch_up(e.tfinger.fingerId, e.tfinger.x * fx, e.tfinger.y * fy, e.tfinger.timestamp); continue;
      default: break;
    }
    ImGui_ImplSDL2_ProcessEvent(&e);
  }
  input = input || rk::ui::touch_busy();

  // During an import most frames are not drawn: only on input or every ~200 ms (the progress
  // bar still moves 5 times a second). A drawn WebGL frame costs the browser a present (on
  // software-composited machines a read-back of the whole canvas) that competes with the import
  // for the CPU, whether it runs in slices here or in the worker; an undrawn one costs nothing.
  const bool importing = app.session.importing();
  const bool draw = !importing || input || start - app.last_draw_ms >= 200.0 || app.frames < 3;
  rk::platform::begin_frame(app.session, draw);
  if (draw && rk::ui::prepare_fonts(app.session, app.dpr)) {
    g_renderer.upload_fonts();
    // A rebuilt atlas gets a frame of its own, not drawn (the canvas keeps its picture; the next
    // frame lays out and draws): the build alone takes up to ~100 ms. Not the first atlas: the
    // first frame is only laid out anyway (below), and start-up must not wait a frame more.
    if (app.frames > 0) {
      rk::platform::record_frame_time(rk::platform::now_ms() - start);
      return;
    }
  }
  rk::ui::pump_fonts(app.session);  // drawn or not: a slice of the glyph scan and font copies
  if (!draw) {
    rk::platform::record_frame_time(rk::platform::now_ms() - start);
    return;
  }
  app.last_draw_ms = start;

  // The first frame is laid out twice and drawn once: Dear ImGui sizes windows and tables from
  // a first pass, which is never shown (drawing it cost the browser a GPU render and, with
  // software compositing, a read-back of the canvas). Both passes run in this one callback, so
  // the first interactive frame is on screen one browser frame sooner.
  for (int pass = app.frames == 0 ? 0 : 1; pass < 2; ++pass) {
    ImGui_ImplSDL2_NewFrame();
    if (pass == 1) {
      rk::ui::touch_before_frame(SDL_GetTicks());
      rk::platform::text_input_before_frame();
    }
    ImGuiIO& io = ImGui::GetIO();
    // The SDL backend measures the window in CSS pixels; render at the real backing size.
    io.DisplaySize = ImVec2(float(app.css_w), float(app.css_h));
    io.DisplayFramebufferScale = ImVec2(app.dpr, app.dpr);
    if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 60.0f;  // some browsers report 0
    ImGui::NewFrame();
    rk::ui::frame(app.session);
    if (pass == 1) rk::platform::text_input_after_frame();
    ImGui::Render();
  }

  // A frame that would draw what the canvas already shows is not drawn (GlRenderer::unchanged).
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  if (!g_renderer.unchanged(ImGui::GetDrawData(), bg)) {
    glViewport(0, 0, int(app.css_w * app.dpr + 0.5f), int(app.css_h * app.dpr + 0.5f));
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    g_renderer.render(ImGui::GetDrawData());
    g_renderer.drawn();
    rk::platform::count_drawn_frame();
  }
  rk::platform::end_text_areas();
  rk::platform::end_frame(app.session);
  rk::platform::record_frame_time(rk::platform::now_ms() - start);

  if (++app.frames == 1) rk::platform::signal_ready();  // the first interactive frame is drawn
  if (app.frames == 2) g_renderer.report_errors();  // after the first interactive frame: never waits before it
}

const char* get_clipboard(void*) { return rk::platform::clipboard_text(); }
void set_clipboard(void*, const char* text) { rk::platform::copy_to_clipboard(text ? text : ""); }

}  // namespace

int main() {
  static App app;
  // (For the benchmark's breakdown of start-up: the wasm is instantiated and its files are in.)
  EM_ASM({ if (typeof performance !== 'undefined' && performance.mark) performance.mark('rk:main'); });
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // fingers go to ui/touch.cpp, not through a fake mouse
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    EM_ASM({ Module.RK && Module.RK.fatal && Module.RK.fatal('SDL could not start: ' + UTF8ToString($0)); },
           SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  int w = 1280, h = 800;
  rk::platform::canvas_css_size(w, h);
  app.window = SDL_CreateWindow("Rekindle", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE);
  app.gl = app.window ? SDL_GL_CreateContext(app.window) : nullptr;
  if (!app.gl) {
    EM_ASM({ Module.RK && Module.RK.fatal && Module.RK.fatal('WebGL 2 is not available: ' + UTF8ToString($0)); },
           SDL_GetError());
    return 1;
  }
  SDL_GL_MakeCurrent(app.window, app.gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is stored with the user's settings, in IndexedDB
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplSDL2_InitForOpenGL(app.window, app.gl);
  // After the SDL backend, which installs SDL's clipboard (it never reaches the OS in a browser).
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;

  // Compiled now, while the stored data is loaded below: the GPU process (another core) works on
  // the shaders meanwhile instead of in the first frame.
  g_renderer.init();

  // The stored data may still be on its way from IndexedDB: the frame function starts the app
  // once it is there.
  sync_canvas_size(app);
  EM_ASM({ if (typeof performance !== 'undefined' && performance.mark) performance.mark('rk:main-end'); });
  emscripten_set_main_loop_arg(frame, &app, 0, true);
  return 0;
}
