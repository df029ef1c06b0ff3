// The facet counter (FacetCounter, ids counted in a flat array) against a
// straightforward count: every matching passage fetched as a hit, its
// entities (kSlotEntities) and publication day (the article record) folded
// and counted by hand. Passage and per-article counts, several queries and
// filters, one database, a sharded one, two searched together, and a
// database where articles were indexed again.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "byline/entity.h"
#include "byline/facet_column.h"
#include "byline/schema.h"
#include "byline/search/facet_counter.h"
#include "byline/search/query_builder.h"
#include "support/index_fixture.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

bool ColumnInStep(const std::string& dir);

namespace fs = std::filesystem;

// "<type> <folded name or day>" -> count.
using CountMap = std::map<std::string, size_t>;

struct Request {
  std::string query;
  std::vector<std::string> filters;
  bool per_article = false;
};

std::vector<std::string> Describe(const Request& r) {
  std::vector<std::string> out{r.query};
  out.insert(out.end(), r.filters.begin(), r.filters.end());
  if (r.per_article) out.push_back("per article");
  return out;
}

SearchResults RunSearch(const std::vector<std::string>& dbs, SearchOptions options) {
  std::unique_ptr<Searcher> searcher;
  SearchResults results;
  Status s = Searcher::Open(dbs, &searcher);
  if (s.ok()) s = searcher->Search(options, &results);
  EXPECT_TRUE(s.ok()) << s.message();
  return results;
}

// The names the databases join (schema.h, kMergedKeysKey), read here
// with Xapian: facet key of an expansion -> facet key of its acronym.
std::map<std::string, std::string> Joins(const std::vector<std::string>& dbs) {
  std::map<std::string, std::string> joins;
  std::vector<std::string> parts;  // a sharded database's each shard
  for (const std::string& path : dbs) {
    if (!fs::exists(fs::path(path) / "XAPIANDB")) {
      parts.push_back(path);
      continue;
    }
    for (const auto& entry : fs::directory_iterator(path)) {
      if (fs::exists(entry.path() / "iamglass")) {
        parts.push_back(entry.path());
      }
    }
  }
  for (const std::string& path : parts) {
    const Xapian::Database db(path);
    for (const schema::JoinedName& j :
         schema::DecodeMergedKeys(db.get_metadata(schema::kMergedKeysKey))) {
      joins.emplace(j.from, j.to);
    }
  }
  return joins;
}

// Every matching passage as a hit, counted by hand.
CountMap Straightforward(const std::vector<std::string>& dbs,
                         const Request& r) {
  const std::map<std::string, std::string> joins = Joins(dbs);
  SearchOptions options;
  options.query = r.query;
  options.filters = r.filters;
  options.limit = 100000;
  options.all_copies = true;  // no collapsing: every match is a hit
  const SearchResults all = RunSearch(dbs, options);
  EXPECT_EQ(all.hits.size(), all.matches_lower_bound);
  CountMap counts;
  std::set<std::string> seen;  // "<article>\0<key>" with per_article
  const auto add = [&](const Hit& h, const std::string& key) {
    if (r.per_article && !seen.insert(h.article_id + '\0' + key).second) {
      return;
    }
    ++counts[key];
  };
  for (const Hit& h : all.hits) {
    std::set<std::string> mine;  // a passage counts each entity once
    for (const EntityRef& e : h.entities) {
      if (e.type == EntityType::kDate) continue;  // mentioned, no facet
      // A name the index joins to an acronym counts as the acronym.
      std::string key = schema::FacetKey(e.type, e.name);
      if (const auto j = joins.find(key); j != joins.end()) key = j->second;
      mine.insert(std::string(EntityTypeName(e.type)) + " " +
                  key.substr(schema::EntityPrefix(e.type).size()));
    }
    if (const std::string day = schema::PublicationDay(h.published);
        !day.empty()) {
      mine.insert("date " + day);
    }
    for (const std::string& key : mine) add(h, key);
  }
  return counts;
}

