#include "detached_import.hpp"

#include <utility>

namespace rk {

DetachedImport::DetachedImport(Day today, ImportLimits limits) : today_(today), limits_(limits) {}
DetachedImport::~DetachedImport() = default;

bool DetachedImport::set_base(std::string&& bulk, std::string&& texts, std::string& error) {
  if (importer_) {  // files added or work begun: too late
    error = "the import has already started";
    return false;
  }
  Store base;
  if (!load_bulk(std::move(bulk), base, error)) return false;
  if (base.texts_pending && !attach_texts(std::move(texts), base, error)) return false;
  store_ = std::move(base);
  return true;
}

void DetachedImport::add_file(std::string name, std::string bytes) {
  if (!importer_) importer_ = std::make_unique<Importer>(store_, today_, limits_);
  importer_->add_file(std::move(name), std::move(bytes));
}

bool DetachedImport::step(double budget_ms) {
  if (!importer_) importer_ = std::make_unique<Importer>(store_, today_, limits_);
  return importer_->step(budget_ms);
}

float DetachedImport::progress() const { return importer_ ? importer_->progress() : 0.0f; }
std::string DetachedImport::phase() const { return importer_ ? importer_->phase() : std::string("Starting the import"); }

const ImportReport& DetachedImport::report() const {
  static const ImportReport kNone;
  return importer_ ? importer_->report() : kNone;
}

BulkParts DetachedImport::take_result() {
  BulkParts parts = save_bulk_parts(store_);
  Store().texts.swap(store_.texts);  // the biggest part of the copy, no longer needed
  store_ = Store{};
  return parts;
}

}  // namespace rk
