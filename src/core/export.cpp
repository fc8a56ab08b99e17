// Files the user takes away: CSV and vCard of contacts, .ics of follow-ups; message templates.
#include "core/export.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/dates.hpp"
#include "core/text.hpp"

namespace rk {

namespace {

const UserData* user_of(const Store& s, const Contact& c) { return s.user_if(c.id); }

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

std::string compact_date(Day d) {  // YYYYMMDD
  int y, m, dd;
  civil_from_days(d, y, m, dd);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, dd);
  return buf;
}

// Appends `line` to `out` folded at 75 octets (RFC 5545 3.1 / RFC 2425 5.8.1), never inside a
// UTF-8 sequence, then CRLF.
void put_folded(std::string& out, std::string_view line) {
  size_t limit = 75;  // first line: 75 octets; continuation lines: a space + 74 octets
  size_t i = 0;
  bool first = true;
  while (line.size() - i > limit) {
    size_t cut = i + limit;
    while (cut > i && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == i) cut = i + limit;  // not UTF-8: cut anyway
    if (!first) out += ' ';
    out.append(line.substr(i, cut - i));
    out += "\r\n";
    i = cut;
    first = false;
    limit = 74;
  }
  if (!first) out += ' ';
  out.append(line.substr(i));
  out += "\r\n";
}

// TEXT value escaping shared by vCard 3.0 and iCalendar: \ ; , and newlines. CRs dropped,
// other control characters replaced by a space.
std::string escape_text(std::string_view v) {
  std::string out;
  out.reserve(v.size() + 8);
  for (size_t i = 0; i < v.size(); ++i) {
    const char ch = v[i];
    switch (ch) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r':
        if (i + 1 < v.size() && v[i + 1] == '\n') break;
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F) out += ' ';
        else out += ch;
    }
  }
  return out;
}

