// Filtering and sorting contacts (Contacts view and rekindle.contacts()).
//
// SearchIndex::haystack layout, one string per contact, fields folded (rk::fold) separately and
// joined with '\x1f' (never produced by fold, so no search term can span two fields):
//   name \x1f company \x1f position \x1f note \x1f tag1 \x1f tag2 ...
// The sort keys for name, company and position are views into it: no allocation per contact.
#include "core/query.hpp"

#include <algorithm>
#include <cstring>

#include "core/dates.hpp"
#include "core/text.hpp"

namespace rk {

namespace {

constexpr char kSep = '\x1f';
constexpr int kFieldName = 0, kFieldCompany = 1, kFieldPosition = 2, kFieldTags = 4;

std::string build_haystack(const Store& store, const Contact& c) {
  std::string h = fold(c.name());
  h += kSep;
  h += fold(c.company);
  h += kSep;
  h += fold(c.position);
  h += kSep;
  const UserData* u = store.user_if(c.id);
  if (u) h += fold(u->note);
  if (u) {
    for (const std::string& t : u->tags) {
      h += kSep;
      h += fold(t);
    }
  }
  return h;
}

// The k-th '\x1f'-separated field of a haystack (fields from kFieldTags on are tags).
std::string_view field(std::string_view h, int k) {
  size_t start = 0;
  for (int i = 0; i < k; ++i) {
    size_t p = h.find(kSep, start);
    if (p == std::string_view::npos) return {};
    start = p + 1;
  }
  size_t end = h.find(kSep, start);
  return h.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

bool has_tag(std::string_view h, std::string_view folded_tag) {
  size_t start = 0;
  for (int i = 0; i < kFieldTags; ++i) {
    size_t p = h.find(kSep, start);
    if (p == std::string_view::npos) return false;
    start = p + 1;
  }
  while (start <= h.size()) {
    size_t end = h.find(kSep, start);
    std::string_view t = h.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (t == folded_tag) return true;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return false;
}

// Sort row, 64 bytes: the primary key is folded into one unsigned integer that already encodes
// the direction and "missing values last"; strings contribute their first 16 bytes (big-endian),
// and only rows whose keys tie are compared further (full strings, then name, then id).
struct Row {
  uint64_t key, key2;  // key2: bytes 8..16 of a string key
  uint64_t name_prefix, name_prefix2;
  const char* name;  // folded name and string key, views into the haystack
  const char* text;
  uint32_t name_len, text_len;
  uint32_t idx;
  ContactId id;
};
constexpr uint64_t kMissing = ~uint64_t(0);  // never produced by a real value (UTF-8 has no 0xFF)

inline uint64_t prefix8(std::string_view s, size_t from = 0) {
  uint64_t v = 0;
  for (size_t i = from; i < from + 8; ++i)
    v = (v << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
  return v;
}

// Order-preserving map of a finite double to an unsigned integer.
inline uint64_t ordered(double d) {
  if (d != d || d == 0) d = 0.0;  // NaN and -0.0 map like +0.0
  uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return (b & 0x8000000000000000ull) ? ~b : (b | 0x8000000000000000ull);
}

}  // namespace

bool parse_sort(const std::string& s, SortKey& out) {
  static const struct { const char* name; SortKey key; } kKeys[] = {
      {"priority", SortKey::Priority}, {"score", SortKey::Score}, {"strength", SortKey::Score},
      {"name", SortKey::Name}, {"connected_on", SortKey::ConnectedOn},
      {"last_interaction", SortKey::LastInteraction}, {"company", SortKey::Company},
      {"position", SortKey::Position}, {"status", SortKey::Status}};
  for (const auto& k : kKeys) {
    if (iequals_ascii(s, k.name)) {
      out = k.key;
      return true;
    }
  }
  return false;
}

std::string search_text(const Store& store, const Contact& c) { return build_haystack(store, c); }

void SearchIndex::rebuild(const Store& store) {
  haystack.clear();
  haystack.reserve(store.contacts.size());
  for (const Contact& c : store.contacts) haystack.push_back(build_haystack(store, c));
}

void SearchIndex::update(const Store& store, uint32_t contact_index) {
  if (haystack.size() != store.contacts.size()) {
    rebuild(store);
    return;
  }
  if (contact_index < store.contacts.size())
    haystack[contact_index] = build_haystack(store, store.contacts[contact_index]);
}

std::vector<uint32_t> run_query(const Store& store, const std::vector<Evaluation>& evals,
                                const SearchIndex& index, const Query& q, const std::vector<uint32_t>* queue) {
  const size_t n = store.contacts.size();
  // Places in the queue (1 = first), for SortKey::Priority.
  std::vector<uint32_t> place;
  if (queue && q.sort == SortKey::Priority) {
    place.assign(n, 0);
    for (size_t k = 0; k < queue->size(); ++k)
      if ((*queue)[k] < n) place[(*queue)[k]] = uint32_t(k + 1);
  }
  // A stale index (contacts changed without a rebuild) is rebuilt locally rather than misread.
  SearchIndex local;
  const SearchIndex* ix = &index;
  if (index.haystack.size() != n) {
    local.rebuild(store);
    ix = &local;
  }
  static const Evaluation kDefault{};
  auto eval_of = [&](uint32_t i) -> const Evaluation& { return i < evals.size() ? evals[i] : kDefault; };

  // Query terms, folded once.
  std::vector<std::string> terms;
  {
    const std::string ft = fold(q.text);
    size_t i = 0;
    while (i < ft.size()) {
      while (i < ft.size() && ft[i] == ' ') ++i;
      size_t j = i;
      while (j < ft.size() && ft[j] != ' ') ++j;
      if (j > i) terms.emplace_back(ft.substr(i, j - i));
      i = j;
    }
  }
  const std::string ftag = q.tag.empty() ? std::string() : fold(q.tag);
  const std::string fcompany = q.company.empty() ? std::string() : fold(q.company);
  const bool filter_tag = !trim(q.tag).empty();
  const bool filter_company = !trim(q.company).empty();
  const std::string fposition = q.position.empty() ? std::string() : fold(q.position);
  const bool filter_position = !trim(q.position).empty();
  const bool filter_messaged = q.messaged_from != kNoDay || q.messaged_to != kNoDay;
  auto in_range = [](Day d, Day from, Day to) {
    return d != kNoDay && (from == kNoDay || d >= from) && (to == kNoDay || d <= to);
  };
  auto messaged_in = [&](const Contact& c) {
    for (uint32_t cv_i : c.conversations) {
      if (cv_i >= store.conversations.size() || store.conversations[cv_i].spam) continue;
      for (uint32_t mi : store.conversations[cv_i].messages) {
        if (mi >= store.messages.size()) continue;
        const Message& m = store.messages[mi];
        if ((m.sender == kOwner || m.sender == c.id) && in_range(day_of(m.time), q.messaged_from, q.messaged_to))
          return true;
      }
    }
    return false;
  };

  std::vector<Row> rows;
  rows.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    const Contact& c = store.contacts[i];
    const Evaluation& e = eval_of(i);
    if (q.status && e.status != *q.status) continue;
    if (q.action && (!e.in_queue || e.action != *q.action)) continue;
    if (q.connected == 0 && c.connected) continue;
    if (q.connected == 1 && !c.connected) continue;
    if (q.year_connected != 0) {
      if (c.connected_on == kNoDay) continue;
      int y, m, d;
      civil_from_days(c.connected_on, y, m, d);
      if (y != q.year_connected) continue;
    }
    if ((q.connected_from != kNoDay || q.connected_to != kNoDay) &&
        !in_range(c.connected_on, q.connected_from, q.connected_to))
      continue;
    if (!q.include_archived) {
      const UserData* u = store.user_if(c.id);
      if (u && u->archived) continue;
    }
    const std::string_view h = ix->haystack[i];
    if (filter_company && field(h, kFieldCompany) != fcompany) continue;
    if (filter_position && field(h, kFieldPosition) != fposition) continue;
    if (filter_tag && !has_tag(h, ftag)) continue;
    if (filter_messaged && !messaged_in(c)) continue;
    bool ok = true;
    for (const std::string& t : terms) {
      if (h.find(t) == std::string_view::npos) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const bool desc = q.descending;
    auto num_key = [desc](double natural) {  // natural order: ascending
      const uint64_t k = ordered(natural);
      return desc ? ~k : k;
    };
    Row r;
    r.idx = i;
    r.id = c.id;
    const std::string_view name = field(h, kFieldName);
    r.name_prefix = prefix8(name);
    r.name_prefix2 = prefix8(name, 8);
    r.key2 = 0;
    r.name = name.data();
    r.name_len = uint32_t(name.size());
    r.text = name.data();
    r.text_len = r.name_len;
    switch (q.sort) {
      case SortKey::Priority:
        if (!place.empty()) r.key = place[i] ? num_key(double(place[i])) : kMissing;
        else r.key = num_key(-e.priority);
        break;
      case SortKey::Score: r.key = num_key(-e.strength); break;
      case SortKey::Status: r.key = num_key(double(int(e.status))); break;
      case SortKey::ConnectedOn:
        r.key = c.connected_on == kNoDay ? kMissing : num_key(-double(c.connected_on));
        break;
      case SortKey::LastInteraction:
        r.key = e.last_interaction == kNoDay ? kMissing : num_key(-double(e.last_interaction));
        break;
      case SortKey::Name:
        r.key = desc ? ~r.name_prefix : r.name_prefix;
        r.key2 = desc ? ~r.name_prefix2 : r.name_prefix2;
        break;
      case SortKey::Company:
      case SortKey::Position: {
        const std::string_view k = field(h, q.sort == SortKey::Company ? kFieldCompany : kFieldPosition);
        r.key = k.empty() ? kMissing : desc ? ~prefix8(k) : prefix8(k);
        r.key2 = desc ? ~prefix8(k, 8) : prefix8(k, 8);
        r.text = k.data();
        r.text_len = uint32_t(k.size());
        break;
      }
    }
    rows.push_back(r);
  }

  const bool desc = q.descending;
  const int string_field = q.sort == SortKey::Name ? kFieldName
                         : q.sort == SortKey::Company ? kFieldCompany
                         : q.sort == SortKey::Position ? kFieldPosition : -1;
  auto less = [&](const Row& a, const Row& b) -> bool {
    if (a.key != b.key) return a.key < b.key;
    if (a.key2 != b.key2) return a.key2 < b.key2;
    if (string_field >= 0 && a.key != kMissing && (a.text_len > 16 || b.text_len > 16)) {
      // Same first 16 bytes: compare the rest of the key.
      const int c = std::string_view(a.text, a.text_len).compare(std::string_view(b.text, b.text_len));
      if (c != 0) return desc ? c > 0 : c < 0;
    }
    if (string_field != kFieldName) {
      if (a.name_prefix != b.name_prefix) return a.name_prefix < b.name_prefix;
      if (a.name_prefix2 != b.name_prefix2) return a.name_prefix2 < b.name_prefix2;
      if (a.name_len > 16 || b.name_len > 16) {
        const std::string_view na(a.name, a.name_len), nb(b.name, b.name_len);
        const int c = na.compare(nb);
        if (c != 0) return c < 0;
      }
    }
    return a.id < b.id;
  };
  if (q.limit > 0 && q.limit < rows.size()) {
    std::partial_sort(rows.begin(), rows.begin() + q.limit, rows.end(), less);
    rows.resize(q.limit);
  } else {
    std::sort(rows.begin(), rows.end(), less);
  }
  std::vector<uint32_t> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(r.idx);
  return out;
}

}  // namespace rk
