// File recognition by header (see recognize.hpp).
#include "core/recognize.hpp"

#include <algorithm>
#include <initializer_list>

#include "core/csv.hpp"
#include "core/text.hpp"

namespace rk {

std::string_view base_name(std::string_view path) {
  size_t p = path.find_last_of("/\\");
  return p == std::string_view::npos ? path : path.substr(p + 1);
}

std::string header_key(std::string_view cell) {
  std::string k;
  k.reserve(cell.size());
  for (char c : cell) {
    if (c >= 'A' && c <= 'Z') k.push_back(char(c + 32));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) k.push_back(c);
  }
  return k;
}

namespace {

std::string name_key(std::string_view name) {
  name = base_name(name);
  size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) name = name.substr(0, dot);
  return header_key(name);
}

bool has_all(const std::vector<std::string>& keys, std::initializer_list<const char*> want) {
  for (const char* w : want)
    if (std::find(keys.begin(), keys.end(), w) == keys.end()) return false;
  return true;
}

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

}  // namespace

bool known_unused_name(std::string_view name) {
  static const char* const kUnused[] = {
      "positions", "skills", "education", "registration", "adtargeting", "emailaddresses",
      "learning", "richmedia", "phonenumbers", "languages", "certifications", "companyfollows",
      "courses", "honors", "inferencesaboutyou", "memberfollows", "projects", "publications",
      "receipts", "receiptsv2", "savedjobalerts", "saveditems", "searchqueries", "shares",
      "comments", "reactions", "votes", "jobapplications", "events", "causesyoucareabout",
      "patents", "testscores", "volunteering", "organizations", "logins", "securitychallenges",
      "importedcontacts", "contacts", "hashtagfollows", "groups", "privateidentityasset",
      "jobseekerpreferences", "onlinecourses", "verifications", "guidemessages",
      "learningcoachmessages", "learningcoachsessions", "learningrolemessages",
      "whatsappphonenumbers", "servicesmarketplace", "providers", "savedjobs",
      "jobapplicantsavedanswers", "jobapplicantsavedscreeningquestionresponses",
      "instantmessengers", "twitterhandles", "websites", "profilesummary", "endorsementreceived",
      "companyfollowed", "coachmessages", "savedanswers", "screeningquestionresponses",
      "articles", "marketingemails", "alumni", "sharesv2", "postsandcomments", "storypost",
      "inferences", "adsclicked", "lanadsengagement", "memberfollowsv2", "merchantprofile",
      "paymentaccounts", "productreviews", "profilevisibility", "recommendationsrequested",
      "invitationsnotsent", "emailaddress", "phone", "jobs", "savedjobsearches",
      "applicationsforjobs", "companies", "schools", "skillsendorsements", "nameandaddress"};
  std::string k = name_key(name);
  for (const char* u : kUnused)
    if (k == u) return true;
  return false;
}

Recognition recognize(std::string_view name, std::string_view text) {
  Recognition r;
  std::string hint = name_key(name);
  std::vector<std::string_view> fields;
  std::string first_line;
  bool notes_preamble = false;
  for (char sep : {',', '\t', ';'}) {
    csv::Reader reader(text, sep, 1 << 16);
    for (int i = 0; i < 8; ++i) {
      csv::Status st = reader.next(fields);
      if (st == csv::Status::End) break;
      if (st == csv::Status::Error) continue;
      std::vector<std::string> keys;
      keys.reserve(fields.size());
      for (auto f : fields) keys.push_back(header_key(f));
      if (i == 0 && sep == ',' && fields.size() == 1 && keys[0] == "notes") notes_preamble = true;
      FileKind k = FileKind::Unknown;
      bool legacy = false;
      if (has_all(keys, {"conversationid", "from", "to", "date", "content"})) {
        k = FileKind::Messages;
      } else if (has_all(keys, {"from", "to", "date", "content", "direction"})) {
        k = FileKind::Messages;
        legacy = true;
      } else if (has_all(keys, {"from", "to", "sentat", "direction"})) {
        k = FileKind::Invitations;
      } else if (has_all(keys, {"endorsementdate", "skillname", "endorserfirstname"})) {
        k = FileKind::EndorsementsReceived;
      } else if (has_all(keys, {"endorsementdate", "skillname", "endorseefirstname"})) {
        k = FileKind::EndorsementsGiven;
      } else if (has_all(keys, {"firstname", "lastname", "connectedon"})) {
        k = FileKind::Connections;
      } else if (has_all(keys, {"firstname", "lastname", "text", "creationdate"})) {
        if (contains(hint, "given")) {
          k = FileKind::RecommendationsGiven;
        } else {
          k = FileKind::RecommendationsReceived;
          if (!contains(hint, "received"))
            r.note = "the file name does not say \"Given\" or \"Received\": read as recommendations received";
        }
      } else if (has_all(keys, {"firstname", "lastname", "headline"})) {
        k = FileKind::Profile;
      }
      if (k != FileKind::Unknown) {
        r.kind = k;
        r.sep = sep;
        r.legacy_messages = legacy;
        r.data_offset = reader.offset();
        r.data_line = reader.end_line();
        for (auto f : fields) r.header.emplace_back(trim(f));
        return r;
      }
    }
  }
  if (notes_preamble && contains(hint, "connections")) {
    // Only the "Notes:" preamble: a Connections export without any connection.
    r.kind = FileKind::Connections;
    r.data_offset = text.size();
    r.note = "no header line after the Notes: preamble";
    return r;
  }
  if (known_unused_name(name)) {
    r.kind = FileKind::Unused;
    return r;
  }
  {
    std::string_view t = trim(text);
    size_t nl = t.find_first_of("\r\n");
    first_line = std::string(t.substr(0, std::min<size_t>(nl, 60)));
    if (first_line.size() < t.size() && first_line.size() == 60) first_line += "...";
  }
  if (trim(text).empty()) {
    r.reason = "the file is empty";
  } else {
    r.reason = "not a LinkedIn export file Rekindle knows (its first line starts \"" + first_line + "\")";
  }
  return r;
}

}  // namespace rk