std::string strength_text(double v) {
  if (!std::isfinite(v)) v = 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

std::string csv_cell(std::string_view v) {
  std::string cell;
  cell.reserve(v.size() + 3);
  if (!v.empty()) {
    const char c0 = v[0];
    if (c0 == '=' || c0 == '+' || c0 == '-' || c0 == '@' || c0 == '\t' || c0 == '\r') cell += '\'';
  }
  cell.append(v);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string q = "\"";
  for (char ch : cell) {
    if (ch == '"') q += '"';
    q += ch;
  }
  q += '"';
  return q;
}

std::string contacts_csv(const Store& s, const std::vector<Evaluation>& evals,
                         const std::vector<uint32_t>& rows) {
  // UTF-8 BOM so spreadsheet apps read names with accents correctly.
  std::string out = "\xEF\xBB\xBF";
  out += "Name,First name,Last name,Company,Position,Email,Profile URL,Connected on,Status,Strength,"
         "Last interaction,Next follow-up,Tags,Note\r\n";
  static const Evaluation kDefault{};
  for (uint32_t r : rows) {
    if (r >= s.contacts.size()) continue;
    const Contact& c = s.contacts[r];
    const Evaluation& e = r < evals.size() ? evals[r] : kDefault;
    const UserData* u = user_of(s, c);
    const std::string fields[] = {
        c.name(), c.first_name, c.last_name, c.company, c.position, c.email, c.url,
        format_iso(c.connected_on), status_name(e.status), strength_text(e.strength),
        format_iso(e.last_interaction), format_iso(e.next_follow_up),
        u ? join(u->tags, "; ") : std::string(), u ? u->note : std::string()};
    bool first = true;
    for (const std::string& f : fields) {
      if (!first) out += ',';
      out += csv_cell(f);
      first = false;
    }
    out += "\r\n";
  }
  return out;
}

std::string contacts_vcard(const Store& s, const std::vector<uint32_t>& rows) {
  std::string out;
  for (uint32_t r : rows) {
    if (r >= s.contacts.size()) continue;
    const Contact& c = s.contacts[r];
    const UserData* u = user_of(s, c);
    out += "BEGIN:VCARD\r\nVERSION:3.0\r\n";
    put_folded(out, "N:" + escape_text(c.last_name) + ";" + escape_text(c.first_name) + ";;;");
    std::string fn = c.name();
    if (fn.empty()) fn = c.email.empty() ? "Unknown" : c.email;
    put_folded(out, "FN:" + escape_text(fn));
    if (!c.company.empty()) put_folded(out, "ORG:" + escape_text(c.company));
    if (!c.position.empty()) put_folded(out, "TITLE:" + escape_text(c.position));
    if (!c.email.empty()) put_folded(out, "EMAIL;TYPE=INTERNET:" + escape_text(c.email));
    if (is_safe_profile_url(c.url)) put_folded(out, "URL:" + c.url);
    if (u && !u->tags.empty()) {
      std::string cats = "CATEGORIES:";
      for (size_t i = 0; i < u->tags.size(); ++i) cats += (i ? "," : "") + escape_text(u->tags[i]);
      put_folded(out, cats);
    }
    if (u && !u->note.empty()) put_folded(out, "NOTE:" + escape_text(u->note));
    out += "END:VCARD\r\n";
  }
  return out;
}

Day calendar_day(const Store& s, const Contact& c, const Evaluation& e, Day today) {
  const UserData* u = user_of(s, c);
  if (u && u->archived) return kNoDay;
  if (u && u->snoozed_until != kNoDay && u->snoozed_until > today) {
    // The queue takes the contact back at the snooze's end, unless the user planned a later day.
    return u->next_follow_up != kNoDay && u->next_follow_up > u->snoozed_until ? u->next_follow_up
                                                                                : u->snoozed_until;
  }
  // In the queue means "do it now", even when the derived date is later (awaiting a reply, a
  // moment such as a job change).
  if (e.in_queue || e.next_follow_up == kNoDay || e.next_follow_up < today) return today;
  return e.next_follow_up;
}

std::vector<uint32_t> calendar_rows(const Store& s, const std::vector<Evaluation>& evals,
                                    const std::vector<uint32_t>& queue, Day today) {
  static const Evaluation kDefault{};
  std::vector<char> taken(s.contacts.size(), 0);
  std::vector<uint32_t> rows;
  auto archived = [&](uint32_t r) {
    const UserData* u = user_of(s, s.contacts[r]);
    return u && u->archived;
  };
  for (uint32_t r : queue) {
    if (r >= s.contacts.size() || taken[r] || archived(r)) continue;
    taken[r] = 1;
    rows.push_back(r);
  }
  // Planned and snoozed contacts are out of the queue until their day: only the user data (a
  // few entries, not every contact) can name them.
  struct Later {
    Day day;
    ContactId id;
    uint32_t row;
  };
  std::vector<Later> later;
  for (const auto& [id, u] : s.user) {
    if (u.archived) continue;
    const bool planned = u.next_follow_up != kNoDay && u.next_follow_up > today;
    const bool snoozed = u.snoozed_until != kNoDay && u.snoozed_until > today;
    if (!planned && !snoozed) continue;
    auto it = s.index.find(id);
    if (it == s.index.end() || it->second >= s.contacts.size() || taken[it->second]) continue;
    const uint32_t r = it->second;
    const Evaluation& e = r < evals.size() ? evals[r] : kDefault;
    later.push_back({calendar_day(s, s.contacts[r], e, today), id, r});
  }
  std::sort(later.begin(), later.end(),
            [](const Later& x, const Later& y) { return x.day != y.day ? x.day < y.day : x.id < y.id; });
  for (const Later& l : later) rows.push_back(l.row);
  return rows;
}

namespace {

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// Whose calendar: the owner's profile key, else their name. Keeps two people exporting on one
// browser profile (or one person's two accounts) from overwriting each other's events.
std::string owner_tag(const Owner& o) {
  const std::string key = !o.url_key.empty() ? o.url_key : o.name();
  uint64_t h = 1469598103934665603ull;  // FNV-1a: stable across builds and platforms
  for (unsigned char ch : key) {
    h ^= ch;
    h *= 1099511628211ull;
  }
  return hex64(h);
}

// A re-import updates an event only if its SEQUENCE is higher. The export day leads (so a later
// export wins even when the follow-up moved earlier); the days ahead break ties within a day.
long long ics_sequence(Day day, Day today) {
  const long long ahead = std::min<long long>(std::max<long long>(0, (long long)day - today), 999);
  return std::max<long long>(0, std::min<long long>((long long)today * 1000 + ahead, 2147483647LL));
}

std::string event_description(const Contact& c, const Evaluation& e) {
  std::string desc = join(e.reasons, "\n");
  std::string role = c.position;
  if (!c.company.empty()) role += (role.empty() ? "" : " at ") + c.company;
  if (!role.empty()) desc += (desc.empty() ? "" : "\n") + role;
  if (is_safe_profile_url(c.url)) desc += (desc.empty() ? "" : "\n") + std::string("Profile: ") + c.url;
  return desc;
}

void put_event(std::string& out, const Contact& c, const Evaluation& e, Day day, Day today,
               const std::string& owner) {
  std::string name = c.name();
  if (name.empty()) name = c.email.empty() ? "a contact" : c.email;
  const std::string summary = escape_text("Follow up with " + name);
  const std::string stamp = compact_date(today) + "T000000Z";
  out += "BEGIN:VEVENT\r\n";
  put_folded(out, "UID:rekindle-" + std::to_string(c.id) + "-" + owner + "@rekindle.local");
  put_folded(out, "DTSTAMP:" + stamp);
  put_folded(out, "LAST-MODIFIED:" + stamp);
  put_folded(out, "SEQUENCE:" + std::to_string(ics_sequence(day, today)));
  put_folded(out, "DTSTART;VALUE=DATE:" + compact_date(day));
  put_folded(out, "DTEND;VALUE=DATE:" + compact_date(day + 1));
  put_folded(out, "SUMMARY:" + summary);
  const std::string desc = event_description(c, e);
  if (!desc.empty()) put_folded(out, "DESCRIPTION:" + escape_text(desc));
  if (is_safe_profile_url(c.url)) put_folded(out, "URL:" + c.url);  // a URI: not TEXT-escaped
  out += "TRANSP:TRANSPARENT\r\n";
  // All-day events start at local midnight (floating DATE), so PT9H rings at 9:00 local time.
  out += "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:PT9H\r\n";
  put_folded(out, "DESCRIPTION:" + summary);
  out += "END:VALARM\r\n";
  out += "END:VEVENT\r\n";
}

}  // namespace

std::string followups_ics(const Store& s, const std::vector<Evaluation>& evals,
                          const std::vector<uint32_t>& rows, Day today) {
  std::string out;
  out += "BEGIN:VCALENDAR\r\n";
  out += "VERSION:2.0\r\n";
  out += "PRODID:-//Rekindle//Follow-ups//EN\r\n";
  out += "CALSCALE:GREGORIAN\r\n";
  out += "METHOD:PUBLISH\r\n";
  out += "X-WR-CALNAME:Rekindle follow-ups\r\n";
  const std::string owner = owner_tag(s.owner);
  static const Evaluation kDefault{};
  std::vector<char> done(s.contacts.size(), 0);  // one event per UID in a file
  for (uint32_t r : rows) {
    if (r >= s.contacts.size() || done[r]) continue;
    done[r] = 1;
    const Contact& c = s.contacts[r];
    const Evaluation& e = r < evals.size() ? evals[r] : kDefault;
    const Day day = calendar_day(s, c, e, today);
    if (day == kNoDay) continue;  // archived
    put_event(out, c, e, day, today, owner);
  }
  out += "END:VCALENDAR\r\n";
  return out;
}

std::string fill_template(std::string_view tmpl, const Contact& c) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  size_t i = 0;
  while (i < tmpl.size()) {
    if (tmpl[i] == '{') {
      const size_t close = tmpl.find('}', i + 1);
      if (close != std::string_view::npos) {
        const std::string_view key = tmpl.substr(i + 1, close - i - 1);
        const std::string* val = nullptr;
        std::string name;
        if (key == "first_name") val = &c.first_name;
        else if (key == "last_name") val = &c.last_name;
        else if (key == "company") val = &c.company;
        else if (key == "position") val = &c.position;
        else if (key == "name") {
          name = c.name();
          val = &name;
        }
        if (val) {
          out += *val;
          i = close + 1;
          continue;
        }
      }
    }
    out += tmpl[i++];
  }
  return out;
}

