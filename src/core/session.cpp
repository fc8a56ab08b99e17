#include "session.hpp"

namespace rk {

void Session::set_today(Day d) {
  if (d == today) return;
  today = d;
  recompute();
}

void Session::recompute() {
  store.reindex();
  evals = evaluate_all(store, today);
  search.rebuild(store);
  ++revision;
  ++data_generation;
}

void Session::touched(ContactId id) {
  int i = index_of(id);
  if (i >= 0) {
    evals[size_t(i)] = evaluate(store, store.contacts[size_t(i)], today);
    search.update(store, uint32_t(i));
  }
  user_dirty = true;
  ++revision;
}

void Session::settings_changed() {
  evals = evaluate_all(store, today);
  user_dirty = true;
  ++revision;
}

bool Session::start_import(std::vector<std::pair<std::string, std::string>> files) {
  if (importer) return false;
  importer = std::make_unique<Importer>(store, today);
  for (auto& f : files) importer->add_file(std::move(f.first), std::move(f.second));
  return true;
}

bool Session::pump_import(double budget_ms) {
  if (!importer) return false;
  if (!importer->step(budget_ms)) return false;
  last_report = importer->report();
  has_report = true;
  importer.reset();
  if (last_report.committed) {
    bulk_dirty = true;
    user_dirty = true;
    recompute();
  }
  return true;
}

const Evaluation* Session::eval_of(ContactId id) const {
  int i = index_of(id);
  return i < 0 ? nullptr : &evals[size_t(i)];
}

int Session::index_of(ContactId id) const {
  auto it = store.index.find(id);
  return it == store.index.end() ? -1 : int(it->second);
}

}  // namespace rk