// The counter's counts, every facet of every type.
// `apart`: counted on a thread of its own while the hits are ranked (the
// default where there are two cores), or first, on the same thread.
// `range`: with `apart`, the documents per range that both threads count
// a union of terms in (0: the default, one range for the corpus).
CountMap Counted(const std::vector<std::string>& dbs, const Request& r,
                 size_t limit = 10, bool apart = true, size_t range = 0) {
  SearchOptions options;
  options.count_facets_apart = apart;
  options.facet_range_docs = range;
  options.query = r.query;
  options.filters = r.filters;
  options.limit = limit;
  options.per_article = r.per_article ? 1 : 0;
  options.facets.assign(std::begin(kAllEntityTypes),
                        std::end(kAllEntityTypes));
  options.facet_limit = 100000;
  const SearchResults results = RunSearch(dbs, options);
  EXPECT_TRUE(results.facets_exact);
  EXPECT_EQ(results.facets_count_articles, r.per_article);
  // A joined facet is listed under its expansion: keyed as the reference
  // keys it, by the acronym.
  const std::map<std::string, std::string> joins = Joins(dbs);
  CountMap counts;
  for (const auto& [type, list] : results.facets) {
    for (const FacetCount& c : list) {
      std::string joined = schema::FacetKey(type, c.name);
      if (const auto j = joins.find(joined); j != joins.end()) {
        joined = j->second;
      }
      const std::string key =
          std::string(EntityTypeName(type)) + " " +
          (type == EntityType::kDate
               ? c.name
               : joined.substr(schema::EntityPrefix(type).size()));
      EXPECT_EQ(counts.count(key), 0u) << key << " listed twice";
      counts[key] += c.count;
    }
  }
  return counts;
}

std::vector<Request> Requests() {
  std::vector<Request> out;
  for (const bool per_article : {false, true}) {
    out.push_back({"the", {}, per_article});
    out.push_back({"Stoltenberg missiles", {}, per_article});
    out.push_back({"storm OR harbour OR election", {}, per_article});
    out.push_back({"\"air defence\"", {}, per_article});
    out.push_back({"government", {"place:Poland|Norway"}, per_article});
    out.push_back({"person:\"Jens Stoltenberg\"", {}, per_article});
    out.push_back({"the", {"date:2024"}, per_article});
  }
  return out;
}

class FacetCountTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    IndexPaths(*dir_ / "one", {BYLINE_CORPUS_DIR});
    // The same articles in two databases searched together: txt and html
    // in one, JSON Lines and WARC in the other.
    const fs::path corpus = BYLINE_CORPUS_DIR;
    IndexPaths(*dir_ / "a", {corpus / "txt", corpus / "html"});
    IndexPaths(*dir_ / "b", {corpus / "jsonl", corpus / "warc"});
    IndexOptions options;
    options.db_path = *dir_ / "sharded";
    options.inputs = {BYLINE_CORPUS_DIR};
    options.shards = 3;
    options.split.min_words = 0;  // as IndexPaths indexes "one"
    RecordingReporter reporter;
    IndexSummary summary;
    const Status s = RunIndex(options, reporter, &summary);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db(const char* name) { return *dir_ / name; }
  static TempDir* dir_;

  void ExpectExact(const std::vector<std::string>& dbs) {
    size_t nonempty = 0;
    for (const Request& r : Requests()) {
      SCOPED_TRACE(::testing::PrintToString(Describe(r)));
      const CountMap expected = Straightforward(dbs, r);
      EXPECT_EQ(Counted(dbs, r, 10, true), expected);
      EXPECT_EQ(Counted(dbs, r, 10, false), expected);
      // Ranges of 1, 2 and 5 documents, taken by both threads: articles
      // cut where they start, counted once per article; counts merged.
      for (const size_t range : {1, 2, 5}) {
        EXPECT_EQ(Counted(dbs, r, 10, true, range), expected) << range;
      }
      nonempty += !expected.empty();
    }
    // The requests must find something to count.
    EXPECT_GE(nonempty, 12u);
  }
};
TempDir* FacetCountTest::dir_ = nullptr;

bool ColumnInStep(const std::string& dir) {
  const auto column = FacetColumnReader::Open(dir);
  return column && column->InStep(Xapian::Database(dir).get_revision());
}

TEST_F(FacetCountTest, OneDatabase) {
  // Counted from the facet column, which the indexer keeps in step.
  ASSERT_TRUE(ColumnInStep(db("one")));
  ExpectExact({db("one")});
}

TEST_F(FacetCountTest, WithoutTheColumnCountsFromTheValues) {
  TempDir dir;
  const fs::path copy = dir / "copy";
  fs::copy(db("one"), copy);
  // Out of step (as a crash between the column and the commit leaves it):
  // the header names no revision.
  {
    std::fstream idx(copy / kFacetColumnIndexFile,
                     std::ios::in | std::ios::out | std::ios::binary);
    idx.seekp(8);
    const char zero[8] = {};
    idx.write(zero, 8);
  }
  ASSERT_FALSE(ColumnInStep(copy));
  ExpectExact({copy});
  // Gone altogether.
  fs::remove(copy / kFacetColumnIndexFile);
  fs::remove(copy / kFacetColumnDataFile);
  ExpectExact({copy});
  // The next indexing run rebuilds it from the values.
  IndexPaths(copy, {BYLINE_CORPUS_DIR});
  ASSERT_TRUE(ColumnInStep(copy));
  ExpectExact({copy});
  EXPECT_EQ(Counted({copy}, {"the", {}, true}),
            Counted({db("one")}, {"the", {}, true}));
}