bool is_safe_profile_url(std::string_view url) {
  for (char ch : url) {
    const unsigned char u = static_cast<unsigned char>(ch);
    if (u <= 0x20 || u == 0x7F || ch == '\\') return false;  // whitespace, controls
  }
  static constexpr std::string_view kScheme = "https://";
  if (url.size() <= kScheme.size() || !iequals_ascii(url.substr(0, kScheme.size()), kScheme)) return false;
  std::string_view rest = url.substr(kScheme.size());
  const size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  if (authority.find('@') != std::string_view::npos) return false;  // userinfo
  std::string_view host = authority;
  const size_t colon = authority.find(':');
  if (colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    if (authority.substr(colon + 1) != "443") return false;
  }
  if (host.empty() || host.size() > 253) return false;
  std::string h;
  for (char ch : host) {
    const char lc = (ch >= 'A' && ch <= 'Z') ? char(ch - 'A' + 'a') : ch;
    if (!((lc >= 'a' && lc <= 'z') || (lc >= '0' && lc <= '9') || lc == '-' || lc == '.')) return false;
    h += lc;
  }
  if (h.find("..") != std::string::npos || h.front() == '.' || h.front() == '-') return false;
  static constexpr std::string_view kHost = "linkedin.com";
  if (h == kHost) return true;
  return h.size() > kHost.size() + 1 && h.compare(h.size() - kHost.size() - 1, std::string::npos, ".linkedin.com") == 0;
}

std::string mailto_url(std::string_view email) {
  if (email.size() < 3 || email.size() > 254) return "";
  const size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) return "";
  auto local_ok = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '+' || c == '-';
  };
  auto domain_ok = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
  };
  for (size_t i = 0; i < at; ++i)
    if (!local_ok(email[i])) return "";
  const std::string_view domain = email.substr(at + 1);
  if (domain.empty() || domain.front() == '.' || domain.back() == '.' || domain.find('.') == std::string_view::npos ||
      domain.find("..") != std::string_view::npos)
    return "";
  for (char c : domain)
    if (!domain_ok(c)) return "";
  return "mailto:" + std::string(email);
}

}  // namespace rk
