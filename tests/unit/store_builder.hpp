// Test helper: builds Store objects by hand (contacts, conversations, messages, invitations,
// endorsements, recommendations, logged interactions, job changes) without going through import.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace rk {
namespace test {

// Proleptic Gregorian y-m-d -> days since 1970-01-01 (local copy so tests do not depend on the
// code under test for their fixtures).
constexpr Day civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = unsigned((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Day(era * 146097 + int(doe) - 719468);
}
constexpr Time at(int y, int m, int d, int hh = 12, int mm = 0, int ss = 0) {
  return Time(civil(y, m, d)) * 86400 + hh * 3600 + mm * 60 + ss;
}
constexpr Time at_day(Day day, int hh = 12, int mm = 0) { return Time(day) * 86400 + hh * 3600 + mm * 60; }

class StoreBuilder {
 public:
  StoreBuilder() = default;

  // Adds a contact; returns its id.
  ContactId contact(std::string first, std::string last = "", std::string company = "",
                    std::string position = "", Day connected_on = kNoDay, bool connected = true) {
    Contact c;
    c.id = s_.next_id++;
    c.first_name = std::move(first);
    c.last_name = std::move(last);
    c.company = std::move(company);
    c.position = std::move(position);
    c.connected_on = connected_on;
    c.connected = connected;
    if (!c.first_name.empty()) {
      c.url = "https://www.linkedin.com/in/" + c.first_name + "-" + std::to_string(c.id);
      c.url_key = "in/" + c.first_name + "-" + std::to_string(c.id);
    }
    s_.contacts.push_back(std::move(c));
    s_.index[s_.contacts.back().id] = uint32_t(s_.contacts.size() - 1);
    return s_.contacts.back().id;
  }
  Contact& get(ContactId id) { return *s_.find(id); }
  UserData& user(ContactId id) { return s_.user_of(id); }

  // A conversation with these participants (owner implied). Returns its index.
  uint32_t conversation(std::vector<ContactId> participants, bool spam = false, std::string title = "") {
    Conversation cv;
    cv.key = "conv-" + std::to_string(s_.conversations.size());
    cv.title = std::move(title);
    for (ContactId p : participants)
      if (p != kNoContact) cv.participants.push_back(p);
    cv.group = cv.participants.size() > 1;
    cv.spam = spam;
    const uint32_t idx = uint32_t(s_.conversations.size());
    s_.conversations.push_back(std::move(cv));
    for (ContactId p : participants)
      if (Contact* c = s_.find(p)) c->conversations.push_back(idx);
    return idx;
  }
  // The (first) non-spam one-to-one conversation with `id`, created if needed.
  uint32_t dm_conversation(ContactId id) {
    for (uint32_t i = 0; i < s_.conversations.size(); ++i) {
      const Conversation& cv = s_.conversations[i];
      if (!cv.group && !cv.spam && cv.participants.size() == 1 && cv.participants[0] == id) return i;
    }
    return conversation({id});
  }
  // Adds a message, kept sorted by time within its conversation.
  uint32_t message(uint32_t conv, ContactId sender, Time t, std::string text = "hi") {
    Message m;
    m.conversation = conv;
    m.sender = sender;
    m.time = t;
    m.text = s_.add_text(text);
    const uint32_t idx = uint32_t(s_.messages.size());
    s_.messages.push_back(std::move(m));
    auto& list = s_.conversations[conv].messages;
    auto pos = std::upper_bound(list.begin(), list.end(), t, [&](Time v, uint32_t mi) {
      return v < s_.messages[mi].time;
    });
    list.insert(pos, idx);
    return idx;
  }
  // One-to-one messages: from the owner to `id`, or from `id` to the owner.
  uint32_t sent(ContactId id, Time t) { return message(dm_conversation(id), kOwner, t); }
  uint32_t received(ContactId id, Time t) { return message(dm_conversation(id), id, t); }

  void invitation(ContactId id, Direction d, Time t, std::string note = "") {
    get(id).invitations.push_back(Invitation{d, t, std::move(note)});
  }
  void endorsement(ContactId id, Direction d, Day day, std::string skill = "C++") {
    get(id).endorsements.push_back(Endorsement{d, day, std::move(skill)});
  }
  void recommendation(ContactId id, Direction d, Day day, std::string text = "Great to work with") {
    get(id).recommendations.push_back(Recommendation{d, day, std::move(text)});
  }
  void logged(ContactId id, Day day, std::string kind = "call", std::string note = "") {
    user(id).interactions.push_back(Interaction{day, std::move(kind), std::move(note)});
  }
  void job_change(ContactId id, Day seen_on, std::string old_company, std::string old_position,
                  std::string new_company, std::string new_position) {
    get(id).job_changes.push_back(JobChange{seen_on, std::move(old_company), std::move(old_position),
                                            std::move(new_company), std::move(new_position)});
  }

  Store& store() { return s_; }
  const Store& store() const { return s_; }

 private:
  Store s_;
};

}  // namespace test
}  // namespace rk
