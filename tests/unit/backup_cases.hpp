// Backups damaged in every field, for the backup reader's tests: each case is a description and
// a document. test_backup.cpp holds the error each must give (recorded from the reader that
// parsed into a DOM, which the streaming one replaced: the messages must not change).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace rktest {

// A small backup with every field set.
inline const char* backup_base() {
  return R"({"app":"rekindle","format":1,"exported_at":1700000000,
"owner":{"first_name":"Olga","last_name":"Owner","url":"https://www.linkedin.com/in/olga","url_key":"olga","headline":"CTO"},
"next_id":4,"last_import":"2024-05-01","deleted_connections":2,
"contacts":[
{"id":1,"first_name":"Ana","last_name":"Lima","url":"https://www.linkedin.com/in/ana","url_key":"ana","email":"a@b.example",
 "company":"Acme","position":"Dev","connected_on":"2020-02-29","connected":true,"disconnected_on":null,"first_seen":"2024-05-01","conversations":[0,1],
 "invitations":[{"direction":"incoming","time":1700000000,"message":"hi"}],
 "endorsements":[{"direction":"outgoing","day":"2024-01-02","skill":"C++"}],
 "recommendations":[{"direction":"incoming","day":"2023-03-04","text":"great"}],
 "job_changes":[{"seen_on":"2024-05-01","old_company":"A","old_position":"B","new_company":"C","new_position":"D"}]},
{"id":3,"first_name":"Bo","last_name":"","url":"","url_key":"","email":"","company":"","position":"","connected_on":null,
 "connected":false,"disconnected_on":"2024-04-01","first_seen":null,"conversations":[1],"invitations":[],"endorsements":[],"recommendations":[],"job_changes":[]}],
"conversations":[
{"key":"c1","title":"","participants":[1],"group":false,"spam":false,"messages":[0,1]},
{"key":"c2","title":"Group","participants":[1,3],"group":true,"spam":true,"messages":[2]}],
"messages":[
{"conversation":0,"sender":1,"time":1700000000,"subject":"","text":"Hello"},
{"conversation":0,"sender":4294967295,"time":1700000100,"subject":"Re","text":"Hi back"},
{"conversation":1,"sender":3,"time":null,"subject":"","text":"group"}],
"user":{"1":{"note":"n","tags":["a"],"cadence_days":30,"next_follow_up":"2024-06-01","snoozed_until":null,"archived":false,
 "interactions":[{"day":"2024-05-02","kind":"met","note":"coffee"}]}},
"settings":{"default_cadence_days":60,"tag_cadence_days":{"a":14},
 "weights":{"recency":0.3,"frequency":0.2,"reciprocity":0.2,"depth":0.15,"ties":0.15},
 "theme":"dark","font_size":18,"queue_size":30,"layout_ini":"","templates":[{"name":"t","body":"Hi {first_name}"}]}})";
}

