#include "core/last_message.hpp"

#include <cstring>

namespace rk {

namespace {

// Every class classify_last_message() returns. Append only: stored data holds these numbers.
const LastMessageClass kNotes[] = {
    {LastMessageKind::Ordinary, ""},
    {LastMessageKind::Closing, "an acknowledgement"},
    {LastMessageKind::Closing, "a goodbye"},
    {LastMessageKind::Closing, "a thank-you"},
    {LastMessageKind::Closing, "a \"you're welcome\""},
    {LastMessageKind::Closing, "congratulations"},
    {LastMessageKind::Closing, "an emoji reaction"},
    {LastMessageKind::System, "a sponsored message"},
    {LastMessageKind::System, "an InMail"},
    {LastMessageKind::System, "a LinkedIn notification"},
};
constexpr size_t kNoteCount = sizeof(kNotes) / sizeof(kNotes[0]);

}  // namespace

uint8_t encode_note(const LastMessageClass& c) {
  for (size_t i = 0; i < kNoteCount; ++i)
    if (kNotes[i].kind == c.kind && std::strcmp(kNotes[i].what, c.what ? c.what : "") == 0) return uint8_t(i + 1);
  // A class this table does not know yet: its kind is what matters.
  for (size_t i = 0; i < kNoteCount; ++i)
    if (kNotes[i].kind == c.kind) return uint8_t(i + 1);
  return 1;
}

LastMessageClass decode_note(uint8_t note) {
  if (note == kNoteUnjudged || note > kNoteCount) return kNotes[0];
  return kNotes[note - 1];
}

size_t judge_last_messages(Store& store) {
  if (store.texts_pending) return 0;
  size_t judged = 0;
  for (const Conversation& cv : store.conversations) {
    if (cv.spam || cv.group || cv.participants.size() != 1) continue;
    const ContactId them = cv.participants[0];
    const Contact* c = store.find(them);
    for (size_t k = cv.messages.size(); k-- > 0;) {
      if (cv.messages[k] >= store.messages.size()) continue;
      Message& m = store.messages[cv.messages[k]];
      if (m.sender != them) continue;
      if (m.note == kNoteUnjudged) {
        m.note = encode_note(classify_last_message(store.text(m.text), store.text(m.subject), c && c->connected));
        ++judged;
      }
      if (decode_note(m.note).kind != LastMessageKind::System) break;
    }
  }
  return judged;
}

}  // namespace rk
