// JSON shapes of the scripting API (window.rekindle).
#include "core/api.hpp"

#include <cmath>
#include <set>
#include <unordered_set>

#include "core/dates.hpp"
#include "core/text.hpp"

namespace rk {

using nlohmann::json;

namespace {

json date_json(Day d) {
  if (d == kNoDay) return nullptr;
  std::string s = format_iso(d);
  if (s.empty()) return nullptr;
  return s;
}

double round_to(double v, double scale) {
  if (!std::isfinite(v)) return 0;
  return std::round(v * scale) / scale;
}

const Invitation* latest_invitation(const Contact& c) {
  const Invitation* best = nullptr;
  for (const Invitation& inv : c.invitations)
    if (!best || (inv.time != kNoTime && inv.time >= best->time)) best = &inv;
  return best;
}

// The people rk::summarize() counts as "contacts" (keep in step with import.cpp): connections,
// plus identifiable people (a profile URL) who wrote in a non-spam thread or invited the owner.
bool get_int(const json& v, long long& out) {
  if (v.is_number_integer()) {
    out = v.get<long long>();
    return true;
  }
  if (v.is_number_unsigned()) {
    auto u = v.get<unsigned long long>();
    if (u > (1ull << 62)) return false;
    out = (long long)u;
    return true;
  }
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 1e15) return false;
    out = (long long)d;
    return true;
  }
  return false;
}

bool get_date(const json& v, const char* key, Day& out, std::string& error) {
  if (v.is_null()) {
    out = kNoDay;
    return true;
  }
  Day d = kNoDay;
  if (!v.is_string() || !parse_iso(v.get<std::string>(), d)) {
    error = std::string(key) + " must be a date \"YYYY-MM-DD\" or null";
    return false;
  }
  out = d;
  return true;
}

}  // namespace

json contact_json(const Store& s, const Contact& c, const Evaluation& e, uint32_t place, bool today) {
  const UserData* u = s.user_if(c.id);
  json j;
  j["id"] = c.id;
  j["first_name"] = c.first_name;
  j["last_name"] = c.last_name;
  j["name"] = c.name();
  j["company"] = c.company;
  j["position"] = c.position;
  j["url"] = c.url;
  j["email"] = c.email;
  j["connected_on"] = date_json(c.connected_on);
  j["connected"] = c.connected;
  j["disconnected_on"] = date_json(c.disconnected_on);
  j["score"] = round_to(e.strength, 10);
  j["priority"] = round_to(e.priority, 100);
  j["status"] = status_name(e.status);
  j["action"] = e.in_queue && e.action != Action::None ? json(action_name(e.action)) : json(nullptr);
  j["queue_place"] = place ? json(place) : json(nullptr);
  j["today"] = today;
  j["reasons"] = e.reasons;
  j["last_interaction"] = date_json(e.last_interaction);
  j["last_from_them"] = date_json(day_of(e.signals.last_in));  // their last real one-to-one message
  j["messages_sent"] = e.signals.sent;
  j["messages_received"] = e.signals.received;
  if (const Invitation* inv = latest_invitation(c))
    j["invitation"] = inv->direction == Direction::Incoming ? "incoming" : "outgoing";
  else
    j["invitation"] = nullptr;
  j["tags"] = u ? u->tags : std::vector<std::string>{};
  j["note"] = u ? u->note : std::string();
  j["cadence_days"] = e.cadence_days;
  j["cadence_max_days"] = e.cadence_max_days;
  const int tier = u ? u->tier : 0;
  j["tier"] = tier > 0 && size_t(tier) <= s.settings.tiers.size() ? json(s.settings.tiers[size_t(tier - 1)].name) : json(nullptr);
  j["next_follow_up"] = date_json(e.next_follow_up);
  j["snoozed_until"] = date_json(u ? u->snoozed_until : kNoDay);
  j["archived"] = u ? u->archived : false;
  j["accepted_and_dark"] = e.accepted_and_dark;
  return j;
}

