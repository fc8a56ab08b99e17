// The word tables behind classify_last_message() (closing.cpp): closing phrases, LinkedIn's
// system rows and sponsored labels, in English, Spanish, Portuguese, French, German, Italian and
// Dutch. Data only; closing.cpp explains the phrase syntax and how the tables are matched.
#pragma once

#include <cstddef>
#include <cstdint>

namespace rk::closing_tables {

// The kinds of closing phrase, in rising priority: a message mixing several ("Ok, thanks!") is
// described by the highest ("a thank-you").
enum class Cat : uint8_t { Ack = 0, Goodbye, Thanks, Welcome, Congrats };
constexpr int kCatCount = 5;

// Where a phrase may stand. Head: anywhere. Follow: only after another phrase (words that are also
// greetings: "ciao", "salut", "dag"). ThanksTail / CongratsTail: only right after a thank-you or a
// congratulation, or after such a phrase and a name ("so much", "for the intro", "on the new role").
enum class Role : uint8_t { Head = 0, Follow, ThanksTail, CongratsTail };

struct Entry {
  Cat cat;
  Role role;
  const char* phrases;  // '|'-separated; "(a|b|)" expands to a, b or nothing
};
extern const Entry kClosing[];
extern const size_t kClosingCount;

// LinkedIn's own rows, as whole messages: word patterns where '*' stands for a name (1 to 6
// capitalised words or name particles), with the same "(a|b|)" alternation.
extern const char* const kSystemRows[];
extern const size_t kSystemRowCount;

// LinkedIn's sponsored-message labels: a line of the text, or the whole subject (or its part
// before ':' / '|' / '-'), that is exactly one of these marks a sponsored message.
extern const char* const kSponsoredLabels[];
extern const size_t kSponsoredLabelCount;

// Capitalised words that are never taken for a trailing name ("Ok, Montag Nachmittag" proposes a
// time): weekdays and time words.
extern const char* const kNotNames;

}  // namespace rk::closing_tables