TEST_F(FacetCountTest, TwoDatabasesSearchedTogether) {
  ExpectExact({db("a"), db("b")});
  // Together they hold what one holds: the same facets for the same
  // query, merged by key although their ids differ.
  const Request all{"the", {}, false};
  EXPECT_EQ(Counted({db("a"), db("b")}, all), Counted({db("one")}, all));
}

TEST_F(FacetCountTest, ShardedDatabase) {
  ExpectExact({db("sharded")});
  const Request all{"the", {}, true};
  EXPECT_EQ(Counted({db("sharded")}, all), Counted({db("one")}, all));
}

TEST_F(FacetCountTest, ListsAreOrderedByCountThenName) {
  SearchOptions options;
  options.query = "the";
  options.facets.assign(std::begin(kAllEntityTypes),
                        std::end(kAllEntityTypes));
  options.facet_limit = 5;
  const SearchResults r = RunSearch({db("one")}, options);
  const CountMap all = Counted({db("one")}, {"the", {}, false});
  for (const auto& [type, list] : r.facets) {
    SCOPED_TRACE(EntityTypeName(type));
    ASSERT_FALSE(list.empty());
    EXPECT_LE(list.size(), 5u);
    for (size_t i = 1; i < list.size(); ++i) {
      EXPECT_TRUE(list[i - 1].count > list[i].count ||
                  (list[i - 1].count == list[i].count &&
                   list[i - 1].name < list[i].name))
          << list[i - 1].name << " before " << list[i].name;
    }
    // Nothing left out counts more than the last listed.
    size_t of_type = 0, above = 0;
    for (const auto& [key, count] : all) {
      if (!key.starts_with(std::string(EntityTypeName(type)) + " ")) continue;
      ++of_type;
      above += count > list.back().count;
    }
    EXPECT_EQ(list.size(), std::min<size_t>(5, of_type));
    EXPECT_LT(above, list.size());
  }
}

TEST_F(FacetCountTest, LimitZeroGivesCountsWithoutHits) {
  const Request r{"Stoltenberg missiles", {}, false};
  SearchOptions options;
  options.query = r.query;
  options.limit = 0;
  options.facets.assign(std::begin(kAllEntityTypes),
                        std::end(kAllEntityTypes));
  options.facet_limit = 100000;
  const SearchResults results = RunSearch({db("one")}, options);
  EXPECT_TRUE(results.hits.empty());
  EXPECT_GT(results.matches_lower_bound, 0u);
  EXPECT_EQ(results.matches_lower_bound, results.matches_upper_bound);
  EXPECT_EQ(Counted({db("one")}, r, 0), Straightforward({db("one")}, r));
}

