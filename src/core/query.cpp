// Filtering and sorting contacts (Contacts view and rekindle.contacts()).
//
// SearchIndex::haystack layout, one string per contact, fields folded (rk::fold) separately and
// joined with '\x1f' (never produced by fold, so no search term can span two fields):
//   name \x1f company \x1f position \x1f note \x1f tag1 \x1f tag2 ...
// The sort keys for name, company and position are views into it: no allocation per contact.
#include "core/query.hpp"

#include <algorithm>

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

// Sort row: the primary key is precomputed (numbers negated so "natural" is always ascending),
// strings carry an 8-byte big-endian prefix so most comparisons are one integer compare.
struct Row {
  uint32_t idx;
  ContactId id;
  bool missing;         // no value: sorted last whatever the direction
  double num;           // numeric primary key, natural order ascending
  uint64_t key_prefix;  // string primary key (name, company, position)
  std::string_view key;
  uint64_t name_prefix;  // tie-break
  std::string_view name;
};

inline uint64_t prefix8(std::string_view s) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i)
    v = (v << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
  return v;
}

inline int cmp_str(uint64_t pa, std::string_view a, uint64_t pb, std::string_view b) {
  if (pa != pb) return pa < pb ? -1 : 1;
  if (a.size() <= 8 || b.size() <= 8) return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
  const int c = a.substr(8).compare(b.substr(8));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
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
                                const SearchIndex& index, const Query& q) {
  const size_t n = store.contacts.size();
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

  std::vector<Row> rows;
  rows.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    const Contact& c = store.contacts[i];
    const Evaluation& e = eval_of(i);
    if (q.status && e.status != *q.status) continue;
    if (q.connected == 0 && c.connected) continue;
    if (q.connected == 1 && !c.connected) continue;
    if (q.year_connected != 0) {
      if (c.connected_on == kNoDay) continue;
      int y, m, d;
      civil_from_days(c.connected_on, y, m, d);
      if (y != q.year_connected) continue;
    }
    if (!q.include_archived) {
      const UserData* u = store.user_if(c.id);
      if (u && u->archived) continue;
    }
    const std::string_view h = ix->haystack[i];
    if (filter_company && field(h, kFieldCompany) != fcompany) continue;
    if (filter_tag && !has_tag(h, ftag)) continue;
    bool ok = true;
    for (const std::string& t : terms) {
      if (h.find(t) == std::string_view::npos) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    Row r;
    r.idx = i;
    r.id = c.id;
    r.missing = false;
    r.num = 0;
    r.name = field(h, kFieldName);
    r.name_prefix = prefix8(r.name);
    r.key_prefix = 0;
    switch (q.sort) {
      case SortKey::Priority: r.num = -e.priority; break;
      case SortKey::Score: r.num = -e.strength; break;
      case SortKey::Status: r.num = double(int(e.status)); break;
      case SortKey::ConnectedOn:
        r.missing = c.connected_on == kNoDay;
        r.num = -double(c.connected_on);
        break;
      case SortKey::LastInteraction:
        r.missing = e.last_interaction == kNoDay;
        r.num = -double(e.last_interaction);
        break;
      case SortKey::Name:
        r.key = r.name;
        r.key_prefix = r.name_prefix;
        break;
      case SortKey::Company:
      case SortKey::Position:
        r.key = field(h, q.sort == SortKey::Company ? kFieldCompany : kFieldPosition);
        r.key_prefix = prefix8(r.key);
        r.missing = r.key.empty();
        break;
    }
    rows.push_back(r);
  }

  const bool desc = q.descending;
  const bool by_string = q.sort == SortKey::Name || q.sort == SortKey::Company || q.sort == SortKey::Position;
  const bool by_name = q.sort == SortKey::Name;
  auto less = [desc, by_string, by_name](const Row& a, const Row& b) -> bool {
    if (a.missing != b.missing) return b.missing;  // missing last, either way
    int cmp;
    if (by_string) cmp = cmp_str(a.key_prefix, a.key, b.key_prefix, b.key);
    else cmp = a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
    if (cmp != 0) return desc ? cmp > 0 : cmp < 0;
    if (!by_name) {  // (sorting by name: the names are already equal here)
      const int n = cmp_str(a.name_prefix, a.name, b.name_prefix, b.name);
      if (n != 0) return n < 0;
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
