#include "session.hpp"

#include "last_message.hpp"

#include <algorithm>
#include <chrono>

namespace rk {

void Session::set_today(Day d) {
  if (d == today) return;
  today = d;
  recompute();
}

void Session::recompute() {
  rejudge_pos_ = SIZE_MAX;  // everything is judged now
  store.reindex();
  evals = evaluate_all(store, today, false);
  search_.haystack.clear();
  search_pos_ = 0;
  ++revision;
  ++data_generation;
}

bool Session::build_search(double budget_ms) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::microseconds(int64_t(std::max(0.0, budget_ms) * 1000));
  const size_t n = store.contacts.size();
  if (search_pos_ > n || search_.haystack.size() != search_pos_) {  // the contacts changed underneath
    search_.haystack.clear();
    search_pos_ = 0;
  }
  if (search_pos_ == 0) search_.haystack.reserve(n);
  while (search_pos_ < n) {
    search_.haystack.push_back(search_text(store, store.contacts[search_pos_]));
    ++search_pos_;
    if ((search_pos_ & 63) == 0 && search_pos_ < n && Clock::now() > deadline) return false;
  }
  return true;
}

const SearchIndex& Session::search_index() {
  build_search(1e12);
  return search_;
}

void Session::touched(ContactId id) {
  int i = index_of(id);
  if (i >= 0) {
    evals[size_t(i)] = evaluate(store, store.contacts[size_t(i)], today, false);
    // (Contacts the index has not reached yet are built as they are.)
    if (size_t(i) < search_pos_) search_.haystack[size_t(i)] = search_text(store, store.contacts[size_t(i)]);
  }
  user_dirty = true;
  ++revision;
}

void Session::settings_changed() {
  rejudge_pos_ = SIZE_MAX;
  evals = evaluate_all(store, today, false);
  user_dirty = true;
  ++revision;
}

bool Session::start_import(std::vector<std::pair<std::string, std::string>> files) {
  // While stored message texts are still loading, an import would append to the wrong buffer.
  if (importing() || store.texts_pending) return false;
  importer = std::make_unique<Importer>(store, today);
  for (auto& f : files) importer->add_file(std::move(f.first), std::move(f.second));
  return true;
}

bool Session::begin_remote_import(bool restore) {
  // The worker imports on top of a copy of this Store, texts included.
  if (importing() || store.texts_pending) return false;
  remote = std::make_unique<RemoteImport>();
  remote->restore = restore;
  return true;
}

void Session::adopt_import(Store&& imported, ImportReport report) {
  if (!remote || rescoring_) return;
  last_report = std::move(report);
  has_report = true;
  imported.user = std::move(store.user);
  imported.settings = std::move(store.settings);
  adopt(std::move(imported));
}

void Session::adopt_restore(Store&& restored) {
  if (!remote || !remote->restore || rescoring_) return;
  adopt(std::move(restored));
}

void Session::adopt(Store&& next) {
  store = std::move(next);
  remote->progress = 1.0f;
  remote->phase = "Putting your network together";
  bulk_dirty = true;
  user_dirty = true;
  begin_rescoring();
  ++revision;  // the Store changed under the views (they draw nothing until the re-scoring ends)
}

void Session::end_remote_restore() {
  if (!remote || !remote->restore || rescoring_) return;
  remote.reset();
  ++revision;
}

void Session::end_remote_import(ImportReport report) {
  if (!remote || rescoring_) return;
  last_report = std::move(report);
  has_report = true;
  remote.reset();
  ++revision;
}

float Session::import_progress() const {
  if (importer) return importer->progress();
  return remote ? remote->progress : 0.0f;
}

std::string Session::import_phase() const {
  if (importer) return importer->phase();
  return remote ? remote->phase : std::string();
}

void Session::cancel_import() {
  if (importer) importer->cancel();
  else if (remote && !rescoring_) remote->cancel_requested = true;
}

void Session::begin_rescoring() {
  rejudge_pos_ = SIZE_MAX;  // the re-scoring judges everyone
  store.reindex();
  rescoring_ = true;
  score_pos_ = 0;
  next_evals_.clear();
  next_evals_.reserve(store.contacts.size());
  next_search_.haystack.clear();
  next_search_.haystack.reserve(store.contacts.size());
}

