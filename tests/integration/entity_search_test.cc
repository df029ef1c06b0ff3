// Entities end to end: index tests/data/entities with a stand-in tagger
// that knows the names in those articles, then check facets, filters (with
// and without accents) and the entity boost.
#include <gtest/gtest.h>

#include "support/index_fixture.h"
#include "support/list_tagger.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

using Ids = std::vector<std::string>;
using Counts = std::vector<FacetCount>;

}  // namespace
}  // namespace byline::testing

namespace byline {
// Readable failures for facet lists.
void PrintTo(const FacetCount& c, std::ostream* os) {
  *os << c.name << " (" << c.count << ")";
}
}  // namespace byline

namespace byline::testing {
namespace {

const ListTagger& Tagger() {
  static const ListTagger tagger({
      {"Jens Stoltenberg", NerType::kPerson},
      {"Stoltenberg", NerType::kPerson},
      {"Radosław Sikorski", NerType::kPerson},
      {"Laurynas Kasčiūnas", NerType::kPerson},
      {"Kasčiūnas", NerType::kPerson},
      {"Jonas Gahr Støre", NerType::kPerson},
      {"Jens Holm", NerType::kPerson},
      {"NATO", NerType::kOrg},
      {"Poland", NerType::kPlace},
      {"Ukraine", NerType::kPlace},
      {"Brussels", NerType::kPlace},
      {"Lithuania", NerType::kPlace},
      {"Vilnius", NerType::kPlace},
      {"Norway", NerType::kPlace},
      {"Oslo", NerType::kPlace},
      {"Bodø", NerType::kPlace},
  });
  return tagger;
}

class EntitySearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    IndexOptions options;
    options.db_path = db();
    options.inputs = {TestData("entities")};
    options.tagger = &Tagger();
    options.split.min_words = 0;  // a passage per paragraph, as written
    RecordingReporter reporter;
    IndexSummary summary;
    ASSERT_TRUE(RunIndex(options, reporter, &summary).ok());
    ASSERT_EQ(summary.indexed, 3u);
    ASSERT_EQ(summary.passages, 10u);
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return *dir_ / "db"; }

  static SearchResults Search(const std::string& query,
                              std::vector<std::string> filters = {},
                              double boost = QueryOptions().entity_boost,
                              size_t per_article = 0) {
    SearchOptions options;
    options.query = query;
    options.filters = std::move(filters);
    options.ranking.entity_boost = boost;
    options.per_article = per_article;
    options.facets = {EntityType::kPerson, EntityType::kOrg,
                      EntityType::kPlace, EntityType::kDate};
    return SearchDb(db(), options);
  }
  static TempDir* dir_;
};
TempDir* EntitySearchTest::dir_ = nullptr;

TEST_F(EntitySearchTest, FacetsCountMatchingPassagesExactly) {
  const SearchResults r = Search("missiles");
  // Passages with "missiles": alliance#1, alliance#2, lithuania#1,
  // lithuania#2 (the title word "missile" puts all passages of both
  // articles in: alliance#0..3, lithuania#0..2).
  EXPECT_EQ(r.matches_estimated, 7u);
  EXPECT_TRUE(r.facets_exact);
  EXPECT_EQ(r.facets.at(EntityType::kPerson),
            (Counts{{"Jens Stoltenberg", 2}, {"Laurynas Kasčiūnas", 2},
                    {"Radosław Sikorski", 1}}));
  EXPECT_EQ(r.facets.at(EntityType::kOrg), (Counts{{"NATO", 2}}));
  EXPECT_EQ(r.facets.at(EntityType::kPlace),
            (Counts{{"Vilnius", 2}, {"Brussels", 1}, {"Lithuania", 1},
                    {"Poland", 1}, {"Ukraine", 1}}));
  // The date facet counts publication dates (here from the datelines).
  EXPECT_EQ(r.facets.at(EntityType::kDate),
            (Counts{{"2024-07-16", 4}, {"2024-03-03", 3}}));
}

TEST_F(EntitySearchTest, FacetsCountArticlesWithPerArticle) {
  const SearchResults r = Search("missiles", {}, 1.0, 1);
  EXPECT_TRUE(r.facets_count_articles);
  EXPECT_EQ(r.facets.at(EntityType::kPerson),
            (Counts{{"Jens Stoltenberg", 1}, {"Laurynas Kasčiūnas", 1},
                    {"Radosław Sikorski", 1}}));
  EXPECT_EQ(r.facets.at(EntityType::kOrg), (Counts{{"NATO", 2}}));
}

