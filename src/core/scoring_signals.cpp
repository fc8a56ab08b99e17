// What a contact's history says: message counts both ways, the last message of each side, reply
// rates, and whether their last message needs an answer at all.
//
//  - Spam conversations are ignored entirely; messages from kNoContact ("LinkedIn Member") and,
//    in group threads, from other participants are ignored.
//  - reply_rate_in / reply_days_in: how the OWNER answers THEIR turns (share answered, median
//    days); reply_rate_out / reply_days_out: how THEY answer the owner's turns. One-to-one only.
//  - Their last message is judged by its text (closing.hpp, when imported: last_message.hpp):
//    LinkedIn's own rows written in their name at the end of a thread are not theirs (skipped),
//    and a closing note ("Thanks!") asks for no reply. Only the thread that may hold their
//    latest message is looked at.
#include <algorithm>

#include "core/last_message.hpp"
#include "core/scoring_detail.hpp"
#include "core/text.hpp"

namespace rk::scoring {

namespace {

double median(std::vector<double>& v) {
  if (v.empty()) return -1;
  const size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + mid, v.end());
  double m = v[mid];
  if (v.size() % 2 == 0) {
    double lo = *std::max_element(v.begin(), v.begin() + mid);
    m = (m + lo) / 2;
  }
  return m;
}

// In a one-to-one thread whose last message from them is at `last`: their last real message
// (walking back over LinkedIn's rows in their name), counted into `s` if it is the latest yet.
void judge_last_in(const Store& store, const Contact& c, const Conversation& cv, Signals& s) {
  int system_rows = 0;
  for (size_t k = cv.messages.size(); k-- > 0;) {
    const uint32_t mi = cv.messages[k];
    if (mi >= store.messages.size()) continue;
    const Message& m = store.messages[mi];
    if (m.sender != c.id) continue;
    // Judged when imported (Message::note); data stored by older versions is judged here from
    // the text, once it has arrived.
    const LastMessageClass cls = m.note != kNoteUnjudged
                                     ? decode_note(m.note)
                                     : classify_last_message(store.text(m.text), store.text(m.subject), c.connected);
    if (cls.kind == LastMessageKind::System) {
      ++system_rows;
      continue;
    }
    if (m.time != kNoTime && (s.last_in == kNoTime || m.time > s.last_in)) {
      s.last_in = m.time;
      s.last_in_closing = cls.kind == LastMessageKind::Closing;
      s.last_in_what = cls.what;
    }
    break;
  }
  s.system_in += system_rows;
}

}  // namespace

void scan(const Store& store, const Contact& c, Signals& s, Extra& x) {
  std::vector<double> lat_in, lat_out;
  int turns_in = 0, turns_out = 0, answered_in = 0, answered_out = 0;
  for (uint32_t ci : c.conversations) {
    if (ci >= store.conversations.size()) continue;
    const Conversation& cv = store.conversations[ci];
    if (cv.spam) continue;
    const bool group = cv.group;
    bool any = false;
    int prev_side = -1;  // 0 owner, 1 them
    Time prev_time = kNoTime, thread_last_in = kNoTime;
    for (uint32_t mi : cv.messages) {
      if (mi >= store.messages.size()) continue;
      const Message& m = store.messages[mi];
      int side;
      if (m.sender == kOwner) side = 0;
      else if (m.sender == c.id && c.id != kNoContact) side = 1;
      else continue;
      any = true;
      if (side == 0) ++s.sent; else ++s.received;
      if (m.time != kNoTime && (s.last_any == kNoTime || m.time > s.last_any)) s.last_any = m.time;
      if (!group) {
        Time& first = side == 0 ? s.first_out : s.first_in;
        (side == 0 ? s.sent_1to1 : s.received_1to1)++;
        if (m.time != kNoTime) {
          if (first == kNoTime || m.time < first) first = m.time;
          if (side == 0 && (s.last_out == kNoTime || m.time > s.last_out)) s.last_out = m.time;
          if (side == 1 && (thread_last_in == kNoTime || m.time > thread_last_in)) thread_last_in = m.time;
        }
      }
      if (side != prev_side) {
        if (prev_side >= 0) {
          if (group) {
            ++x.exchanges_group;
          } else {
            ++x.exchanges_1to1;
            const bool timed = prev_time != kNoTime && m.time != kNoTime;
            const double days = timed ? double(m.time - prev_time) / 86400.0 : -1;
            if (prev_side == 1) {
              ++answered_in;
              if (days >= 0) lat_in.push_back(days);
            } else {
              ++answered_out;
              if (days >= 0) lat_out.push_back(days);
            }
          }
        }
        if (!group) (side == 0 ? turns_out : turns_in)++;
        prev_side = side;
      }
      prev_time = m.time;
    }
    // Only a thread that may hold their latest real message is read (see the file's comment).
    if (!group && thread_last_in != kNoTime && (s.last_in == kNoTime || thread_last_in > s.last_in))
      judge_last_in(store, c, cv, s);
    if (any) {
      ++s.conversations;
      if (group) ++s.group_conversations; else ++x.conversations_1to1;
    }
  }
  s.reply_rate_in = turns_in ? double(answered_in) / turns_in : 0;
  s.reply_rate_out = turns_out ? double(answered_out) / turns_out : 0;
  s.reply_days_in = median(lat_in);
  s.reply_days_out = median(lat_out);

  if (const UserData* u = store.user_if(c.id)) {
    for (const Interaction& it : u->interactions) {
      if (it.day == kNoDay) continue;
      ++s.logged;
      if (s.last_logged == kNoDay || it.day > s.last_logged) s.last_logged = it.day;
    }
  }
  for (const Endorsement& e : c.endorsements)
    (e.direction == Direction::Incoming ? s.endorsements_in : s.endorsements_out)++;
  for (const Recommendation& r : c.recommendations)
    (r.direction == Direction::Incoming ? s.recommendations_in : s.recommendations_out)++;
  for (const Invitation& inv : c.invitations) {
    if (inv.direction == Direction::Incoming) {
      s.invited_by_them = true;
      if (!trim(inv.message).empty()) s.invitation_note = true;
    } else {
      s.invited_by_owner = true;
    }
    if (!x.latest_invitation || (inv.time != kNoTime && inv.time >= x.latest_invitation->time))
      x.latest_invitation = &inv;
  }
}

OwnRun own_after_last_in(const Store& store, const Contact& c, Time last_in) {
  OwnRun run;
  for (uint32_t ci : c.conversations) {
    if (ci >= store.conversations.size()) continue;
    const Conversation& cv = store.conversations[ci];
    if (cv.spam || cv.group) continue;
    for (uint32_t mi : cv.messages) {
      if (mi >= store.messages.size()) continue;
      const Message& m = store.messages[mi];
      if (m.sender != kOwner || (last_in != kNoTime && m.time <= last_in)) continue;
      ++run.count;
      if (m.time != kNoTime && (run.first == kNoTime || m.time < run.first)) run.first = m.time;
    }
  }
  return run;
}

}  // namespace rk::scoring
