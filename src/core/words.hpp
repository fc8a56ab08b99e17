// The words for dates, durations and counts, in one place so every view and every reason says
// the same thing the same way: "3 days ago" here is never "0 months ago" or "1 days ago" there.
#pragma once

#include <cstdint>
#include <string>

#include "model.hpp"

namespace rk {

// "4,215": thousands separated by commas.
std::string thousands(long long n);
// "1 event", "2 events", "4,215 connections".
std::string plural(long long n, const char* one, const char* many);

// A span of days in the one unit a person would use: "1 day", "30 days", "3 months", "2 years".
// Days up to 44, months (rounded) up to 17, then years (rounded). Negative spans count as positive.
std::string duration(int days);
// A day seen from today: "today", "yesterday", "tomorrow", "30 days ago", "in 2 months".
// "" for kNoDay.
std::string relative_day(Day d, Day today);
// The date and how long ago: "22 Jan 2023 (4 years ago)". "" for kNoDay.
std::string date_and_relative(Day d, Day today);
// "March 2025". "" for kNoDay.
std::string month_year(Day d);
// Seconds elapsed, for "Saved ...": "just now", "40 seconds ago", "1 minute ago", "3 hours ago".
std::string elapsed(double seconds);

}  // namespace rk

namespace rk {

// What was said in shared group conversations: "3 received in 2 group conversations",
// "1 sent and 3 received in a group conversation", "you share 2 group conversations".
std::string group_messages(int sent, int received, int conversations);
// Every count of messages with a contact, one-to-one and in groups, never contradicting the
// status: "12 sent, 9 received one-to-one", "No one-to-one message; 3 received in a group
// conversation", "No message either way".
std::string message_counts(int sent_1to1, int received_1to1, int sent_group, int received_group, int group_conversations);

}  // namespace rk
