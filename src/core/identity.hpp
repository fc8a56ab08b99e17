// Who is who: keys that match the same person across files and across imports.
#pragma once

#include <string>
#include <string_view>

namespace rk {

// Normalised profile URL: scheme, "www."/country/mobile sub-domains, case, trailing slash,
// query, fragment and percent-encoding removed; LinkedIn profiles become "linkedin.com/in/<id>"
// whatever the form ("https://www.linkedin.com/in/Jane-Doe/?x=1", "www.linkedin.com/in/jane-doe",
// "linkedin.com/in/jane%2Ddoe/en"). "" for an empty or unusable value (e.g. a URN).
std::string url_key(std::string_view url);

// Folded "first last" (see fold()); "" when both are empty.
std::string name_key(std::string_view first, std::string_view last);
std::string name_key(std::string_view full_name);

// Splits a full name "Jane van Doe" into first ("Jane") and last ("van Doe") at the first space.
void split_name(std::string_view full, std::string& first, std::string& last);

// "LinkedIn Member": the placeholder LinkedIn writes for people who left or hid their profile.
bool is_placeholder_name(std::string_view name);

}  // namespace rk
