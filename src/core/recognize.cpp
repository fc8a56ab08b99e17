// File recognition by header (see recognize.hpp).
#include "core/recognize.hpp"

#include <algorithm>

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

bool contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

// One column of a kind of file: the names it goes by (header_key() forms), whether a file of
// that kind must have it, and how to name it when it is optional and missing (null: not worth
// mentioning, like "ATTACHMENTS").
struct ColSpec {
  Col col;
  bool required;
  const char* shown;
  const char* keys[6];
};
struct KindSpec {
  FileKind kind;
  bool legacy;
  std::vector<ColSpec> cols;
};

// In the order they are tried: a header that could be two kinds is the first.
const std::vector<KindSpec>& kind_specs() {
  static const std::vector<KindSpec> kSpecs = {
      {FileKind::Messages, false,
       {{cConvId, true, nullptr, {"conversationid"}},
        {cConvTitle, false, nullptr, {"conversationtitle"}},
        {cFrom, true, nullptr, {"from"}},
        {cSenderUrl, false, "SENDER PROFILE URL", {"senderprofileurl", "senderurl"}},
        {cTo, true, nullptr, {"to"}},
        {cRecipientUrls, false, "RECIPIENT PROFILE URLS", {"recipientprofileurls", "recipientprofileurl", "recipienturls"}},
        {cDate, true, nullptr, {"date"}},
        {cSubject, false, nullptr, {"subject"}},
        {cContent, true, nullptr, {"content"}},
        {cFolder, false, nullptr, {"folder"}},
        {cMsgDraft, false, nullptr, {"ismessagedraft"}},
        {cConvDraft, false, nullptr, {"isconversationdraft"}}}},
      {FileKind::Messages, true,  // 2018: no conversation ids, no URLs
       {{cFrom, true, nullptr, {"from"}},
        {cTo, true, nullptr, {"to"}},
        {cDate, true, nullptr, {"date"}},
        {cSubject, false, nullptr, {"subject"}},
        {cContent, true, nullptr, {"content"}},
        {cDirection, true, nullptr, {"direction"}},
        {cFolder, false, nullptr, {"folder"}}}},
      {FileKind::Invitations, false,
       {{cFrom, true, nullptr, {"from"}},
        {cTo, true, nullptr, {"to"}},
        {cSentAt, true, nullptr, {"sentat", "datesent", "sentdate", "sent", "date"}},
        {cMessage, false, nullptr, {"message", "note"}},
        {cDirection, true, nullptr, {"direction"}},
        // LinkedIn-internal ids (URNs) in the newer form: no URL in them, but the same column.
        {cInviterUrl, false, "inviterProfileUrl", {"inviterprofileurl", "inviterprofileurn", "inviterurl"}},
        {cInviteeUrl, false, "inviteeProfileUrl", {"inviteeprofileurl", "inviteeprofileurn", "inviteeurl"}}}},
      {FileKind::EndorsementsReceived, false,
       {{cEndDate, true, nullptr, {"endorsementdate"}},
        {cSkill, true, nullptr, {"skillname"}},
        {cEFirst, true, nullptr, {"endorserfirstname"}},
        {cELast, false, "Endorser Last Name", {"endorserlastname"}},
        {cEUrl, false, "Endorser Public Url", {"endorserpublicurl", "endorserprofileurl"}},
        {cEStatus, false, nullptr, {"endorsementstatus"}}}},
      {FileKind::EndorsementsGiven, false,
       {{cEndDate, true, nullptr, {"endorsementdate"}},
        {cSkill, true, nullptr, {"skillname"}},
        {cEFirst, true, nullptr, {"endorseefirstname"}},
        {cELast, false, "Endorsee Last Name", {"endorseelastname"}},
        {cEUrl, false, "Endorsee Public Url", {"endorseepublicurl", "endorseeprofileurl"}},
        {cEStatus, false, nullptr, {"endorsementstatus"}}}},
      {FileKind::Connections, false,
       {{cFirst, true, nullptr, {"firstname"}},
        {cLast, true, nullptr, {"lastname"}},
        {cUrl, false, "URL", {"url", "profileurl", "linkedinurl", "publicprofileurl"}},
        {cEmail, false, "Email Address", {"emailaddress", "email", "emailaddresses"}},
        {cCompany, false, "Company", {"company", "companyname"}},
        {cPosition, false, "Position", {"position", "jobtitle"}},
        {cConnectedOn, true, nullptr, {"connectedon", "connectiondate", "dateconnected"}}}},
      {FileKind::RecommendationsReceived, false,  // or Given: see the file name
       {{cFirst, true, nullptr, {"firstname"}},
        {cLast, true, nullptr, {"lastname"}},
        {cCompany, false, nullptr, {"company"}},
        {cJobTitle, false, nullptr, {"jobtitle"}},
        {cText, true, nullptr, {"text"}},
        {cCreation, true, nullptr, {"creationdate"}},
        {cStatus, false, nullptr, {"status"}}}},
      {FileKind::Profile, false,
       {{cFirst, true, nullptr, {"firstname"}},
        {cLast, true, nullptr, {"lastname"}},
        {cHeadline, true, nullptr, {"headline"}}}},
  };
  return kSpecs;
}

