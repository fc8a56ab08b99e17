// The judgement of a thread's last messages, kept with the imported data: which of the last
// messages a contact sent in a one-to-one thread are closing notes or LinkedIn's own rows
// (closing.hpp). Judged once when the data is imported or restored, and stored with each message
// (Message::note), so scoring never needs the message texts: statuses are the same before the
// stored texts arrive after a reload as after.
#pragma once

#include <cstdint>

#include "closing.hpp"
#include "model.hpp"

namespace rk {

constexpr uint8_t kNoteUnjudged = 0;
// Message::note: kNoteUnjudged, or 1 + the class (kind and what) in a fixed table.
uint8_t encode_note(const LastMessageClass& c);
LastMessageClass decode_note(uint8_t note);  // Ordinary for kNoteUnjudged or unknown values

// Judges, in every one-to-one thread, the contact's messages from the end back to their last real
// one (LinkedIn's rows are skipped over), and stores the result in Message::note. Messages judged
// before keep their note. Needs the texts (not Store::texts_pending); returns how many it judged.
size_t judge_last_messages(Store& store);

}  // namespace rk
