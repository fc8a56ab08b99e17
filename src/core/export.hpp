// Files the user takes away: CSV and vCard of contacts, .ics of follow-ups; message templates.
#pragma once

#include <string>
#include <vector>

#include "model.hpp"
#include "scoring.hpp"

namespace rk {

// A CSV cell safe against formula injection: cells starting with = + - @ (or tab/CR) get a
// leading apostrophe; quoted when needed.
std::string csv_cell(std::string_view v);
std::string contacts_csv(const Store& s, const std::vector<Evaluation>& evals,
                         const std::vector<uint32_t>& rows);
std::string contacts_vcard(const Store& s, const std::vector<uint32_t>& rows);
// One all-day event per contact due on or before `horizon` (with reasons and profile link).
std::string followups_ics(const Store& s, const std::vector<Evaluation>& evals,
                          const std::vector<uint32_t>& rows, Day today);
// Fills {first_name} {last_name} {name} {company} {position}; unknown placeholders kept as is.
std::string fill_template(std::string_view tmpl, const Contact& c);

// Only https LinkedIn URLs are ever opened.
bool is_safe_profile_url(std::string_view url);

}  // namespace rk
