// Touch gestures (core/gesture): tap, long press, scroll with a glide, sideways drags on sliders.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/gesture.hpp"

using namespace rk;
using K = GestureAction::Kind;

namespace {

std::vector<K> kinds(const std::vector<GestureAction>& a) {
  std::vector<K> k;
  for (const auto& x : a) k.push_back(x.kind);
  return k;
}

float scrolled_y(const std::vector<GestureAction>& a) {
  float y = 0;
  for (const auto& x : a)
    if (x.kind == K::Scroll) y += x.dy;
  return y;
}

// A finger dragged from (x, y0) to (x, y1) in `ms`, one event every 16 ms; returns the time it left.
double swipe(Gesture& g, float x, float y0, float y1, double t, double ms, std::vector<GestureAction>& out) {
  g.down(1, x, y0, t, false);
  int steps = int(ms / 16);
  for (int i = 1; i <= steps; ++i) {
    g.move(1, x, y0 + (y1 - y0) * float(i) / float(steps), t + i * 16.0);
    for (auto& a : g.take(t + i * 16.0)) out.push_back(a);
  }
  double end = t + steps * 16.0;
  g.up(1, x, y1, end);
  for (auto& a : g.take(end)) out.push_back(a);
  return end;
}

}  // namespace

TEST_CASE("a tap is a click where the finger came down, and leaves no hover behind", "[gesture]") {
  Gesture g;
  g.down(7, 100, 200, 0, false);
  g.move(7, 103, 202, 40);  // within the slop
  CHECK(g.take(50).empty());
  g.up(7, 104, 203, 90);
  auto a = g.take(100);
  REQUIRE(kinds(a) == std::vector<K>{K::Hover, K::Press, K::Release, K::Leave});
  CHECK(a[1].x == 100);
  CHECK(a[1].y == 200);
  CHECK_FALSE(g.busy());
}

TEST_CASE("a long press is a right-click, and nothing else happens for that touch", "[gesture]") {
  Gesture g;
  g.down(1, 50, 60, 1000, false);
  CHECK(g.take(1400).empty());
  CHECK(g.busy());
  auto a = g.take(1510);
  REQUIRE(kinds(a) == std::vector<K>{K::Hover, K::RightClick});
  CHECK(a[1].x == 50);
  g.move(1, 50, 160, 1600);
  g.up(1, 50, 160, 1700);
  CHECK(g.take(1700).empty());
}

TEST_CASE("a vertical drag scrolls by the finger's distance and never presses", "[gesture]") {
  Gesture g;
  std::vector<GestureAction> out;
  g.down(1, 200, 600, 0, false);
  for (int i = 1; i <= 30; ++i) g.move(1, 200, 600 - float(i) * 10, i * 16.0);
  auto a = g.take(30 * 16.0);
  for (const auto& x : a) {
    CHECK(x.kind == K::Scroll);
    CHECK(x.x == 200);  // always the window under where it began
    CHECK(x.y == 600);
  }
  CHECK(scrolled_y(a) == Approx(300));  // finger up by 300 px: content moves up by 300 px
  // Held still before lifting: no glide.
  g.up(1, 200, 300, 30 * 16.0 + 200);
  CHECK(scrolled_y(g.take(30 * 16.0 + 300)) == Approx(0));
  CHECK_FALSE(g.busy());
}

TEST_CASE("a fling keeps gliding a little, slowing down, the same distance at any frame rate", "[gesture]") {
  auto glide = [](double frame_ms) {
    Gesture g;
    std::vector<GestureAction> out;
    double end = swipe(g, 100, 700, 400, 0, 160, out);  // 300 px in 160 ms: ~1.9 px/ms
    CHECK(scrolled_y(out) == Approx(300));
    CHECK(g.velocity_y() == Approx(300.0 / 160.0).epsilon(0.15));
    float after = 0, first_step = -1, last_step = 0;
    double t = end;
    int frames = 0;
    while (g.busy() && frames < 2000) {
      t += frame_ms;
      float d = scrolled_y(g.take(t));
      if (first_step < 0) first_step = d;
      last_step = d;
      after += d;
      ++frames;
    }
    CHECK_FALSE(g.busy());
    CHECK(last_step < first_step);  // it slows down
    return after;
  };
  float at60 = glide(16.7), at30 = glide(33.3);
  // v·τ ≈ 1.9 × 325 ≈ 600 px, minus the tail cut off when it gets slow.
  CHECK(at60 > 400);
  CHECK(at60 < 700);
  CHECK(at30 == Approx(at60).epsilon(0.03));
}

TEST_CASE("a finger on a gliding list stops it, and that touch is not a tap", "[gesture]") {
  Gesture g;
  std::vector<GestureAction> out;
  double end = swipe(g, 100, 700, 400, 0, 160, out);
  g.take(end + 16);
  REQUIRE(g.scrolling());
  g.down(2, 100, 300, end + 40, false);
  CHECK_FALSE(g.scrolling());
  g.up(2, 100, 300, end + 90);
  auto a = g.take(end + 100);
  CHECK(kinds(a).empty());
  // The next tap is a tap again.
  g.down(3, 100, 300, end + 500, false);
  g.up(3, 100, 300, end + 560);
  CHECK(kinds(g.take(end + 570)) == std::vector<K>{K::Hover, K::Press, K::Release, K::Leave});
}

TEST_CASE("sideways on a slider or a text field is the widget's own drag; up and down still scrolls", "[gesture]") {
  Gesture g;
  g.down(1, 100, 100, 0, true);
  g.move(1, 130, 102, 30);
  g.move(1, 160, 104, 60);
  g.up(1, 160, 104, 90);
  auto a = g.take(100);
  REQUIRE(kinds(a) == std::vector<K>{K::Hover, K::Press, K::Hover, K::Hover, K::Hover, K::Release, K::Leave});
  CHECK(a[1].x == 100);  // pressed where it began
  CHECK(a[4].x == 160);

  g.down(1, 100, 100, 1000, true);
  g.move(1, 102, 150, 1030);
  g.up(1, 102, 150, 1200);
  auto b = g.take(1300);
  CHECK(kinds(b) == std::vector<K>{K::Scroll});
  CHECK(scrolled_y(b) == Approx(-50));
}

TEST_CASE("a second finger is ignored; a cancelled drag lets go", "[gesture]") {
  Gesture g;
  g.down(1, 10, 10, 0, false);
  g.down(2, 300, 300, 10, false);
  g.up(2, 300, 300, 20);
  CHECK(g.take(30).empty());
  g.up(1, 10, 10, 40);
  CHECK(kinds(g.take(50)).size() == 4);

  g.down(1, 10, 10, 100, true);
  g.move(1, 60, 12, 130);
  g.cancel(1);
  auto a = g.take(140);
  REQUIRE(a.size() >= 2);
  CHECK(a[a.size() - 2].kind == K::Release);
  CHECK_FALSE(g.busy());
}