bool query_from_json(const json& j, Query& q, std::string& error) {
  Query out;
  if (j.is_null()) {
    q = out;
    return true;
  }
  if (!j.is_object()) {
    error = "the query must be an object";
    return false;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    const json& v = it.value();
    if (k == "query" || k == "text") {
      if (v.is_null()) continue;
      if (!v.is_string()) return error = k + " must be a string", false;
      out.text = v.get<std::string>();
    } else if (k == "status") {
      if (v.is_null()) continue;
      Status st;
      if (!v.is_string() || !parse_status(v.get<std::string>(), st))
        return error = "status must be one of awaiting_reply, unanswered, silent, fading, active", false;
      out.status = st;
    } else if (k == "action") {
      if (v.is_null()) continue;
      Action a;
      if (!v.is_string() || !parse_action(v.get<std::string>(), a))
        return error = "action must be one of reply, greet, moment, follow_up, nudge", false;
      out.action = a;
    } else if (k == "tag") {
      if (v.is_null()) continue;
      if (!v.is_string()) return error = "tag must be a string", false;
      out.tag = v.get<std::string>();
    } else if (k == "company") {
      if (v.is_null()) continue;
      if (!v.is_string()) return error = "company must be a string", false;
      out.company = v.get<std::string>();
    } else if (k == "position") {
      if (v.is_null()) continue;
      if (!v.is_string()) return error = "position must be a string", false;
      out.position = v.get<std::string>();
    } else if (k == "connected_from" || k == "connected_to" || k == "messaged_from" || k == "messaged_to") {
      if (v.is_null()) continue;
      Day d;
      if (!v.is_string() || !parse_iso(v.get<std::string>(), d)) return error = k + " must be a date YYYY-MM-DD", false;
      (k == "connected_from" ? out.connected_from : k == "connected_to" ? out.connected_to
       : k == "messaged_from" ? out.messaged_from : out.messaged_to) = d;
    } else if (k == "sort") {
      if (v.is_null()) continue;
      SortKey sk;
      if (!v.is_string() || !parse_sort(v.get<std::string>(), sk))
        return error = "sort must be one of priority, score, name, connected_on, last_interaction, "
                       "company, position, status", false;
      out.sort = sk;
    } else if (k == "limit") {
      if (v.is_null()) continue;
      long long n;
      if (!get_int(v, n) || n < 0) return error = "limit must be a non-negative integer", false;
      out.limit = size_t(n);
    } else if (k == "year") {
      if (v.is_null()) continue;
      long long n;
      if (!get_int(v, n) || n < 0 || n > 9999) return error = "year must be an integer such as 2021", false;
      out.year_connected = int(n);
    } else if (k == "connected") {
      if (v.is_null()) out.connected = -1;
      else if (v.is_boolean()) out.connected = v.get<bool>() ? 1 : 0;
      else return error = "connected must be true, false or null", false;
    } else if (k == "descending") {
      if (v.is_null()) continue;
      if (!v.is_boolean()) return error = "descending must be true or false", false;
      out.descending = v.get<bool>();
    } else if (k == "include_archived") {
      if (v.is_null()) continue;
      if (!v.is_boolean()) return error = "include_archived must be true or false", false;
      out.include_archived = v.get<bool>();
    } else {
      error = "unknown query field \"" + k +
              "\" (expected query, status, action, tag, sort, limit, company, position, year, connected_from, "
              "connected_to, messaged_from, messaged_to, connected, descending, include_archived)";
      return false;
    }
  }
  q = std::move(out);
  return true;
}

bool apply_patch(Store& s, ContactId id, const json& patch, std::string& error) {
  if (!s.find(id)) {
    error = "no contact with id " + std::to_string(id);
    return false;
  }
  if (!patch.is_object()) {
    error = "the patch must be an object";
    return false;
  }
  // Validate everything into a copy; the store is touched only when all keys are valid.
  UserData next;
  if (const UserData* cur = s.user_if(id)) next = *cur;
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    const std::string& k = it.key();
    const json& v = it.value();
    if (k == "note") {
      if (!v.is_string()) return error = "note must be a string", false;
      next.note = v.get<std::string>();
    } else if (k == "tags") {
      if (!v.is_array()) return error = "tags must be an array of strings", false;
      std::vector<std::string> tags;
      std::set<std::string> seen;
      for (const json& t : v) {
        if (!t.is_string()) return error = "tags must be an array of strings", false;
        std::string tag(trim(t.get_ref<const std::string&>()));
        if (tag.empty()) continue;
        if (!seen.insert(fold(tag)).second) continue;
        tags.push_back(std::move(tag));
      }
      next.tags = std::move(tags);
    } else if (k == "cadence_days") {
      if (v.is_null()) {
        next.cadence_days = 0;
        continue;
      }
      long long n;
      if (!get_int(v, n) || n < 1 || n > 3650)
        return error = "cadence_days must be an integer from 1 to 3650, or null", false;
      next.cadence_days = int(n);
    } else if (k == "tier") {
      if (v.is_null()) {
        next.tier = 0;
        continue;
      }
      if (!v.is_string()) return error = "tier must be the name of a tier in Settings, or null", false;
      int found = 0;
      for (size_t t = 0; t < s.settings.tiers.size() && !found; ++t)
        if (fold(s.settings.tiers[t].name) == fold(v.get<std::string>())) found = int(t + 1);
      if (!found) {
        std::string names;
        for (const Tier& t : s.settings.tiers) names += (names.empty() ? "" : ", ") + t.name;
        return error = "tier must be one of " + names + ", or null", false;
      }
      next.tier = found;
    } else if (k == "next_follow_up") {
      if (!get_date(v, "next_follow_up", next.next_follow_up, error)) return false;
    } else if (k == "snoozed_until") {
      if (!get_date(v, "snoozed_until", next.snoozed_until, error)) return false;
    } else if (k == "archived") {
      if (!v.is_boolean()) return error = "archived must be true or false", false;
      next.archived = v.get<bool>();
    } else {
      error = "unknown field \"" + k +
              "\" (expected note, tags, cadence_days, tier, next_follow_up, snoozed_until, archived)";
      return false;
    }
  }
  if (next.empty()) s.user.erase(id);
  else s.user[id] = std::move(next);
  return true;
}

