// Filtering and sorting contacts: one implementation shared by the Contacts view and the
// scripting API's rekindle.contacts().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model.hpp"
#include "scoring.hpp"

namespace rk {

enum class SortKey { Priority, Score, Name, ConnectedOn, LastInteraction, Company, Position, Status };
bool parse_sort(const std::string& s, SortKey& out);  // "priority", "score", "name", ...

struct Query {
  std::string text;  // case- and accent-insensitive, in name, company, position, note and tags
  std::optional<Status> status;
  std::optional<Action> action;  // the kind of action in the follow-up queue
  std::string tag;
  std::string company;      // exact (folded) company
  std::string position;     // exact (folded) position
  int year_connected = 0;   // 0: any
  // Connected between these days (inclusive; kNoDay: open), e.g. a bar of the Dashboard's chart.
  Day connected_from = kNoDay, connected_to = kNoDay;
  // A message with them (sent or received, one-to-one or in a group they are in; spam
  // excluded) between these days (inclusive; kNoDay: open). Both kNoDay: no such filter.
  Day messaged_from = kNoDay, messaged_to = kNoDay;
  int connected = -1;       // -1 any, 0 not connected, 1 connected
  bool include_archived = true;
  SortKey sort = SortKey::Priority;
  bool descending = false;  // reverse of the key's natural order
  size_t limit = 0;         // 0: all
};

// Precomputed folded search text per contact; rebuild when contacts or user data change.
struct SearchIndex {
  std::vector<std::string> haystack;  // one per store.contacts entry
  void rebuild(const Store& store);
  void update(const Store& store, uint32_t contact_index);
};

// One contact's folded search text (what SearchIndex holds for it).
std::string search_text(const Store& store, const Contact& c);

// Indices into store.contacts, filtered and sorted. `queue` (follow_up_queue's order; optional):
// SortKey::Priority is its order, the contacts not in it after them (by name); without it, by
// Evaluation::priority.
std::vector<uint32_t> run_query(const Store& store, const std::vector<Evaluation>& evals,
                                const SearchIndex& index, const Query& q,
                                const std::vector<uint32_t>* queue = nullptr);

}  // namespace rk
