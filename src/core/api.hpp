// JSON shapes of the scripting API (window.rekindle), shared by the browser glue and tests.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "import.hpp"
#include "model.hpp"
#include "query.hpp"
#include "scoring.hpp"

namespace rk {

// One object of rekindle.contacts(): id, first_name, last_name, name, company, position, url,
// email, connected_on, connected, score, priority, status, reasons, last_interaction,
// messages_sent, messages_received, invitation, tags, note, cadence_days, next_follow_up,
// snoozed_until, archived, accepted_and_dark, action, queue_place, today, tier, cadence_max_days.
// Dates "YYYY-MM-DD" or null. `place`: 1-based place in the follow-up queue (0: not in it);
// `today`: among Today's actions.
nlohmann::json contact_json(const Store& s, const Contact& c, const Evaluation& e, uint32_t place = 0,
                            bool today = false);

// Parses {query, status, tag, sort, limit, ...} into a Query. False + error on bad values.
bool query_from_json(const nlohmann::json& j, Query& q, std::string& error);

// rekindle.update(id, patch): note, tags, cadence_days, tier, next_follow_up, snoozed_until, archived.
// Validates everything before changing anything.
bool apply_patch(Store& s, ContactId id, const nlohmann::json& patch, std::string& error);

// rekindle.markContacted(id, date): logs an interaction on `day`.
bool mark_contacted(Store& s, ContactId id, Day day, std::string& error);

nlohmann::json report_json(const ImportReport& r);
// The inverse, for a report made elsewhere (the import worker): false if `j` is not one.
bool report_from_json(const nlohmann::json& j, ImportReport& r);
nlohmann::json summary_json(const Store& s, const std::vector<Evaluation>& evals);

}  // namespace rk
