// Cell meanings (see cells.hpp).
#include "core/cells.hpp"

#include "core/text.hpp"

namespace rk {

bool is_placeholder_cell(std::string_view v) {
  v = trim(v);
  if (v.size() < 2 || v.size() > 4) return false;
  for (const char* p : {"null", "n/a", "#n/a", "<na>", "na", "nan"})
    if (iequals_ascii(v, p)) return true;
  return false;
}

bool looks_like_url(std::string_view v) {
  v = trim(v);
  if (v.empty() || v.find(' ') != std::string_view::npos) return false;
  // A scheme: a letter, then letters, digits, '+', '-' or '.', then ':' and something.
  size_t i = 0;
  if ((v[0] | 0x20) >= 'a' && (v[0] | 0x20) <= 'z') {
    for (i = 1; i < v.size(); ++i) {
      const char c = v[i];
      const bool ok = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
                      c == '-' || c == '.';
      if (!ok) break;
    }
    if (i < v.size() && v[i] == ':' && i + 1 < v.size()) return true;
  }
  if (v.size() > 4 && iequals_ascii(v.substr(0, 4), "www.")) return true;
  // "linkedin.com/in/someone": a dotted host, then a path.
  const size_t slash = v.find('/');
  return slash != std::string_view::npos && slash > 0 && v.substr(0, slash).find('.') != std::string_view::npos &&
         v.find('@') == std::string_view::npos;
}

bool is_credential(std::string_view piece) {
  piece = trim(piece);
  if (piece.size() < 2 || piece.size() > 12 || piece.find(' ') != std::string_view::npos) return false;
  std::string k;  // lower case, dots dropped: "Ph.D." -> "phd"
  int upper = 0, lower = 0;
  for (char c : piece) {
    if (c == '.') continue;
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (c >= 'a' && c <= 'z') ++lower;
    else if (!(c >= '0' && c <= '9') && c != '-' && c != '&' && c != '(' && c != ')') return false;
    k.push_back(c >= 'A' && c <= 'Z' ? char(c + 32) : c);
  }
  static const char* const kKnown[] = {
      "phd", "md", "mba", "msc", "bsc", "ma", "ba", "ms", "bs", "jd", "esq", "jr", "sr", "ii", "iii", "iv",
      "cpa", "cfa", "cfp", "pmp", "csm", "cspo", "pe", "peng", "rn", "dds", "dvm", "pharmd", "edd", "mph",
      "cphr", "sphr", "sphri", "phr", "shrm-cp", "shrm-scp", "chrp", "chrl", "cipd", "mcipd", "fcipd",
      "cissp", "cism", "cisa", "itil", "safe", "acc", "pcc", "mcc", "cma", "acca", "fca", "aca", "llm",
      "msw", "lcsw", "frsa", "ceng", "mieee", "mba(c)"};
  for (const char* w : kKnown)
    if (k == w) return true;
  // "CPHR", "SHRM", "PMI-ACP": a short word in capitals is a credential, not a person.
  return lower == 0 && upper >= 2 && upper <= 6;
}

std::vector<std::string> split_names(std::string_view to, const std::function<bool(const std::string&)>& known) {
  std::vector<std::string> out;
  const std::string_view whole = trim(to);
  if (whole.empty()) return out;
  if (whole.find(',') == std::string_view::npos || known(fold(whole))) {
    out.emplace_back(whole);
    return out;
  }
  std::vector<std::string_view> pieces;
  for (size_t b = 0;;) {
    const size_t c = whole.find(',', b);
    pieces.push_back(whole.substr(b, c == std::string_view::npos ? std::string_view::npos : c - b));
    if (c == std::string_view::npos) break;
    b = c + 1;
  }
  // The span of `whole` from piece i to piece j (inclusive), commas and all.
  auto span = [&](size_t i, size_t j) {
    const size_t from = size_t(pieces[i].data() - whole.data());
    const size_t to_end = size_t(pieces[j].data() - whole.data()) + pieces[j].size();
    return trim(whole.substr(from, to_end - from));
  };
  // Whether the last name is a known person as it stands: a credential after it is that person's
  // ("Ann Lee, PMP" where Ann Lee is known) and is left out, so they are matched.
  bool last_known = false;
  for (size_t i = 0; i < pieces.size();) {
    size_t take = 0;
    for (size_t len = std::min<size_t>(6, pieces.size() - i); len >= 2 && !take; --len)
      if (known(fold(span(i, i + len - 1)))) take = len;
    if (take) {
      out.emplace_back(span(i, i + take - 1));
      last_known = true;
      i += take;
      continue;
    }
    const std::string_view piece = trim(pieces[i++]);
    if (piece.empty()) continue;
    if (!out.empty() && is_credential(piece)) {
      if (!last_known) {
        out.back() += ", ";
        out.back().append(piece.data(), piece.size());
        last_known = known(fold(out.back()));
      }
      continue;
    }
    out.emplace_back(piece);
    last_known = known(fold(piece));
  }
  return out;
}

}  // namespace rk