int find_key(const std::vector<std::string>& keys, const ColSpec& c) {
  for (const char* k : c.keys) {
    if (!k) break;
    auto it = std::find(keys.begin(), keys.end(), k);
    if (it != keys.end()) return int(it - keys.begin());
  }
  return -1;
}

// The first kind whose required columns `keys` all has, with the columns found; null if none.
const KindSpec* match_kind(const std::vector<std::string>& keys, std::vector<int>& col) {
  for (const KindSpec& spec : kind_specs()) {
    col.assign(cCount, -1);
    bool ok = true;
    for (const ColSpec& c : spec.cols) {
      col[c.col] = find_key(keys, c);
      if (c.required && col[c.col] < 0) {
        ok = false;
        break;
      }
    }
    if (ok) return &spec;
  }
  col.clear();
  return nullptr;
}

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

std::string separator_order(std::string_view text) {
  text = text.substr(0, size_t(32) << 10);
  static const char kSeps[3] = {',', '\t', ';'};  // ties keep this order
  size_t best[3] = {0, 0, 0}, now[3] = {0, 0, 0};
  bool quoted = false, blank = true;
  int records = 0;
  for (size_t i = 0; i < text.size() && records < 8; ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;  // a doubled quote toggles twice: no harm
    if (quoted) continue;
    if (c == '\n' || c == '\r') {
      for (int k = 0; k < 3; ++k) best[k] = std::max(best[k], now[k]), now[k] = 0;
      records += blank ? 0 : 1;
      blank = true;
      continue;
    }
    blank = false;
    for (int k = 0; k < 3; ++k) now[k] += c == kSeps[k];
  }
  for (int k = 0; k < 3; ++k) best[k] = std::max(best[k], now[k]);
  std::string order(kSeps, 3);
  std::stable_sort(order.begin(), order.end(), [&](char a, char b) {
    auto at = [&](char c) { return best[c == ',' ? 0 : c == '\t' ? 1 : 2]; };
    return at(a) > at(b);
  });
  return order;
}

Recognition recognize(std::string_view name, std::string_view text) {
  Recognition r;
  std::string hint = name_key(name);
  std::vector<std::string_view> fields;
  std::string first_line;
  bool notes_preamble = false;
  const std::string seps = separator_order(text);
  r.sep_guess = seps[0];
  for (char sep : seps) {
    csv::Reader reader(text, sep, 1 << 16);
    for (int i = 0; i < 8; ++i) {
      csv::Status st = reader.next(fields);
      if (st == csv::Status::End) break;
      if (st == csv::Status::Error) continue;
      std::vector<std::string> keys;
      keys.reserve(fields.size());
      for (auto f : fields) keys.push_back(header_key(f));
      if (i == 0 && fields.size() >= 1 && keys[0] == "notes") notes_preamble = true;
      std::vector<int> col;
      const KindSpec* spec = match_kind(keys, col);
      if (!spec) continue;
      r.kind = spec->kind;
      if (r.kind == FileKind::RecommendationsReceived && contains(hint, "given")) {
        r.kind = FileKind::RecommendationsGiven;
      } else if (r.kind == FileKind::RecommendationsReceived && !contains(hint, "received")) {
        r.note = "the file name does not say \"Given\" or \"Received\": read as recommendations received";
      }
      for (const ColSpec& c : spec->cols)
        if (!c.required && c.shown && col[c.col] < 0) r.missing.emplace_back(c.shown);
      r.sep = sep;
      r.legacy_messages = spec->legacy;
      r.data_offset = reader.offset();
      r.data_line = reader.end_line();
      r.col = std::move(col);
      for (auto f : fields) r.header.emplace_back(trim(f));
      return r;
    }
  }
  if (notes_preamble && contains(hint, "connections")) {
    // Only the "Notes:" preamble: a Connections export without any connection.
    r.kind = FileKind::Connections;
    r.data_offset = text.size();
    r.col.assign(cCount, -1);
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
