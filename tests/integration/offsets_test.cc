// Byte offsets in hits: the words a query matched (Hit::highlights) and
// where the passage names each of its entities (EntityRef::spans), checked
// against the passage text of corpus/ hits; and a database whose passages
// lack the mention slot (indexed before it existed) still searches.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "byline/entity.h"
#include "byline/schema.h"
#include "byline/text.h"
#include "support/index_fixture.h"
#include "support/test_support.h"

namespace byline::testing {
namespace {

std::set<std::string> Words(const std::string& folded) {
  std::set<std::string> out;
  for (const std::string_view w : Split(folded, ' ')) out.emplace(w);
  return out;
}

using OffsetsTest = CorpusDbTest;

TEST_F(OffsetsTest, HighlightsAreTheMatchedWordsOfTheText) {
  const Xapian::Stem stem(schema::kStemLanguage);
  size_t highlights = 0;
  for (const std::string query :
       {"ferry strike", "Stoltenberg missiles", "rail heat", "\"air defence\"",
        "zurich"}) {
    SearchOptions options;
    options.query = query;
    options.limit = 20;
    const SearchResults r = SearchDb(db_, options);
    ASSERT_FALSE(r.hits.empty()) << query;
    std::string folded = FoldName(query);
    std::erase(folded, '"');
    std::set<std::string> stems;
    for (const std::string& w : Words(folded)) stems.insert(stem(w));
    for (const Hit& hit : r.hits) {
      size_t previous_end = 0;
      for (const Span& s : hit.highlights) {
        ASSERT_LT(s.start, s.end);
        ASSERT_LE(s.end, hit.text.size());
        EXPECT_LE(previous_end, s.start);
        previous_end = s.end;
        // A word, or a phrase's words ("air-defence" for "air defence").
        const std::string said = hit.text.substr(s.start, s.end - s.start);
        std::string words = FoldName(said);
        std::replace(words.begin(), words.end(), '-', ' ');
        for (const std::string& w : Words(words)) {
          EXPECT_TRUE(stems.count(stem(w)))
              << query << ": '" << said << "' highlighted in " << hit.text;
        }
        ++highlights;
      }
      // The snippet marks a word only where the text has it highlighted.
      if (hit.snippet.find("<b>") != std::string::npos) {
        EXPECT_FALSE(hit.highlights.empty()) << hit.snippet;
      }
    }
  }
  EXPECT_GT(highlights, 20u);
}

TEST_F(OffsetsTest, EntitySpansNameTheEntityInTheText) {
  size_t spans = 0, entities = 0;
  for (const std::string query : {"the", "said", "minister", "ferry"}) {
    SearchOptions options;
    options.query = query;
    options.limit = 100;
    for (const Hit& hit : SearchDb(db_, options).hits) {
      for (const EntityRef& e : hit.entities) {
        ++entities;
        // Every entity of the passage is named in it (title mentions are
        // not passage entities).
        EXPECT_FALSE(e.spans.empty())
            << e.name << " has no span in: " << hit.text;
        for (const Span& s : e.spans) {
          ASSERT_LT(s.start, s.end);
          ASSERT_LE(s.end, hit.text.size());
          ++spans;
          const std::string said = hit.text.substr(s.start, s.end - s.start);
          if (e.type == EntityType::kDate) continue;  // "16 July 2024"
          // The words as written are the name's, or a short form of it
          // ("Stoltenberg" for "Jens Stoltenberg", "NATO" for itself).
          const std::set<std::string> name = Words(FoldName(e.name));
          bool shared = false;
          for (const std::string& w : Words(FoldName(said))) {
            shared |= name.count(w) > 0;
          }
          // Or the name is the acronym the text spells out ("Swiss
          // National Bank" for SNB), capitals or capitals with a lowercase
          // letter or two in an agency's own language ("Federal Institute
          // of Hydrology" for BfG).
          const auto upper = std::count_if(
              e.name.begin(), e.name.end(),
              [](char c) { return c >= 'A' && c <= 'Z'; });
          const auto lower = std::count_if(
              e.name.begin(), e.name.end(),
              [](char c) { return c >= 'a' && c <= 'z'; });
          const bool acronym = upper >= 2 && lower <= 2 &&
                               upper + lower == std::ssize(e.name) &&
                               e.name[0] >= 'A' && e.name[0] <= 'Z';
          EXPECT_TRUE(shared || acronym) << "'" << said << "' for " << e.name;
        }
      }
    }
  }
  EXPECT_GT(entities, 50u);
  EXPECT_GE(spans, entities);
}

TEST_F(OffsetsTest, PassagesWithoutMentionSlotHaveNoSpans) {
  TempDir dir;
  const std::string db = dir / "db";
  WriteFile(dir / "a.txt",
            "Minister visits Kaub\n\nJens Stoltenberg met the minister in "
            "Kaub on Tuesday to discuss the low water on the Rhine.\n");
  IndexPaths(db, {dir / "a.txt"});
  {
    Xapian::WritableDatabase w(db);
    for (Xapian::docid id = 1; id <= w.get_lastdocid(); ++id) {
      Xapian::Document d = w.get_document(id);
      ASSERT_FALSE(d.get_value(schema::kSlotMentions).empty());
      d.remove_value(schema::kSlotMentions);
      w.replace_document(id, d);
    }
    w.commit();
  }
  SearchOptions options;
  options.query = "minister";
  const SearchResults r = SearchDb(db, options);
  ASSERT_FALSE(r.hits.empty());
  ASSERT_FALSE(r.hits[0].entities.empty());
  for (const EntityRef& e : r.hits[0].entities) EXPECT_TRUE(e.spans.empty());
  EXPECT_FALSE(r.hits[0].highlights.empty());
}

}  // namespace
}  // namespace byline::testing
