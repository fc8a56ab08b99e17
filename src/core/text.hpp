// Text helpers: encodings, HTML to plain text, Unicode folding for matching and search.
#pragma once

#include <string>
#include <string_view>

namespace rk {

// Turns raw file bytes into UTF-8: strips a UTF-8 BOM, converts UTF-16LE/BE (with BOM) and
// replaces invalid UTF-8 sequences with U+FFFD. Returns true if the bytes looked like text.
bool to_utf8(std::string_view bytes, std::string& out);
bool valid_utf8(std::string_view s);

// Plain text of a message body: tags removed (<br>, <p>, <div> become line breaks), entities
// decoded (&amp; &lt; &#39; &#x27; &nbsp; ...), runs of blank lines collapsed. Never interprets
// anything: the result is only ever displayed as text.
std::string html_to_text(std::string_view html);

// Case- and accent-insensitive key (NFKD, marks stripped, case folded, whitespace collapsed,
// trimmed), via utf8proc. fold("  Émilie  ÇA ") == fold("emilie ca").
std::string fold(std::string_view s);
// The same through utf8proc on the whole string (fold() caches per code point): for tests.
std::string fold_reference(std::string_view s);

// utf8proc_map() without its size-probing first pass (which does pointer arithmetic on a null
// buffer: undefined behaviour UBSan reports). `options` are utf8proc_option_t flags.
bool utf8proc_transform(std::string_view s, int options, std::string& out);

std::string_view trim(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool iequals_ascii(std::string_view a, std::string_view b);

}  // namespace rk
