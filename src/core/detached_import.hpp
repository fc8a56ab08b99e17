// An import on a copy of the data, for running somewhere else than the page's Session (in the
// browser, a Web Worker with its own instance of the engine, so the page never waits for it).
//
// The copy travels as bulk parts (serialize.hpp): the page's imported data goes in, the whole
// imported data comes back out, with the report. The page loads the result with load_bulk (its
// texts pending), hands it to Session::adopt_import, then attach_texts. User data and settings
// never travel: adopt_import keeps the page's own. Plain C++, tested natively: the result must
// equal an import done in place.
#pragma once

#include <memory>
#include <string>

#include "import.hpp"
#include "serialize.hpp"

namespace rk {

class DetachedImport {
 public:
  explicit DetachedImport(Day today, ImportLimits limits = {});
  ~DetachedImport();
  DetachedImport(const DetachedImport&) = delete;
  DetachedImport& operator=(const DetachedImport&) = delete;

  // The data to import on top of (save_bulk_parts of the page's Store). Before add_file/step;
  // false (and nothing changed) if the parts cannot be read.
  bool set_base(std::string&& bulk, std::string&& texts, std::string& error);
  void add_file(std::string name, std::string bytes);  // takes the bytes
  // About budget_ms of work; true once finished.
  bool step(double budget_ms);
  float progress() const;
  std::string phase() const;
  const ImportReport& report() const;
  // Once finished with report().committed: the imported data as bulk parts (format 3), made
  // here so the page only loads them. Frees the engine's copy.
  BulkParts take_result();

 private:
  Store store_;
  Day today_;
  ImportLimits limits_;
  std::unique_ptr<Importer> importer_;
};

}  // namespace rk
