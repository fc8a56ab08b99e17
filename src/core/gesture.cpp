#include "core/gesture.hpp"

#include <cmath>

namespace rk {

void Gesture::emit(GestureAction::Kind k, float x, float y, float dx, float dy) {
  GestureAction a;
  a.kind = k;
  a.x = x;
  a.y = y;
  a.dx = dx;
  a.dy = dy;
  out_.push_back(a);
}

void Gesture::track(float x, float y, double t) {
  samples_.push_back({x, y, t});
  // Keep what the velocity needs (and a little more): the last window's worth of samples.
  size_t keep = 0;
  while (keep + 2 < samples_.size() && t - samples_[keep + 1].t > p_.velocity_window_ms) ++keep;
  if (keep) samples_.erase(samples_.begin(), samples_.begin() + long(keep));
}

// The finger's speed over its last ~100 ms, as content velocity (a finger moving up shows what
// is further down): the glide starts at that speed.
void Gesture::measure_velocity(double t) {
  vx_ = vy_ = 0;
  if (samples_.size() < 2) return;
  const Sample& last = samples_.back();
  // A finger that stopped before leaving the glass: no glide.
  if (t - last.t > p_.velocity_window_ms) return;
  const Sample* first = &samples_.front();
  for (const Sample& s : samples_)
    if (last.t - s.t <= p_.velocity_window_ms) { first = &s; break; }
  double dt = last.t - first->t;
  if (dt < 8) return;  // too short to measure
  vx_ = float(-(last.x - first->x) / dt);
  vy_ = float(-(last.y - first->y) / dt);
}

void Gesture::down(int64_t finger, float x, float y, double t, bool drag_target) {
  if (state_ != State::Idle) return;  // a second finger: ignored
  // A finger landing on a gliding list stops it, and that touch is no tap (as on phones).
  const bool stopped_glide = gliding_ && std::hypot(vx_, vy_) > p_.min_fling_px_ms;
  gliding_ = false;
  vx_ = vy_ = 0;
  finger_ = finger;
  drag_target_ = drag_target;
  x0_ = lx_ = x;
  y0_ = ly_ = y;
  t0_ = t;
  samples_.clear();
  track(x, y, t);
  state_ = stopped_glide ? State::Done : State::Pending;
}

void Gesture::move(int64_t finger, float x, float y, double t) {
  if (finger != finger_ || state_ == State::Idle) return;
  track(x, y, t);
  if (state_ == State::Pending) {
    float dx = x - x0_, dy = y - y0_;
    if (std::hypot(dx, dy) < p_.slop_px) return;
    if (drag_target_ && std::fabs(dx) > std::fabs(dy)) {
      // Sideways on a slider or a text field: the widget's own drag, from where it began.
      state_ = State::Dragging;
      emit(GestureAction::Hover, x0_, y0_);
      emit(GestureAction::Press, x0_, y0_);
    } else {
      state_ = State::Scrolling;
      lx_ = x0_;
      ly_ = y0_;
    }
  }
  if (state_ == State::Scrolling) {
    emit(GestureAction::Scroll, x0_, y0_, lx_ - x, ly_ - y);
  } else if (state_ == State::Dragging) {
    emit(GestureAction::Hover, x, y);
  }
  lx_ = x;
  ly_ = y;
}

void Gesture::up(int64_t finger, float x, float y, double t) {
  if (finger != finger_ || state_ == State::Idle) return;
  if (state_ == State::Pending) {
    // A tap: a click where the finger came down (a tiny slip is no reason to miss a button).
    emit(GestureAction::Hover, x0_, y0_);
    emit(GestureAction::Press, x0_, y0_);
    emit(GestureAction::Release, x0_, y0_);
    emit(GestureAction::Leave, x0_, y0_);
  } else if (state_ == State::Dragging) {
    emit(GestureAction::Hover, x, y);
    emit(GestureAction::Release, x, y);
    emit(GestureAction::Leave, x, y);
  } else if (state_ == State::Scrolling) {
    if (x != lx_ || y != ly_) {
      track(x, y, t);
      emit(GestureAction::Scroll, x0_, y0_, lx_ - x, ly_ - y);
    }
    measure_velocity(t);
    gliding_ = std::hypot(vx_, vy_) >= p_.min_fling_px_ms;
    glide_t_ = t;
  }
  state_ = State::Idle;
  finger_ = -1;
}

void Gesture::cancel(int64_t finger) {
  if (finger != finger_) return;
  if (state_ == State::Dragging) {
    emit(GestureAction::Release, lx_, ly_);
    emit(GestureAction::Leave, lx_, ly_);
  }
  state_ = State::Idle;
  finger_ = -1;
  gliding_ = false;
}

std::vector<GestureAction> Gesture::take(double t) {
  if (state_ == State::Pending && t - t0_ >= p_.long_press_ms) {
    emit(GestureAction::Hover, x0_, y0_);
    emit(GestureAction::RightClick, x0_, y0_);
    state_ = State::Done;  // the rest of this touch does nothing
  }
  if (gliding_ && t > glide_t_) {
    // Exact integral of v·e^(−t/τ) over the step, so the distance does not depend on the frame rate.
    double dt = t - glide_t_;
    double k = std::exp(-dt / p_.momentum_tau_ms);
    float dx = float(vx_ * p_.momentum_tau_ms * (1 - k)), dy = float(vy_ * p_.momentum_tau_ms * (1 - k));
    vx_ = float(vx_ * k);
    vy_ = float(vy_ * k);
    glide_t_ = t;
    emit(GestureAction::Scroll, x0_, y0_, dx, dy);
    if (std::hypot(vx_, vy_) < p_.stop_px_ms) gliding_ = false;
  }
  std::vector<GestureAction> out;
  out.swap(out_);
  return out;
}

}  // namespace rk