bool mark_contacted(Store& s, ContactId id, Day day, std::string& error) {
  if (!s.find(id)) {
    error = "no contact with id " + std::to_string(id);
    return false;
  }
  if (day == kNoDay) {
    error = "a valid date is needed";
    return false;
  }
  UserData& u = s.user_of(id);
  u.interactions.push_back(Interaction{day, "contacted", ""});
  // A planned follow-up on or before that day is done: the next one derives from the cadence.
  if (u.next_follow_up != kNoDay && u.next_follow_up <= day) u.next_follow_up = kNoDay;
  return true;
}

json report_json(const ImportReport& r) {
  json files = json::array();
  for (const FileReport& f : r.files) {
    files.push_back({{"name", f.name},
                     {"kind", kind_name(f.kind)},
                     {"rows", f.rows},
                     {"skipped", f.skipped},
                     {"errors", f.errors},
                     {"details", f.details}});
  }
  json j;
  j["files"] = std::move(files);
  j["contacts_added"] = r.contacts_added;
  j["contacts_updated"] = r.contacts_updated;
  j["cancelled"] = r.cancelled;
  j["committed"] = r.committed;
  j["error"] = r.error.empty() ? json(nullptr) : json(r.error);
  return j;
}

bool report_from_json(const json& j, ImportReport& r) {
  if (!j.is_object() || !j.contains("files") || !j["files"].is_array()) return false;
  auto strings = [](const json& a) {
    std::vector<std::string> out;
    if (a.is_array())
      for (const json& s : a)
        if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
  };
  ImportReport out;
  try {
    for (const json& f : j["files"]) {
      if (!f.is_object()) return false;
      FileReport fr;
      fr.name = f.value("name", std::string());
      const std::string kind = f.value("kind", std::string("unknown"));
      for (int k = int(FileKind::Unknown); k <= int(FileKind::Profile); ++k)
        if (kind == kind_name(FileKind(k))) fr.kind = FileKind(k);
      fr.rows = f.value("rows", size_t(0));
      fr.skipped = f.value("skipped", size_t(0));
      fr.errors = strings(f.value("errors", json::array()));
      fr.details = strings(f.value("details", json::array()));
      out.files.push_back(std::move(fr));
    }
    out.contacts_added = j.value("contacts_added", 0);
    out.contacts_updated = j.value("contacts_updated", 0);
    out.cancelled = j.value("cancelled", false);
    out.committed = j.value("committed", false);
    if (j.contains("error") && j["error"].is_string()) out.error = j["error"].get<std::string>();
  } catch (const json::exception&) {
    return false;  // a field of the wrong type
  }
  r = std::move(out);
  return true;
}

json summary_json(const Store& s, const std::vector<Evaluation>& evals) {
  const Summary sm = summarize(s);
  size_t counts[kStatusCount] = {};
  const std::vector<bool> counted = counted_contacts(s);
  for (size_t i = 0; i < s.contacts.size() && i < evals.size(); ++i) {
    if (!counted[i]) continue;
    const int st = int(evals[i].status);
    if (st >= 0 && st < kStatusCount) ++counts[st];
  }
  json statuses = json::object();
  for (int i = 0; i < kStatusCount; ++i) statuses[status_name(Status(i))] = counts[i];
  return {{"contacts", sm.contacts},
          {"connections", sm.connections},
          {"messages", sm.messages},
          {"conversations", sm.conversations},
          {"invitations", sm.invitations},
          {"endorsements", sm.endorsements},
          {"recommendations", sm.recommendations},
          {"statuses", statuses}};
}

}  // namespace rk