// Every field of backup_base() (as JSON pointers) set to values of the wrong type or out of
// range, and damage that only a whole document shows (key order, duplicates, missing parts).
inline std::vector<std::pair<std::string, std::string>> backup_cases() {
  using json = nlohmann::json;
  const json base = json::parse(backup_base());
  std::vector<std::pair<std::string, std::string>> out;
  std::vector<std::string> paths;
  // Every value in the document, containers included.
  std::vector<std::pair<std::string, const json*>> todo{{"", &base}};
  while (!todo.empty()) {
    auto [p, v] = todo.back();
    todo.pop_back();
    if (!p.empty()) paths.push_back(p);
    if (v->is_object())
      for (auto it = v->begin(); it != v->end(); ++it) todo.push_back({p + "/" + it.key(), &it.value()});
    else if (v->is_array())
      for (size_t i = 0; i < v->size(); ++i) todo.push_back({p + "/" + std::to_string(i), &(*v)[i]});
  }
  const json wrong[] = {json("x"), json(-1), json(1.5), json(true), json::object(), json::array({1}),
                        json(5000000000ll), json(nullptr)};
  for (const std::string& p : paths)
    for (const json& w : wrong) {
      json d = base;
      d[json::json_pointer(p)] = w;
      out.push_back({p + " = " + w.dump(), d.dump()});
    }
  for (const std::string& p : paths) {
    json d = base;
    json::json_pointer ptr(p);
    d[ptr.parent_pointer()].is_object() ? (void)d[ptr.parent_pointer()].erase(ptr.back())
                                        : (void)d[ptr.parent_pointer()].erase(std::stoul(ptr.back()));
    out.push_back({"without " + p, d.dump()});
  }
  // Whole-document damage, written by hand.
  const std::string b = backup_base();
  auto edit = [](std::string s, const std::string& what, const std::string& by) {
    s.replace(s.find(what), what.size(), by);
    return s;
  };
  auto replace = [&](const std::string& what, const std::string& by) { return edit(b, what, by); };
  auto at_end = [](std::string s, const std::string& add) { return s.insert(s.size() - 1, add); };
  out.push_back({"format last, newer", at_end(replace(R"("format":1,)", ""), R"(,"format":2)")});
  out.push_back({"format last, newer, contacts bad",
                 at_end(edit(replace(R"("format":1,)", ""), R"("id":1,)", R"("id":"1",)"), R"(,"format":2)")});
  out.push_back({"app last, wrong", at_end(replace(R"("app":"rekindle",)", ""), R"(,"app":"other")")});
  out.push_back({"duplicate format, last wins", replace(R"("format":1,)", R"("format":7,"format":1,)")});
  out.push_back({"duplicate app, last wrong", replace(R"("format":1,)", R"("format":1,"app":"x",)")});
  out.push_back({"messages before contacts, both bad",
                 edit(replace(R"("contacts":[)", R"("messages":[5],"contacts":[)"), R"("id":1,)", R"("id":"1",)")});
  out.push_back({"conversations before contacts, both bad",
                 edit(replace(R"("contacts":[)", R"("conversations":[{"key":5}],"contacts":[)"), R"("id":1,)", R"("id":"1",)")});
  out.push_back({"settings before owner, both bad", at_end(replace(R"("headline":"CTO")", R"("headline":5)"),
                                                           R"(,"settings":{"theme":1})")});
  out.push_back({"duplicate contacts, second empty", replace(R"("conversations":[
{"key")", R"("contacts":[],"conversations":[
{"key")")});
  out.push_back({"unknown keys everywhere", replace(R"("next_id":4,)", R"("zz":{"a":[1,{"b":null}]},"next_id":4,)")});
  out.push_back({"a top-level array", "[" + b + "]"});
  out.push_back({"a string", "\"rekindle\""});
  out.push_back({"trailing garbage", b + "x"});
  out.push_back({"two documents", b + b});
  out.push_back({"empty", ""});
  out.push_back({"deep nesting in a contact", replace(R"("id":3,)", R"("id":3,"deep":)" + std::string(100000, '[') +
                                                                       std::string(100000, ']') + ",")});
  out.push_back({"deep nesting as a contact", replace(R"({"id":3,)", std::string(100000, '[') + std::string(100000, ']') +
                                                                       R"(,{"id":3,)")});
  out.push_back({"unclosed deep nesting", replace(R"("id":3,)", R"("id":3,"deep":)" + std::string(100000, '['))});
  out.push_back({"huge number", replace(R"("next_id":4,)", R"("next_id":)" + std::string(5000, '9') + ",")});
  out.push_back({"huge number in a message", replace(R"("sender":3,)", R"("sender":)" + std::string(5000, '9') + ",")});
  out.push_back({"huge float", replace(R"("time":null)", R"("time":1e999999)")});
  out.push_back({"NaN", replace(R"("time":null)", R"("time":NaN)")});
  out.push_back({"raw control character in a string", replace(R"("text":"group")", "\"text\":\"gr\x01oup\"")});
  out.push_back({"invalid UTF-8 in a string", replace(R"("text":"group")", "\"text\":\"gr\xff" "oup\"")});
  out.push_back({"lone surrogate escape", replace(R"("text":"group")", R"("text":"\ud800")")});
  out.push_back({"message text too deep", replace(R"("text":"group")", R"("text":{"a":[[["x"]]]})")});
  out.push_back({"message field order reversed, two errors",
                 replace(R"({"conversation":1,"sender":3,"time":null,"subject":"","text":"group"})",
                         R"({"text":5,"subject":"","time":null,"sender":3,"conversation":"1"})")});
  out.push_back({"message duplicate key, last good", replace(R"("sender":3,)", R"("sender":"x","sender":3,)")});
  out.push_back({"message duplicate text, last null", replace(R"("text":"group")", R"("text":"group","text":null)")});
  return out;
}

}  // namespace rktest
