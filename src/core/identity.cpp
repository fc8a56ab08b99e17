// Identity keys (see identity.hpp).
#include "core/identity.hpp"

#include <cstdlib>
#include <vector>

#include <utf8proc.h>

#include "core/text.hpp"

namespace rk {

namespace {

int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() + 0 && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
      out.push_back(char(hexval(s[i + 1]) * 16 + hexval(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string lower(std::string_view s) {
  bool ascii = true;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
  if (!ascii && valid_utf8(s)) {
    std::string out;
    if (utf8proc_transform(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, out)) return out;
  }
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
  return out;
}
}  // namespace

std::string url_key(std::string_view url) {
  std::string_view u = trim(url);
  if (u.empty()) return "";
  if (starts_with(u, "urn:") || starts_with(u, "URN:")) return "";
  // Scheme.
  size_t scheme = u.find("://");
  if (scheme != std::string_view::npos && scheme < 10) u.remove_prefix(scheme + 3);
  else if (starts_with(u, "//")) u.remove_prefix(2);
  // Query and fragment.
  size_t q = u.find_first_of("?#");
  if (q != std::string_view::npos) u = u.substr(0, q);
  std::string s = lower(percent_decode(u));
  // Host and path.
  size_t slash = s.find('/');
  std::string host = s.substr(0, slash);
  std::string path = slash == std::string::npos ? "" : s.substr(slash + 1);
  size_t colon = host.find(':');
  if (colon != std::string::npos) host.resize(colon);
  if (starts_with(host, "www.")) host.erase(0, 4);
  bool linkedin = host == "linkedin.com" ||
                  (host.size() > 13 && host.compare(host.size() - 13, 13, ".linkedin.com") == 0);
  while (!path.empty() && path.back() == '/') path.pop_back();
  if (linkedin) {
    host = "linkedin.com";
    // "in/<id>[/anything]" -> "in/<id>"; keep other paths ("pub/...", "company/...") whole.
    if (path == "in" || path == "pub") return "";
    if (starts_with(path, "in/")) {
      size_t end = path.find('/', 3);
      if (end != std::string::npos) path.resize(end);
      if (path.size() <= 3) return "";
    }
  }
  if (host.empty()) return "";
  return path.empty() ? host : host + "/" + path;
}

std::string name_key(std::string_view first, std::string_view last) {
  std::string full(trim(first));
  std::string_view l = trim(last);
  if (!full.empty() && !l.empty()) full.push_back(' ');
  full.append(l.data(), l.size());
  return fold(full);
}

std::string name_key(std::string_view full_name) { return fold(full_name); }

void split_name(std::string_view full, std::string& first, std::string& last) {
  full = trim(full);
  size_t sp = full.find(' ');
  if (sp == std::string_view::npos) {
    first = std::string(full);
    last.clear();
  } else {
    first = std::string(full.substr(0, sp));
    last = std::string(trim(full.substr(sp + 1)));
  }
}

bool is_placeholder_name(std::string_view name) { return fold(name) == "linkedin member"; }

}  // namespace rk
