// search_archive DB DIR QUERY...: indexes the articles under DIR into the
// Byline database DB (created if missing; files already indexed and
// unchanged are skipped), then searches it for QUERY and prints the best
// five passages and the people, organisations and places they name most.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "byline/index/indexer.h"
#include "byline/search/searcher.h"

namespace {

// Prints each file the indexer skips, and why.
class PrintingReporter : public byline::Reporter {
 public:
  void Skipped(std::string_view path, const byline::Status& status) override {
    std::cerr << "skipped " << path << ": " << status.message() << "\n";
  }
  void Warning(std::string_view path, std::string_view message) override {
    std::cerr << "warning " << path << ": " << message << "\n";
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: search_archive DB DIR QUERY...\n";
    return 2;
  }
  byline::IndexOptions index;
  index.db_path = argv[1];
  index.inputs = {argv[2]};
  index.ner_model = BYLINE_NER_MODEL_PATH;
  PrintingReporter reporter;
  byline::IndexSummary summary;
  if (byline::Status s = byline::RunIndex(index, reporter, &summary);
      !s.ok()) {
    std::cerr << "indexing failed: " << s.message() << "\n";
    return 2;
  }
  std::cout << "indexed " << summary.indexed << " articles, "
            << summary.passages << " passages (entity model "
            << index.ner_model << ")\n";

  byline::SearchOptions search;
  for (int i = 3; i < argc; ++i) {
    search.query += (i > 3 ? " " : "") + std::string(argv[i]);
  }
  search.limit = 5;
  search.facets = {byline::EntityType::kPerson, byline::EntityType::kOrg,
                   byline::EntityType::kPlace};
  std::unique_ptr<byline::Searcher> searcher;
  byline::SearchResults results;
  byline::Status s = byline::Searcher::Open({index.db_path}, &searcher);
  if (s.ok()) s = searcher->Search(search, &results);
  if (!s.ok()) {
    std::cerr << "search failed: " << s.message() << "\n";
    return 2;
  }
  std::cout << results.matches_estimated << " passages match \""
            << results.query << "\"\n";
  for (const byline::Hit& hit : results.hits) {
    std::cout << hit.rank << ". " << hit.title << " (passage " << hit.passage
              << ", score " << hit.score << ")\n   " << hit.snippet << "\n";
  }
  for (const auto& [type, counts] : results.facets) {
    std::cout << byline::EntityTypeName(type) << ":";
    for (const byline::FacetCount& c : counts) {
      std::cout << " " << c.name << " (" << c.count << ")";
    }
    std::cout << "\n";
  }
  return results.hits.empty() ? 1 : 0;
}
