// Dear ImGui's draw lists through WebGL 2 (used by main.cpp; see the class comment). A header of
// its own so the entry point stays about the frame loop.
#pragma once

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <imgui.h>

#include <cstddef>
#include <cstdint>

namespace rk::platform {

// Dear ImGui's draw lists through WebGL 2. The same shaders, blending, clipping and texture
// filtering as Dear ImGui's OpenGL3 backend (imgui_impl_opengl3.cpp), without what costs a
// browser time and is of no use to this page, which owns its whole WebGL context:
// - no glGet*/glIsEnabled to save and restore GL state around each frame (~20 per frame): in a
//   browser each is a synchronous round trip to the GPU process, which first finishes everything
//   queued before it (the first frame waited there for the atlas upload and the shaders);
// - no compile or link status read right after compiling (a wait for the compiler): the shaders
//   are compiled before the stored data is loaded, the GPU process compiles them meanwhile, and
//   the status is read once after the first interactive frame, for the log;
// - the projection goes in as a constant vertex attribute (no uniform location to look up, which
//   also waits for the link);
// - the font atlas is uploaded as one byte per pixel (R8, sampled as (1, 1, 1, coverage) exactly
//   like the backend's white RGBA texture) instead of being converted to RGBA in memory first:
//   a quarter of the bytes and no 4-byte-per-pixel copy.
class GlRenderer {
 public:
  void init() {
    static const char* kVertex =
        "#version 300 es\n"
        "precision highp float;\n"
        "layout (location = 0) in vec2 Position;\n"
        "layout (location = 1) in vec2 UV;\n"
        "layout (location = 2) in vec4 Color;\n"
        "layout (location = 3) in mat4 ProjMtx;\n"  // constant attribute: locations 3 to 6
        "out vec2 Frag_UV;\n"
        "out vec4 Frag_Color;\n"
        "void main()\n"
        "{\n"
        "    Frag_UV = UV;\n"
        "    Frag_Color = Color;\n"
        "    gl_Position = ProjMtx * vec4(Position.xy,0,1);\n"
        "}\n";
    static const char* kFragment =
        "#version 300 es\n"
        "precision mediump float;\n"
        "uniform sampler2D Texture;\n"  // unit 0, the default value
        "in vec2 Frag_UV;\n"
        "in vec4 Frag_Color;\n"
        "layout (location = 0) out vec4 Out_Color;\n"
        "void main()\n"
        "{\n"
        "    Out_Color = Frag_Color * vec4(1.0, 1.0, 1.0, texture(Texture, Frag_UV.st).r);\n"
        "}\n";
    vs_ = compile(GL_VERTEX_SHADER, kVertex);
    fs_ = compile(GL_FRAGMENT_SHADER, kFragment);
    program_ = glCreateProgram();
    glAttachShader(program_, vs_);
    glAttachShader(program_, fs_);
    glLinkProgram(program_);
    glGenBuffers(1, &vbo_);
    glGenBuffers(1, &ebo_);
    glGenVertexArrays(1, &vao_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);  // part of the vertex array's state
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), (GLvoid*)offsetof(ImDrawVert, pos));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), (GLvoid*)offsetof(ImDrawVert, uv));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), (GLvoid*)offsetof(ImDrawVert, col));
    glBindVertexArray(0);
    glFlush();  // hand the compile to the GPU process now
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "rekindle_webgl2";
  }

  // (Re)uploads the font atlas after it was built.
  void upload_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    if (!texture_) glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID((ImTextureID)(intptr_t)texture_);
    glFlush();  // the GPU process copies the atlas while this frame is laid out
    ++uploads_;
  }

  // Whether `dd` would draw exactly the picture the canvas already shows (the last frame drawn):
  // then the frame need not be drawn at all. Most frames of an idle page are such repeats, and
  // a drawn WebGL frame is not cheap (the GPU process renders it, the compositor presents it; in
  // a software-rendered browser both on the CPU, competing with everything else on the machine,
  // such as the import worker and the storage process writing an import). The canvas keeps its
  // picture when a frame draws nothing. A fingerprint of everything the draw depends on: the
  // vertices, indices and commands, the framebuffer size, the clear colour and the atlas.
  bool unchanged(ImDrawData* dd, const ImVec4& clear) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](const void* p, size_t n) {
      // 8 bytes at a time (FNV-1a over words): ~1 ms for a busy frame's MB of vertices.
      const unsigned char* b = static_cast<const unsigned char*>(p);
      size_t i = 0;
      for (; i + 8 <= n; i += 8) {
        uint64_t w;
        __builtin_memcpy(&w, b + i, 8);
        h = (h ^ w) * 1099511628211ull;
      }
      for (; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    };
    const float geo[8] = {dd->DisplaySize.x, dd->DisplaySize.y, dd->FramebufferScale.x, dd->FramebufferScale.y,
                          clear.x, clear.y, clear.z, float(uploads_)};
    mix(geo, sizeof geo);
    for (int n = 0; n < dd->CmdListsCount; ++n) {
      const ImDrawList* list = dd->CmdLists[n];
      mix(list->VtxBuffer.Data, size_t(list->VtxBuffer.Size) * sizeof(ImDrawVert));
      mix(list->IdxBuffer.Data, size_t(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
      for (const ImDrawCmd& cmd : list->CmdBuffer) {
        const uint64_t c[6] = {uint64_t(intptr_t(cmd.TextureId)), cmd.VtxOffset, cmd.IdxOffset, cmd.ElemCount,
                               uint64_t(intptr_t(cmd.UserCallback)), uint64_t(list->CmdBuffer.Size)};
        mix(c, sizeof c);
        mix(&cmd.ClipRect, sizeof cmd.ClipRect);
      }
    }
    const bool same = drawn_ && h == last_;
    last_ = h;
    return same;
  }
  // The next frame is drawn whatever it holds (the canvas was cleared or not drawn last).
  void invalidate() { drawn_ = false; }
  void drawn() { drawn_ = true; }

  void render(ImDrawData* dd) {
    const int fb_w = int(dd->DisplaySize.x * dd->FramebufferScale.x);
    const int fb_h = int(dd->DisplaySize.y * dd->FramebufferScale.y);
    if (fb_w <= 0 || fb_h <= 0 || !dd->CmdListsCount) return;
    setup(dd, fb_w, fb_h);
    const ImVec2 off = dd->DisplayPos, scale = dd->FramebufferScale;
    for (int n = 0; n < dd->CmdListsCount; ++n) {
      const ImDrawList* list = dd->CmdLists[n];
      glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list->VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert)),
                   list->VtxBuffer.Data, GL_STREAM_DRAW);
      glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(list->IdxBuffer.Size) * GLsizeiptr(sizeof(ImDrawIdx)),
                   list->IdxBuffer.Data, GL_STREAM_DRAW);
      for (const ImDrawCmd& cmd : list->CmdBuffer) {
        if (cmd.UserCallback) {
          if (cmd.UserCallback == ImDrawCallback_ResetRenderState) setup(dd, fb_w, fb_h);
          else cmd.UserCallback(list, &cmd);
          continue;
        }
        const ImVec2 lo((cmd.ClipRect.x - off.x) * scale.x, (cmd.ClipRect.y - off.y) * scale.y);
        const ImVec2 hi((cmd.ClipRect.z - off.x) * scale.x, (cmd.ClipRect.w - off.y) * scale.y);
        if (hi.x <= lo.x || hi.y <= lo.y) continue;
        glScissor(int(lo.x), int(float(fb_h) - hi.y), int(hi.x - lo.x), int(hi.y - lo.y));
        glBindTexture(GL_TEXTURE_2D, GLuint(intptr_t(cmd.GetTexID())));
        glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                       (void*)(intptr_t)(cmd.IdxOffset * sizeof(ImDrawIdx)));
      }
    }
    // What the next frame's glClear expects (the backend restored the state it found).
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
  }

  // The compile and link logs, if the program did not link (as the backend printed them). The
  // browser has the link status already (it checked it for glUseProgram), so asking costs no wait
  // unless something failed.
  void report_errors() {
    GLint ok = 0;
    glGetProgramiv(program_, GL_LINK_STATUS, &ok);
    if (ok) return;
    log_error("program", program_, true);
    for (GLuint s : {vs_, fs_}) {
      glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
      if (!ok) log_error("shader", s, false);
    }
  }

 private:
  static GLuint compile(GLenum type, const char* src) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    return s;
  }
  static void log_error(const char* what, GLuint id, bool program) {
    char buf[1024] = {};
    if (program) glGetProgramInfoLog(id, sizeof buf - 1, nullptr, buf);
    else glGetShaderInfoLog(id, sizeof buf - 1, nullptr, buf);
    emscripten_log(EM_LOG_CONSOLE | EM_LOG_ERROR, "Rekindle: the WebGL %s failed: %s", what, buf);
  }

  // Alpha blending, no culling, depth or stencil test, scissor on (as the backend sets them).
  void setup(ImDrawData* dd, int fb_w, int fb_h) {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_w, fb_h);
    const float L = dd->DisplayPos.x, R = dd->DisplayPos.x + dd->DisplaySize.x;
    const float T = dd->DisplayPos.y, B = dd->DisplayPos.y + dd->DisplaySize.y;
    const float proj[4][4] = {
        {2.0f / (R - L), 0.0f, 0.0f, 0.0f},
        {0.0f, 2.0f / (T - B), 0.0f, 0.0f},
        {0.0f, 0.0f, -1.0f, 0.0f},
        {(R + L) / (L - R), (T + B) / (B - T), 0.0f, 1.0f},
    };
    glUseProgram(program_);
    for (int c = 0; c < 4; ++c) glVertexAttrib4fv(GLuint(3 + c), proj[c]);  // one column per location
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  }

  GLuint program_ = 0, vs_ = 0, fs_ = 0, vao_ = 0, vbo_ = 0, ebo_ = 0, texture_ = 0;
  uint64_t uploads_ = 0;  // atlas uploads so far (part of the fingerprint)
  uint64_t last_ = 0;     // fingerprint of the last frame laid out
  bool drawn_ = false;    // that frame was drawn
};

}  // namespace rk::platform
