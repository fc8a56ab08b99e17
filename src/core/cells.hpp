// What a cell of an export holds, beyond its text: a spreadsheet's placeholder for "nothing",
// something that is (or is not) a URL, a list of people's names.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rk {

// "NULL", "N/A", "#N/A", "<NA>", "NA", "nan" in any case (spaces around ignored): what spreadsheet
// programs and data tools write into an empty cell when they re-save a file.
bool is_placeholder_cell(std::string_view v);

// Whether a non-empty cell of a URL column can be a URL at all: a scheme ("https://", "urn:",
// "javascript:" too: such values are kept and never opened), "www.", or a host and a path.
// A name, a company or a date there means the row's columns have shifted.
bool looks_like_url(std::string_view v);

// A name piece that is a credential or suffix rather than a person: "PhD", "CPHR", "PMP", "Jr.",
// "SHRM-CP", "MBA"; also any short all-capitals word (2 to 6 letters).
bool is_credential(std::string_view piece);

// Splits a TO cell that has no profile URLs beside it into people's names. Commas separate
// people but also sit inside names ("Femi O SPHRi, CPHR", "Lee, PhD", "Smith, John"): pieces
// stay together where together they are one known person (`known` is asked about folded names,
// see fold()), and a piece that is only a credential stays with the name before it.
std::vector<std::string> split_names(std::string_view to, const std::function<bool(const std::string&)>& known);

}  // namespace rk
