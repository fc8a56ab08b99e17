// The small pieces the scoring's sentences are built from.
#include <cstdio>

#include "core/scoring_detail.hpp"

namespace rk::scoring {

std::string who(const Contact& c) {
  if (!c.first_name.empty()) return c.first_name;
  std::string n = c.name();
  return n.empty() ? std::string("This contact") : n;
}

std::string who_lower(const Contact& c) {
  std::string n = who(c);
  return n == "This contact" ? std::string("this contact") : n;
}

std::string whole(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}

std::string job_change_sentence(const Contact& c, const JobChange& j) {
  const std::string n = who(c);
  std::string s;
  const bool moved = !j.new_company.empty() && j.new_company != j.old_company;
  if (moved && !j.old_company.empty()) {
    s = n + " moved from " + j.old_company + " to " + j.new_company;
    if (!j.new_position.empty()) s += " as " + j.new_position;
  } else if (moved) {
    s = n + " joined " + j.new_company;
    if (!j.new_position.empty()) s += " as " + j.new_position;
  } else if (!j.new_position.empty() && j.new_position != j.old_position) {
    s = n + " became " + j.new_position;
    if (!j.new_company.empty()) s += " at " + j.new_company;
  } else if (j.new_company.empty() && !j.old_company.empty()) {
    return n + " left " + j.old_company + " — a natural moment to check in";
  } else {
    s = n + " has a new role";
  }
  return s + " — a natural moment to congratulate them";
}

}  // namespace rk::scoring
