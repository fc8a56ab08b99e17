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
// The day a contact's follow-up goes in the calendar, never before `today`: kNoDay if archived;
// while snoozed, the snooze's end (or the user's own follow-up date if that is later); today if
// in the queue (it is to do now) or due/overdue; else Evaluation::next_follow_up.
Day calendar_day(const Store& s, const Contact& c, const Evaluation& e, Day today);
// The rows (store.contacts indices) to put in the calendar: `queue` in its order, then every
// contact with a follow-up date the user set after today or an active snooze, by calendar day
// then contact id. Archived contacts, duplicates and out-of-range rows are left out.
std::vector<uint32_t> calendar_rows(const Store& s, const std::vector<Evaluation>& evals,
                                    const std::vector<uint32_t>& queue, Day today);
// An iCalendar file (RFC 5545) with one all-day event per contact of `rows` on its calendar_day
// (archived and repeated rows skipped), a 9:00 reminder each, and a UID per (owner, contact) so
// importing a later export moves the event instead of duplicating it. Deterministic given its
// arguments: DTSTAMP is `today` at 00:00:00Z.
std::string followups_ics(const Store& s, const std::vector<Evaluation>& evals,
                          const std::vector<uint32_t>& rows, Day today);
// Fills {first_name} {last_name} {name} {company} {position}; unknown placeholders kept as is.
std::string fill_template(std::string_view tmpl, const Contact& c);

// Only https LinkedIn URLs are ever opened.
bool is_safe_profile_url(std::string_view url);
// An e-mail address plain enough to put after "mailto:" as it is: letters, digits and . _ + -
// before one @, a dotted domain after it; nothing that could add headers, a body or more
// recipients (? & % , ; : / spaces, control characters). "mailto:..." or "" when not.
std::string mailto_url(std::string_view email);

}  // namespace rk
