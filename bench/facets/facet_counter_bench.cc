// The facet counter alone: for each query, the counting match the searcher
// runs (no weights, no collapsing, every document checked, as exact facets
// need) timed without a spy, with FacetCounter
// (ids in a flat array, read from the facet column and from Xapian's value
// slot) and with a counter of names as the searcher had
// before (decode the entity list, fold each name with ICU, count in a hash
// map). The differences divided by the matches are the cost per match.
//
// Usage: byline-facet-bench --db DIR [--runs N] QUERY...
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

#include "byline/entity.h"
#include "byline/facet_column.h"
#include "byline/schema.h"
#include "byline/search/facet_counter.h"

namespace {

using byline::EntityType;
namespace schema = byline::schema;

// The counting the searcher did before facet ids, for comparison.
class NameCounter : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override {
    for (auto& [type, name] :
         schema::DecodeEntityList(doc.get_value(schema::kSlotEntities))) {
      if (type == EntityType::kDate) continue;
      ++counts_[static_cast<int>(type)][byline::FoldName(name)];
    }
    const std::string day = doc.get_value(schema::kSlotPublished);
    if (!day.empty()) ++counts_[3][day];
  }

 private:
  std::unordered_map<std::string, size_t> counts_[4];
};

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path;
  int runs = 5;
  std::vector<std::string> queries;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) {
      db_path = argv[++i];
    } else if (a == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else {
      queries.push_back(a);
    }
  }
  if (db_path.empty() || queries.empty()) {
    std::fprintf(stderr, "usage: byline-facet-bench --db DIR [--runs N] QUERY...\n");
    return 2;
  }
  Xapian::Database db(db_path);
  Xapian::QueryParser parser;
  Xapian::Stem stemmer(schema::kStemLanguage);
  parser.set_database(db);
  parser.set_stemmer(stemmer);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  parser.add_prefix("", std::string(schema::kStemPrefix));
  const std::vector<EntityType> all(std::begin(byline::kAllEntityTypes),
                                    std::end(byline::kAllEntityTypes));
  const auto column = byline::FacetColumnReader::Open(db_path);
  if (!column || !column->InStep(db.get_revision())) {
    std::fprintf(stderr, "byline-facet-bench: %s has no facet column in step "
                 "with it; run byline-index on it once\n", db_path.c_str());
    return 2;
  }
  std::printf("| query | matches | no counter ms | ids, column ms | ids, values ms | "
              "names ms | column ns/match | values ns/match | names ns/match |\n"
              "|---|---|---|---|---|---|---|---|---|\n");
  double sum_ids = 0, sum_values = 0, sum_names = 0, sum_matches = 0;
  for (const std::string& q : queries) {
    const Xapian::Query query = parser.parse_query(q);
    std::vector<double> t[4];
    size_t matches = 0;
    for (int run = 0; run < runs; ++run) {
      for (int kind = 0; kind < 4; ++kind) {
        // As the searcher counts: a match of its own, no weights, no
        // collapsing, every match seen.
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        byline::FacetCounter ids({db}, all, false);
        if (kind == 1) ids.UseColumn(0, column.get());
        NameCounter names;
        if (kind == 1 || kind == 2) enquire.add_matchspy(&ids);
        if (kind == 3) enquire.add_matchspy(&names);
        const auto start = std::chrono::steady_clock::now();
        const Xapian::MSet mset = enquire.get_mset(0, 0, db.get_doccount());
        if (kind == 1 || kind == 2) {
          for (EntityType type : all) ids.Top(type, 10);
          matches = ids.seen();
        }
        t[kind].push_back(std::chrono::duration<double, std::milli>(
                              std::chrono::steady_clock::now() - start)
                              .count());
      }
    }
    const double base = Median(t[0]), with_ids = Median(t[1]),
                 with_values = Median(t[2]), with_names = Median(t[3]);
    const double per = matches ? 1e6 / static_cast<double>(matches) : 0;
    std::printf("| %s | %zu | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | %.0f |\n",
                q.c_str(), matches, base, with_ids, with_values, with_names,
                (with_ids - base) * per, (with_values - base) * per,
                (with_names - base) * per);
    sum_ids += with_ids - base;
    sum_values += with_values - base;
    sum_names += with_names - base;
    sum_matches += static_cast<double>(matches);
  }
  if (sum_matches > 0) {
    std::printf("\nover all queries: ids from the column %.0f ns/match, ids "
                "from Xapian values %.0f ns/match, names %.0f ns/match\n",
                sum_ids * 1e6 / sum_matches, sum_values * 1e6 / sum_matches,
                sum_names * 1e6 / sum_matches);
  }
  return 0;
}
