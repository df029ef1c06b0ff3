// "Did you mean": the indexer records the words of what it indexes as
// Xapian spelling data, and a search that finds little offers a corrected
// query when that finds more.
#include <gtest/gtest.h>
#include <xapian.h>

#include <sstream>
#include <string>

#include "byline/search/formatter.h"
#include "support/index_fixture.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

class SpellingTest : public CorpusDbTest {
 protected:
  static SearchResults Find(const std::string& query,
                            std::vector<std::string> filters = {}) {
    SearchOptions options;
    options.query = query;
    options.filters = std::move(filters);
    return SearchDb(db_, options);
  }
};

// How often the spelling data has seen `word` (0: never).
Xapian::doccount SpellingFrequency(const Xapian::Database& db,
                                   const std::string& word) {
  Xapian::TermIterator it = db.spellings_begin();
  it.skip_to(word);
  return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

TEST_F(SpellingTest, TheIndexHoldsItsWordsAsSpellingData) {
  const Xapian::Database db(db_);
  EXPECT_GT(SpellingFrequency(db, "stoltenberg"), 0u);
  EXPECT_GT(SpellingFrequency(db, "harbour"), 0u);
  EXPECT_EQ(SpellingFrequency(db, "stoltenbreg"), 0u);
  EXPECT_EQ(db.get_spelling_suggestion("stoltenbreg"), "stoltenberg");
}

TEST_F(SpellingTest, MisspeltQueryGetsACorrectionThatFinds) {
  const SearchResults r = Find("Stoltenbreg missles");
  EXPECT_TRUE(r.hits.empty());
  EXPECT_EQ(r.suggestion, "stoltenberg missiles");
  EXPECT_FALSE(Find(r.suggestion).hits.empty());
  EXPECT_EQ(Find("goverment").suggestion, "government");
}

TEST_F(SpellingTest, NoCorrectionWhenTheQueryFindsEnoughOrFieldsMisspell) {
  EXPECT_EQ(Find("harbour").suggestion, "");   // matches plenty
  EXPECT_EQ(Find("Stoltenberg").suggestion, "");
  // Field values are names, not corrected.
  EXPECT_EQ(Find("person:Stoltenbreg").suggestion, "");
  // A correction that would find no more is not offered: the filter
  // leaves nothing either way.
  EXPECT_EQ(Find("goverment", {"place:Atlantis"}).suggestion, "");
}

TEST_F(SpellingTest, OutputsSayDidYouMean) {
  const SearchResults r = Find("goverment");
  std::ostringstream text, json;
  MakeFormatter("text")->Write(r, text);
  MakeFormatter("json")->Write(r, json);
  EXPECT_EQ(text.str(),
            "No passages match \"goverment\".\nDid you mean \"government\"?\n");
  EXPECT_NE(json.str().find("\"suggestion\": \"government\""),
            std::string::npos)
      << json.str();
  std::ostringstream plain;
  MakeFormatter("json")->Write(Find("harbour"), plain);
  EXPECT_EQ(plain.str().find("suggestion"), std::string::npos);
}

}  // namespace
}  // namespace byline::testing