bool Session::pump_import(double budget_ms) {
  if (!importer && !rescoring_) return false;
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::microseconds(int64_t(std::max(0.0, budget_ms) * 1000));
  if (!rescoring_) {
    if (!importer->step(budget_ms)) return false;
    last_report = importer->report();
    has_report = true;
    if (!last_report.committed) {
      importer.reset();
      return true;
    }
    bulk_dirty = true;
    user_dirty = true;
    begin_rescoring();
    if (Clock::now() > deadline) return false;
  }
  // Evaluations and search text for every contact, a few hundred at a time.
  const size_t n = store.contacts.size();
  while (score_pos_ < n) {
    const Contact& c = store.contacts[score_pos_];
    next_evals_.push_back(evaluate(store, c, today, false));
    next_search_.haystack.push_back(search_text(store, c));
    ++score_pos_;
    if ((score_pos_ & 63) == 0 && score_pos_ < n && Clock::now() > deadline) return false;
  }
  evals.swap(next_evals_);
  search_.haystack.swap(next_search_.haystack);
  search_pos_ = search_.haystack.size();
  std::vector<Evaluation>().swap(next_evals_);
  std::vector<std::string>().swap(next_search_.haystack);
  rescoring_ = false;
  importer.reset();
  remote.reset();
  ++revision;
  ++data_generation;
  return true;
}

const std::vector<std::string>& Session::reasons(uint32_t index) const {
  if (reasons_revision_ != revision || reasons_today_ != today) {
    reasons_cache_.clear();
    reasons_revision_ = revision;
    reasons_today_ = today;
  }
  auto it = reasons_cache_.find(index);
  if (it != reasons_cache_.end()) return it->second;
  static const std::vector<std::string> kNone;
  if (index >= store.contacts.size() || finishing()) return kNone;
  if (reasons_cache_.size() > 4096) reasons_cache_.clear();
  return reasons_cache_.emplace(index, evaluate(store, store.contacts[index], today, true).reasons).first->second;
}

const std::vector<uint32_t>& Session::queue() const {
  if (queue_revision_ != revision) {
    queue_ = follow_up_queue(store, evals, &today_count_);
    queue_place_.assign(store.contacts.size(), 0);
    for (size_t k = 0; k < queue_.size(); ++k)
      if (queue_[k] < queue_place_.size()) queue_place_[queue_[k]] = uint32_t(k + 1);
    queue_revision_ = revision;
  }
  return queue_;
}

uint32_t Session::queue_place(uint32_t index) const {
  queue();
  return index < queue_place_.size() ? queue_place_[index] : 0;
}

size_t Session::today_count() const {
  queue();
  return today_count_;
}

void Session::texts_attached() {
  ++revision;         // the messages show their texts
  ++data_generation;  // (the font code rescans the text)
  // Data stored by a version that did not judge last messages at import: judged now, saved with
  // the data, and everyone re-judged a slice at a time.
  if (judge_last_messages(store) == 0) return;
  bulk_dirty = true;
  rejudge_pos_ = 0;
}

bool Session::rejudge(double budget_ms) {
  if (rejudge_pos_ == SIZE_MAX) return true;
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::microseconds(int64_t(std::max(0.0, budget_ms) * 1000));
  const size_t n = std::min(store.contacts.size(), evals.size());
  while (rejudge_pos_ < n) {
    evals[rejudge_pos_] = evaluate(store, store.contacts[rejudge_pos_], today, false);
    ++rejudge_pos_;
    if ((rejudge_pos_ & 63) == 0 && rejudge_pos_ < n && Clock::now() > deadline) return false;
  }
  rejudge_pos_ = SIZE_MAX;
  ++revision;
  return true;
}

Evaluation Session::eval_with_reasons(uint32_t index) const {
  Evaluation e = index < evals.size() ? evals[index] : Evaluation{};
  e.reasons = reasons(index);
  return e;
}

bool Session::finishing() const { return rescoring_ || (importer && importer->merging()); }

void Session::finish_now() {
  // (A remote import still running is left alone: until its result arrives the Store is whole.)
  while ((importer || rescoring_) && !pump_import(1e9)) {
  }
  rejudge(1e12);
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
