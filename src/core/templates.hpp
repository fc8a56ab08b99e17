// Message templates: the defaults, one per kind of action, and which one a card copies.
#pragma once

#include <vector>

#include "model.hpp"
#include "scoring.hpp"

namespace rk {

// Good defaults for every kind of action (a reply, greeting a new connection, a moment,
// reconnecting, a nudge), used until the user edits them in Settings.
std::vector<Template> default_templates();
// The user's templates, or the defaults when there are none.
const std::vector<Template>& effective_templates(const Settings& st);
// The template a card for this kind of action copies: the first written for that kind, else the
// first written for any kind, else the first. Null only when there are none at all.
const Template* template_for(const Settings& st, Action a);

}  // namespace rk