TEST_F(EntitySearchTest, FiltersInTheQueryWithAndWithoutAccents) {
  EXPECT_EQ(HitIds(Search("missiles person:\"Jens Stoltenberg\"")),
            (Ids{"alliance#1", "alliance#3"}));
  EXPECT_EQ(HitIds(Search("person:\"Radoslaw Sikorski\"")),
            (Ids{"alliance#2"}));
  EXPECT_EQ(HitIds(Search("person:\"radosław SIKORSKI\"")),
            (Ids{"alliance#2"}));
  EXPECT_EQ(HitIds(Search("fisherman place:oslo")), Ids{});
  EXPECT_EQ(HitIds(Search("fisherman place:bodo")), (Ids{"norway#2"}));
  EXPECT_EQ(HitIds(Search("org:NATO")).size(), 2u);
}

TEST_F(EntitySearchTest, AnyOfAndAllOf) {
  // Same field: either. Different fields, or AND: both.
  // Oslo: norway#0 (dateline), #1; Vilnius: lithuania#0 (dateline), #2.
  EXPECT_EQ(HitIds(Search("place:Oslo place:Vilnius")).size(), 4u);
  EXPECT_EQ(HitIds(Search("place:Oslo AND place:Vilnius")), Ids{});
  EXPECT_EQ(HitIds(Search("org:NATO place:Vilnius")), (Ids{"lithuania#2"}));
  EXPECT_EQ(HitIds(Search("said", {"place:Oslo|Vilnius"})).size(), 2u);
  EXPECT_EQ(HitIds(Search("said", {"org:NATO", "place:Brussels"})),
            (Ids{"alliance#3"}));
}

TEST_F(EntitySearchTest, DateFiltersUseThePublicationDate) {
  EXPECT_EQ(HitIds(Search("date:2024-07-16")).size(), 4u);  // all of alliance
  EXPECT_EQ(HitIds(Search("date:2024-07")).size(), 4u);
  EXPECT_EQ(HitIds(Search("said date:2024-07-01..2024-07-31")),
            (Ids{"alliance#3", "alliance#1"}));
  EXPECT_EQ(HitIds(Search("date:2024-07-17..2024-07-31")), Ids{});
  EXPECT_EQ(HitIds(Search("date:2025")).size(), 3u);  // norway
  EXPECT_EQ(HitIds(Search("date:..2024-06")).size(), 3u);  // lithuania
  EXPECT_EQ(HitIds(Search("said", {"date:2024|2025"})).size(), 6u);
}

TEST_F(EntitySearchTest, MentionedDates) {
  EXPECT_EQ(HitIds(Search("mentioned:2024-07-12")), (Ids{"alliance#3"}));
  // "from 2025" and "4 February 2025".
  std::vector<std::string> year = HitIds(Search("mentioned:2025"));
  std::sort(year.begin(), year.end());
  EXPECT_EQ(year, (Ids{"lithuania#2", "norway#0"}));
  EXPECT_EQ(HitIds(Search("mentioned:2024-07-13..2024-07-31")),
            (Ids{"alliance#0"}));
}

TEST_F(EntitySearchTest, UnaccentedWordsFindAccentedOnes) {
  Ids found = HitIds(Search("Kasciunas"));
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (Ids{"lithuania#1", "lithuania#2"}));
  EXPECT_EQ(HitIds(Search("Bodo")), (Ids{"norway#2"}));
}

TEST_F(EntitySearchTest, EntityBoostRanksMentionsAboveSharedWords) {
  // Without the boost, "Jens" alone (a fisherman) competes with the
  // entity; with it, passages that mention Jens Stoltenberg, also as plain
  // "Stoltenberg", come first.
  EXPECT_EQ(HitIds(Search("Jens Stoltenberg", {}, 0)),
            (Ids{"alliance#1", "norway#1", "norway#2", "alliance#3"}));
  // alliance#3 says only "Stoltenberg"; the boost (its default weight)
  // lifts it above the fisherman's passage, which shares only the word
  // "Jens".
  EXPECT_EQ(HitIds(Search("Jens Stoltenberg")),
            (Ids{"alliance#1", "norway#1", "alliance#3", "norway#2"}));
}

TEST_F(EntitySearchTest, HitsCarryTheirEntities) {
  const SearchResults r = Search("Sikorski");
  ASSERT_EQ(r.hits.size(), 1u);
  // "Foreign Minister Radosław Sikorski had argued that Poland could ...":
  // each entity with where the passage names it.
  const std::string& text = r.hits[0].text;
  const size_t person = text.find("Radosław Sikorski");
  const size_t place = text.find("Poland");
  ASSERT_NE(person, std::string::npos);
  ASSERT_NE(place, std::string::npos);
  EXPECT_EQ(r.hits[0].entities,
            (std::vector<EntityRef>{
                {EntityType::kPerson,
                 "Radosław Sikorski",
                 {{person, person + std::string("Radosław Sikorski").size()}}},
                {EntityType::kPlace, "Poland", {{place, place + 6}}}}));
}

}  // namespace
}  // namespace byline::testing
