// What a conversation's last message is: an ordinary message, a closing note that owes no reply
// ("Thanks!", "Obrigada", "👍", "Sounds good"), or a row LinkedIn wrote itself ("Ana accepted your
// invitation", a sponsored message, an InMail). Scoring uses it so that a thread whose last word
// is a thank-you is not "awaiting your reply".
#pragma once

#include <cstdint>
#include <string_view>

namespace rk {

enum class LastMessageKind : uint8_t { Ordinary = 0, Closing, System };

struct LastMessageClass {
  LastMessageKind kind = LastMessageKind::Ordinary;
  // For Closing: what it is, to complete a sentence "Ana's last message was <what>":
  // "a thank-you", "an acknowledgement", "congratulations", "a goodbye", "an emoji reaction",
  // "a \"you're welcome\"". For System: "a LinkedIn notification", "a sponsored message", "an InMail".
  const char* what = "";
};

// `text`: the message body as stored (HTML already stripped by the importer, may be empty);
// `subject`: its subject (often empty). `sender_is_connection`: false for people outside the
// owner's connections (recruiters' InMail come from them).
// Conservative: anything with a question mark, longer than 80 characters, or with a word outside
// the closing tables (except a trailing name) is Ordinary. Cheap: texts over 320 bytes are never
// folded or tokenised.
LastMessageClass classify_last_message(std::string_view text, std::string_view subject,
                                       bool sender_is_connection);

}  // namespace rk
