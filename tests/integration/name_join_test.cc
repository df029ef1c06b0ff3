// Names joined across articles: an acronym one article pairs with its
// expansion ("the Nordic Fisheries Council (NFC)") makes the expansion's
// mentions in other articles the acronym's facet, in counts and filters
// (schema.h, kMergesKey). Made-up articles, indexed as byline-index does.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "byline/facet_column.h"
#include "byline/schema.h"
#include "byline/search/facet_counter.h"
#include "support/index_fixture.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

// The article that pairs them, one that writes the name out, one that
// writes the acronym only. Files are indexed in name order: the article
// that writes the name out comes before the pairing, so the join must
// reach passages indexed before it was made.
const char* const kPairing =
    "Fisheries talks resume in Bergen\n\n"
    "The Nordic Fisheries Council (NFC) met in Bergen on Tuesday to set "
    "quotas for the coming season.\n\n"
    "The NFC said the herring stock had recovered after three poor years.\n";
const char* const kWrittenOut =
    "Quota row deepens\n\n"
    "Fishermen in Tromso protested outside the offices of the Nordic "
    "Fisheries Council on Friday.\n\n"
    "A spokesman for the Nordic Fisheries Council declined to comment on "
    "the herring quotas.\n";
const char* const kAcronymOnly =
    "Herring season opens early\n\n"
    "The NFC opened the herring season early this year, boat owners in "
    "Alesund said.\n";
// Another body the same acronym stands for.
const char* const kOtherExpansion =
    "Navy buys new patrol boats\n\n"
    "The Northern Fleet Command (NFC) bought four patrol boats to guard "
    "the herring fleet.\n";

// Writes `files` (name, text) into tmp/in and indexes that folder into
// tmp/db (files are read in name order); returns the database.
std::string IndexArticles(
    const TempDir& tmp,
    const std::vector<std::pair<std::string, std::string>>& files) {
  for (const auto& [name, text] : files) WriteFile(tmp / ("in/" + name), text);
  const std::string db = tmp / "db";
  IndexPaths(db, {tmp / "in"});
  return db;
}

std::map<std::string, size_t> Orgs(const std::string& db,
                                   const std::string& query,
                                   std::vector<std::string> filters = {},
                                   size_t per_article = 0) {
  SearchOptions options;
  options.query = query;
  options.filters = std::move(filters);
  options.limit = 0;
  options.per_article = per_article;
  options.facets = {EntityType::kOrg};
  const SearchResults results = SearchDb(db, options);
  std::map<std::string, size_t> out;
  for (const auto& [type, list] : results.facets) {
    for (const FacetCount& c : list) out[c.name] = c.count;
  }
  return out;
}

size_t Matches(const std::string& db, const std::string& query) {
  SearchOptions options;
  options.query = query;
  options.limit = 100;
  options.all_copies = true;
  return SearchDb(db, options).hits.size();
}

TEST(NameJoinTest, AnAcronymPairedOnceJoinsTheNameInOtherArticles) {
  TempDir tmp;
  const std::string db = IndexArticles(tmp, {{"b-written-out.txt", kWrittenOut},
                                             {"c-pairing.txt", kPairing},
                                             {"d-acronym-only.txt", kAcronymOnly}});

  // Five passages name the council, two of them written out in an article
  // that never says "NFC": one facet, listed under the name written out.
  EXPECT_EQ(Orgs(db, "herring OR quotas OR council OR season"),
            (std::map<std::string, size_t>{{"Nordic Fisheries Council", 5}}));
  EXPECT_EQ(Orgs(db, "herring OR quotas OR council OR season", {}, 1),
            (std::map<std::string, size_t>{{"Nordic Fisheries Council", 3}}));
  // Either name filters for both.
  EXPECT_EQ(Matches(db, "org:NFC"), 5u);
  EXPECT_EQ(Matches(db, "org:\"Nordic Fisheries Council\""), 5u);
  EXPECT_EQ(Matches(db, "herring org:\"Nordic Fisheries Council\""), 3u);

  // What the index holds: the pairing, and the join by key and by id.
  const Xapian::Database x(db);
  const std::string acronym = schema::FacetKey(EntityType::kOrg, "NFC");
  const std::string name =
      schema::FacetKey(EntityType::kOrg, "Nordic Fisheries Council");
  EXPECT_EQ(x.get_metadata(schema::AcronymKey(acronym)),
            acronym + "\n" + name + "\tNordic Fisheries Council");
  EXPECT_EQ(schema::DecodeMergedKeys(x.get_metadata(schema::kMergedKeysKey)),
            (std::vector<schema::JoinedName>{
                {name, acronym, "Nordic Fisheries Council"}}));
  std::vector<std::pair<schema::FacetId, schema::FacetId>> ids;
  ASSERT_TRUE(schema::DecodeMerges(x.get_metadata(schema::kMergesKey), &ids));
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(ids[0].first, std::stoul(x.get_metadata(schema::FacetIdKey(name))));
  EXPECT_EQ(ids[0].second,
            std::stoul(x.get_metadata(schema::FacetIdKey(acronym))));
}

