// The contact model: everything Rekindle knows about the owner's network.
//
// Two kinds of data live here and are stored separately (see serialize.hpp):
//  - imported data (contacts' LinkedIn facts, conversations, messages, invitations, ...), rewritten
//    once per import;
//  - the user's own data (UserData: notes, tags, cadence, follow-ups, logged interactions) and
//    Settings, small and written after every edit.
// No ImGui, SDL or Emscripten here: the core builds and is tested natively.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rk {

// Calendar day as days since 1970-01-01 (UTC). kNoDay when unknown.
using Day = int32_t;
// Instant as seconds since 1970-01-01T00:00:00Z. kNoTime when unknown.
using Time = int64_t;
constexpr Day kNoDay = std::numeric_limits<Day>::min();
constexpr Time kNoTime = std::numeric_limits<Time>::min();
inline Day day_of(Time t) { return t == kNoTime ? kNoDay : Day((t >= 0 ? t : t - 86399) / 86400); }

using ContactId = uint32_t;              // stable across imports and reloads
constexpr ContactId kNoContact = 0;      // 0 is never a valid id
constexpr ContactId kOwner = 0xFFFFFFFFu;  // the user themself, as a message sender

enum class Direction : uint8_t { Incoming = 0, Outgoing = 1 };  // seen from the owner

// A piece of Store::texts. Message subjects and bodies (hundreds of thousands of them, most of
// the imported bytes) live in one append-only buffer: one allocation instead of one per message,
// and the bulk save and load copy them as one block.
struct TextRef {
  uint32_t off = 0, len = 0;
};

struct Message {
  uint32_t conversation = 0;  // index into Store::conversations
  ContactId sender = kNoContact;  // kOwner, a contact, or kNoContact ("LinkedIn Member", unknown)
  Time time = kNoTime;
  TextRef subject;
  TextRef text;  // plain text (HTML already stripped)
  // How the last messages of a one-to-one thread read (a closing note, LinkedIn's own row):
  // judged once when imported, see last_message.hpp. 0: not judged.
  uint8_t note = 0;
};

struct Conversation {
  std::string key;    // LinkedIn's CONVERSATION ID, or a synthetic key for old exports
  std::string title;  // CONVERSATION TITLE (may be empty)
  std::vector<ContactId> participants;  // everyone but the owner (kNoContact entries dropped)
  bool group = false;  // more than one other participant
  bool spam = false;   // FOLDER == SPAM: kept but excluded from counts and scoring
  std::vector<uint32_t> messages;  // indices into Store::messages, sorted by time
};

struct Invitation {
  Direction direction = Direction::Incoming;
  Time time = kNoTime;
  std::string message;  // the personal note, empty if none
};

struct Endorsement {
  Direction direction = Direction::Incoming;  // Incoming: they endorsed the owner
  Day day = kNoDay;
  std::string skill;
};

struct Recommendation {
  Direction direction = Direction::Incoming;  // Incoming: they recommended the owner
  Day day = kNoDay;
  std::string text;
};

// What the owner logs by hand ("I met / called / emailed them").
struct Interaction {
  Day day = kNoDay;
  std::string kind;  // "met", "call", "email", "message", "other"
  std::string note;
};

// A change seen when a newer export is imported over an older one: a moment to reach out.
struct JobChange {
  Day seen_on = kNoDay;  // the import that revealed it
  std::string old_company, old_position, new_company, new_position;
};

// Everything the user adds. Never touched by an import.
struct UserData {
  std::string note;
  std::vector<std::string> tags;
  int cadence_days = 0;          // 0: use the tier's, else the tag's, else the default
  int tier = 0;                  // 0: none, else 1 + an index into Settings::tiers
  Day next_follow_up = kNoDay;   // set by the user; else derived
  Day snoozed_until = kNoDay;
  bool archived = false;
  std::vector<Interaction> interactions;
  bool empty() const {
    return note.empty() && tags.empty() && cadence_days == 0 && tier == 0 && next_follow_up == kNoDay &&
           snoozed_until == kNoDay && !archived && interactions.empty();
  }
};

struct Contact {
  ContactId id = kNoContact;
  std::string first_name, last_name;
  std::string url;      // profile URL as given (https://www.linkedin.com/in/...)
  std::string url_key;  // normalised for matching (see identity.hpp); empty if no URL
  std::string email, company, position;
  Day connected_on = kNoDay;
  bool connected = false;  // present in Connections.csv
  // No longer connected: a newer full Connections.csv left them out (connected is then false).
  // The date of that export. Back to kNoDay when a later export lists them again.
  Day disconnected_on = kNoDay;
  Day first_seen = kNoDay; // the import day that created it (for "new since last import")