// Small result sets are counted in a hash map, large ones in flat arrays
// (FacetCounter::kDenseAfter); the corpus is small, so the searcher's
// results above come from the map. The arrays must count the same, from
// the start or from the middle of a count.
TEST_F(FacetCountTest, FlatArraysCountAsTheMapDoes) {
  const Xapian::Database database(db("one"));
  size_t compared = 0;
  for (const Request& r : Requests()) {
    if (!r.filters.empty()) continue;
    SCOPED_TRACE(::testing::PrintToString(Describe(r)));
    QueryBuilder builder(database, QueryOptions());
    Xapian::Query query;
    ASSERT_TRUE(builder.Parse(r.query, &query).ok());
    const std::vector<EntityType> all(std::begin(kAllEntityTypes),
                                      std::end(kAllEntityTypes));
    // From the values and from the column (which counts in batches,
    // prefetched): in the map only, in arrays only, and moving from one to
    // the other after 7 passages, within a batch.
    std::map<std::pair<size_t, bool>, std::vector<std::vector<FacetCount>>>
        lists;
    const auto column = FacetColumnReader::Open(db("one"));
    ASSERT_TRUE(column);
    for (const bool from_column : {false, true}) {
      for (const size_t dense_after : {size_t{1000000}, size_t{0}, size_t{7}}) {
        FacetCounter counter({database}, all, r.per_article, dense_after);
        if (from_column) counter.UseColumn(0, column.get());
        Xapian::Enquire enquire(database);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.add_matchspy(&counter);
        enquire.get_mset(0, 0, database.get_doccount());
        auto& out = lists[{dense_after, from_column}];
        // Short lists first (the arrays' pass keeps only what can make
        // them, ties included), then every count.
        for (EntityType t : all) out.push_back(counter.Top(t, 2));
        for (EntityType t : all) out.push_back(counter.Top(t, 1000));
      }
    }
    // Two counters, each of part of the matches (cut where an article
    // starts), merged: in arrays, in maps, and one of each.
    std::vector<Xapian::docid> matches;
    {
      Xapian::Enquire enquire(database);
      enquire.set_query(query);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      enquire.set_docid_order(Xapian::Enquire::ASCENDING);
      const Xapian::MSet mset = enquire.get_mset(0, database.get_doccount());
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        matches.push_back(*it);
      }
    }
    size_t cut = matches.size() / 2;
    while (cut < matches.size()) {
      // Passages without facets have no value.
      std::string_view value = column->Get(matches[cut]);
      uint64_t passage = 1;
      if (schema::ReadVarint(&value, &passage) && passage == 0) break;
      ++cut;
    }
    for (const auto& [first_after, second_after] :
         {std::pair<size_t, size_t>{0, 0}, {1000000, 1000000}, {1000000, 0},
          {0, 1000000}}) {
      FacetCounter first({database}, all, r.per_article, first_after);
      FacetCounter second({database}, all, r.per_article, second_after);
      first.UseColumn(0, column.get());
      second.UseColumn(0, column.get());
      for (size_t i = 0; i < matches.size(); ++i) {
        (i < cut ? first : second).CountFromColumn(matches[i]);
      }
      first.Merge(second);
      auto& out = lists[{first_after * 10 + second_after + 1, true}];
      for (EntityType t : all) out.push_back(first.Top(t, 2));
      for (EntityType t : all) out.push_back(first.Top(t, 1000));
    }
    const auto& reference = lists[{1000000, false}];
    for (const auto& [how, list] : lists) {
      EXPECT_EQ(list, reference) << "dense after " << how.first
                                 << (how.second ? ", column" : ", values");
    }
    auto& lists0 = lists[{1000000, false}];
    compared += !lists0[4].empty();
  }
  EXPECT_GE(compared, 6u);
}

TEST(FacetCountReopenTest, ASearcherKeptOpenCountsTheRevisionItRanks) {
  // The facets are counted from databases of their own, opened again; a
  // commit made after the searcher opened must not give hits of one
  // revision and counts of another: the search starts again on the latest.
  TempDir dir;
  const fs::path corpus = BYLINE_CORPUS_DIR;
  const std::string path = dir / "db";
  IndexPaths(path, {corpus / "txt"});
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open({path}, &searcher).ok());
  SearchOptions options;
  options.query = "the";
  options.facets.assign(std::begin(kAllEntityTypes),
                        std::end(kAllEntityTypes));
  options.facet_limit = 100000;
  SearchResults before;
  ASSERT_TRUE(searcher->Search(options, &before).ok());
  IndexPaths(path, {corpus / "html", corpus / "jsonl"});  // a new commit
  SearchResults kept, fresh;
  ASSERT_TRUE(searcher->Search(options, &kept).ok());
  fresh = RunSearch({path}, options);
  EXPECT_GT(fresh.matches_lower_bound, before.matches_lower_bound);
  EXPECT_EQ(kept.matches_lower_bound, fresh.matches_lower_bound);
  EXPECT_EQ(kept.facets, fresh.facets);
  EXPECT_NE(kept.facets, before.facets);
}

TEST(FacetCountReindexTest, ArticlesIndexedAgainStayExact) {
  // Articles that change are written again; their passages must still
  // be counted once per article.
  TempDir dir;
  const fs::path in = dir / "in";
  fs::copy(fs::path(BYLINE_CORPUS_DIR) / "txt", in,
           fs::copy_options::recursive);
  IndexPaths(dir / "db", {in.string()});
  size_t changed = 0;
  for (const auto& entry : fs::directory_iterator(in)) {
    if (entry.path().extension() != ".txt" || changed == 3) continue;
    // A longer version of three articles.
    const std::string text = ReadFile(entry.path());
    WriteFile(entry.path(), text + "\nJens Stoltenberg met officials in "
                                   "Oslo and Warsaw, NATO said.\n");
    ++changed;
  }
  ASSERT_EQ(changed, 3u);
  IndexPaths(dir / "db", {in.string()});
  ASSERT_TRUE(ColumnInStep(dir / "db"));
  for (const Request& r : Requests()) {
    SCOPED_TRACE(::testing::PrintToString(Describe(r)));
    EXPECT_EQ(Counted({dir / "db"}, r), Straightforward({dir / "db"}, r));
  }
}

}  // namespace
}  // namespace byline::testing