// A query naming the acronym boosts passages that write the name out,
// in articles that never use the acronym.
TEST(NameJoinTest, AQueryNamingOneNameBoostsTheOthers) {
  TempDir tmp;
  const std::string db = IndexArticles(
      tmp, {{"b-written-out.txt", kWrittenOut}, {"c-pairing.txt", kPairing}});
  SearchOptions options;
  options.query = "herring quotas of the NFC";
  options.limit = 10;
  options.explain = true;
  const SearchResults results = SearchDb(db, options);
  const std::string name =
      schema::FacetKey(EntityType::kOrg, "Nordic Fisheries Council");
  bool seen = false;
  for (const Hit& h : results.hits) {
    if (h.source.find("b-written-out") == std::string::npos) continue;
    ASSERT_TRUE(h.explanation);
    if (h.explanation->entities <= 0) continue;
    seen = true;
    ASSERT_FALSE(h.explanation->entity_terms.empty());
    EXPECT_EQ(h.explanation->entity_terms[0].term, name);
  }
  EXPECT_TRUE(seen) << "no passage of the article that writes the name out "
                       "was boosted";
}

// An acronym that two bodies share joins neither: each keeps its name.
TEST(NameJoinTest, AnAcronymOfTwoNamesJoinsNothing) {
  TempDir tmp;
  const std::string db = IndexArticles(
      tmp, {{"b-written-out.txt", kWrittenOut}, {"c-pairing.txt", kPairing}});
  // Every passage matches: each carries its article's headline words.
  EXPECT_EQ(Orgs(db, "herring OR quotas"),
            (std::map<std::string, size_t>{{"Nordic Fisheries Council", 4}}));
  // A later run meets the other body: the join is undone.
  IndexArticles(tmp, {{"e-other.txt", kOtherExpansion}});
  EXPECT_EQ(Orgs(db, "herring OR quotas"),
            (std::map<std::string, size_t>{{"NFC", 3},
                                           {"Nordic Fisheries Council", 2}}));
  EXPECT_EQ(Matches(db, "org:\"Nordic Fisheries Council\""), 2u);
  EXPECT_EQ(Xapian::Database(db).get_metadata(schema::kMergedKeysKey), "");
}

// A damaged joins entry (ids the database never gave) is left out: the
// counts are those without joins, and nothing is sized by the bad ids.
TEST(NameJoinTest, JoinsToIdsTheDatabaseNeverGaveAreLeftOut) {
  TempDir tmp;
  const std::string db = IndexArticles(
      tmp, {{"b-written-out.txt", kWrittenOut}, {"c-pairing.txt", kPairing}});
  {
    Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
    const schema::FacetId name = static_cast<schema::FacetId>(std::stoul(
        w.get_metadata(schema::FacetIdKey(schema::FacetKey(
            EntityType::kOrg, "Nordic Fisheries Council")))));
    w.set_metadata(schema::kMergesKey,
                   schema::EncodeMerges({{name, 4000000001u},
                                         {4000000005u, name}}));
    w.commit();
  }
  SearchOptions options;
  options.query = "herring OR quotas";
  options.limit = 0;
  options.facets = {EntityType::kOrg};
  const SearchResults results = SearchDb(db, options);
  ASSERT_EQ(results.facets.size(), 1u);
  // Unjoined: the acronym's facet (still listed under the expansion) and
  // the expansion's, two passages each.
  std::vector<size_t> counts;
  for (const FacetCount& c : results.facets.begin()->second) {
    EXPECT_EQ(c.name, "Nordic Fisheries Council");
    counts.push_back(c.count);
  }
  EXPECT_EQ(counts, (std::vector<size_t>{2, 2}));
}

// A passage naming both an acronym and the name joined to it counts once:
// the counter (FacetCounter) driven directly, from the values and from the
// column, in its map and in its flat arrays, by passage and by article.
TEST(NameJoinTest, APassageNamingBothCountsOnce) {
  TempDir tmp;
  const std::string db = IndexArticles(
      tmp, {{"c-pairing.txt", kPairing},
            {"f-both.txt",
             "Council meets again\n\n"
             "The Nordic Fisheries Council met again on Monday; the NFC "
             "said herring quotas would stay.\n"}});
  const Xapian::Database database(db);
  // The second article's passage names both, unjoined in the article.
  const std::string name =
      schema::FacetKey(EntityType::kOrg, "Nordic Fisheries Council");
  const std::string acronym = schema::FacetKey(EntityType::kOrg, "NFC");
  Xapian::Enquire both(database);
  both.set_query(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(name),
                               Xapian::Query(acronym)));
  ASSERT_EQ(both.get_mset(0, 10).size(), 1u);

  const auto column = FacetColumnReader::Open(db);
  ASSERT_TRUE(column);
  for (const bool from_column : {false, true}) {
    for (const size_t dense_after : {size_t{1000000}, size_t{0}}) {
      for (const bool per_article : {false, true}) {
        SCOPED_TRACE(::testing::Message()
                     << "column " << from_column << ", dense after "
                     << dense_after << ", per article " << per_article);
        FacetCounter counter({database}, {EntityType::kOrg}, per_article,
                             dense_after);
        if (from_column) counter.UseColumn(0, column.get());
        Xapian::Enquire enquire(database);
        enquire.set_query(Xapian::Query::MatchAll);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.add_matchspy(&counter);
        enquire.get_mset(0, 0, database.get_doccount());
        const std::vector<FacetCount> top = counter.Top(EntityType::kOrg, 10);
        ASSERT_EQ(top.size(), 1u);
        EXPECT_EQ(top[0].name, "Nordic Fisheries Council");
        EXPECT_EQ(top[0].count, per_article ? 2u : 3u);
      }
    }
  }
}

}  // namespace
}  // namespace byline::testing
