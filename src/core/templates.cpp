#include "core/templates.hpp"

namespace rk {

std::vector<Template> default_templates() {
  return {
      {"Reply", "Hi {first_name}, thanks for your message, and sorry it took me a moment to get back to you. ",
       "reply"},
      {"Thanks for connecting",
       "Hi {first_name}, thanks for connecting! I'd love to learn more about what you're working on at {company}. "
       "Are you open to a short chat sometime?",
       "greet"},
      {"Congratulations",
       "Hi {first_name}, congratulations on your role as {position} at {company}! I'd love to hear how it's going.",
       "moment"},
      {"Catch up",
       "Hi {first_name}, it's been a while! How are things at {company}? Would be great to catch up over a quick "
       "call in the next couple of weeks.",
       "follow_up"},
      {"Gentle nudge",
       "Hi {first_name}, just bringing my last message back to the top of your inbox in case it got buried. "
       "No pressure at all.",
       "nudge"},
  };
}

const std::vector<Template>& effective_templates(const Settings& st) {
  static const std::vector<Template> defaults = default_templates();
  return st.templates.empty() ? defaults : st.templates;
}

const Template* template_for(const Settings& st, Action a) {
  const std::vector<Template>& all = effective_templates(st);
  if (all.empty()) return nullptr;
  const std::string kind = action_name(a);
  for (const Template& t : all)
    if (!kind.empty() && t.kind == kind) return &t;
  for (const Template& t : all)
    if (t.kind.empty()) return &t;
  return &all.front();
}

}  // namespace rk
