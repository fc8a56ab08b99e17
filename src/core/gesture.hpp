// What a finger on a touch screen means, in plain C++ (no ImGui, no browser): a tap is a click,
// a long press a right-click, a drag scrolls what is under the finger (and keeps gliding a little
// after the finger leaves, slowing down), and a sideways drag that starts on a widget that wants
// it (a slider, a text field) is a mouse drag. Fed with finger events in CSS pixels and
// milliseconds; src/ui/touch.cpp turns its actions into Dear ImGui input.
#pragma once

#include <cstdint>
#include <vector>

namespace rk {

struct GestureAction {
  enum Kind : uint8_t {
    Hover,       // the pointer moves to x, y (no button): the next actions happen there
    Press,       // left button down at x, y
    Release,     // left button up at x, y
    RightClick,  // right button down and up at x, y (a long press)
    Scroll,      // scroll what is under (x, y) = the drag's start by dx, dy content pixels
    Leave,       // the pointer leaves (no hover left behind on a touch screen)
  };
  Kind kind = Hover;
  float x = 0, y = 0;    // CSS pixels
  float dx = 0, dy = 0;  // Scroll: how far the content moves up/left (positive: see further down)
};

struct GesturePolicy {
  float slop_px = 8;              // a finger moving less than this is still a tap
  double long_press_ms = 500;     // held still this long: a right-click
  double momentum_tau_ms = 325;   // the glide's velocity falls to 1/e in this time
  float min_fling_px_ms = 0.12f;  // slower than this when the finger leaves: no glide
  float stop_px_ms = 0.02f;       // the glide stops below this speed
  double velocity_window_ms = 100;  // the finger's speed is measured over its last this long
};

class Gesture {
 public:
  explicit Gesture(GesturePolicy p = {}) : p_(p) {}

  // `drag_target`: the finger came down on a widget that takes sideways drags itself.
  void down(int64_t finger, float x, float y, double t_ms, bool drag_target);
  void move(int64_t finger, float x, float y, double t_ms);
  void up(int64_t finger, float x, float y, double t_ms);
  void cancel(int64_t finger);

  // The actions due up to t_ms (long press, the glide), then everything queued since the last call.
  std::vector<GestureAction> take(double t_ms);

  bool busy() const { return state_ != State::Idle || gliding_; }  // wants frames (a long press to time, a glide)
  bool scrolling() const { return state_ == State::Scrolling || gliding_; }
  float velocity_y() const { return vy_; }  // px/ms of the glide (tests)

 private:
  enum class State : uint8_t { Idle, Pending, Scrolling, Dragging, Done };
  struct Sample { float x, y; double t; };
  void emit(GestureAction::Kind k, float x, float y, float dx = 0, float dy = 0);
  void track(float x, float y, double t);
  void measure_velocity(double t);

  GesturePolicy p_;
  State state_ = State::Idle;
  int64_t finger_ = -1;
  bool drag_target_ = false;
  float x0_ = 0, y0_ = 0;  // where the finger came down
  float lx_ = 0, ly_ = 0;  // where it was last
  double t0_ = 0;
  std::vector<Sample> samples_;
  bool gliding_ = false;
  float vx_ = 0, vy_ = 0;  // glide velocity, content px per ms
  double glide_t_ = 0;     // time of the last glide step
  std::vector<GestureAction> out_;
};

}  // namespace rk
