// Saving and loading the state.
//  - bulk: the imported data, compact binary, versioned; written once per import.
//  - user: UserData + Settings as JSON, versioned; small, written after each edit.
//  - backup: everything as one JSON document (the "Download backup" file and exportState()).
// Loading never half-applies: on any error the target Store is left untouched.
#pragma once

#include <string>
#include <string_view>

#include "model.hpp"

namespace rk {

constexpr int kBulkFormat = 1;
constexpr int kUserFormat = 1;
constexpr int kBackupFormat = 1;

std::string save_bulk(const Store& s);
bool load_bulk(std::string_view data, Store& s, std::string& error);

std::string save_user(const Store& s);  // user data + settings
bool load_user(std::string_view json, Store& s, std::string& error);

std::string export_backup(const Store& s);
bool import_backup(std::string_view json, Store& s, std::string& error);

}  // namespace rk