  std::vector<uint32_t> conversations;  // indices into Store::conversations
  std::vector<Invitation> invitations;
  std::vector<Endorsement> endorsements;
  std::vector<Recommendation> recommendations;
  std::vector<JobChange> job_changes;

  std::string name() const {
    if (first_name.empty()) return last_name;
    if (last_name.empty()) return first_name;
    return first_name + " " + last_name;
  }
};

struct Owner {
  std::string first_name, last_name, url, url_key, headline;
  std::string name() const {
    if (first_name.empty()) return last_name;
    if (last_name.empty()) return first_name;
    return first_name + " " + last_name;
  }
};

// Scoring and follow-up settings (the user can change them in Settings).
struct Weights {
  double recency = 0.35, frequency = 0.2, reciprocity = 0.2, depth = 0.1, ties = 0.15;
};

struct Template {
  std::string name, body;  // body with {first_name}, {last_name}, {name}, {company}, {position}
  std::string kind;        // the action it is written for (action_name: "reply", "greet", ...), "" any
};

// A relationship tier ("Close", "Regular", "Acquaintance"): a cadence band. Past the target a
// contact is due for a follow-up; past the maximum it is overdue and ranks higher.
struct Tier {
  std::string name;
  int target_days = 90, max_days = 180;
};
inline std::vector<Tier> default_tiers() {
  return {{"Close", 30, 60}, {"Regular", 90, 180}, {"Acquaintance", 180, 365}};
}

struct Settings {
  int default_cadence_days = 90;       // the default band: target...
  int default_cadence_max_days = 180;  // ...and maximum
  std::map<std::string, int> tag_cadence_days;  // per-tag override (target; maximum = 2x)
  std::vector<Tier> tiers = default_tiers();
  Weights weights;
  std::string theme = "system";  // "light", "dark", "system"
  float font_size = 16.0f;
  int queue_size = 25;  // cards per page when browsing the rest of the queue
  // The follow-up judgement (README, "How scoring works"):
  int today_size = 10;            // at most this many actions in Today
  int reply_window_days = 60;     // they wrote last within this: awaiting your reply
  int greeting_window_days = 30;  // connected within this, no message: greet them
  int nudge_limit = 2;            // no nudge suggested after this many unanswered nudges
  std::vector<Template> templates;
  std::string layout_ini;  // ImGui's table/column layout (SaveIniSettingsToMemory)
};

// The whole state. Contacts are addressed by id through `index`.
struct Store {
  Owner owner;
  std::vector<Contact> contacts;
  std::vector<Conversation> conversations;
  std::vector<Message> messages;
  std::string texts;  // message subjects and bodies (see TextRef); only ever appended to
  // Loaded without its texts yet (serialize.hpp: attach_texts): texts must not be written or
  // appended to until they arrive.
  bool texts_pending = false;
  uint64_t texts_expected = 0;
  std::unordered_map<ContactId, UserData> user;  // only contacts with user data
  Settings settings;
  ContactId next_id = 1;
  Day last_import = kNoDay;
  int deleted_connections = 0;  // Connections rows of deleted accounts, last import

  // id -> position in `contacts`. Rebuilt by reindex() after contacts change.
  std::unordered_map<ContactId, uint32_t> index;
  void reindex() {
    index.clear();
    index.reserve(contacts.size());
    for (uint32_t i = 0; i < contacts.size(); ++i) index[contacts[i].id] = i;
  }
  Contact* find(ContactId id) {
    auto it = index.find(id);
    return it == index.end() ? nullptr : &contacts[it->second];
  }
  const Contact* find(ContactId id) const {
    auto it = index.find(id);
    return it == index.end() ? nullptr : &contacts[it->second];
  }
  std::string_view text(TextRef r) const {
    return r.off <= texts.size() && r.len <= texts.size() - r.off ? std::string_view(texts).substr(r.off, r.len)
                                                                  : std::string_view();
  }
  TextRef add_text(std::string_view t) {
    if (t.empty()) return {};
    TextRef r{uint32_t(texts.size()), uint32_t(t.size())};
    texts.append(t.data(), t.size());
    return r;
  }
  UserData& user_of(ContactId id) { return user[id]; }
  const UserData* user_if(ContactId id) const {
    auto it = user.find(id);
    return it == user.end() ? nullptr : &it->second;
  }
};

}  // namespace rk
