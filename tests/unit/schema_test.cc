#include "byline/schema.h"

#include <gtest/gtest.h>

namespace byline::schema {
namespace {

TEST(BooleanTermTest, FollowsQueryParserColonRule) {
  EXPECT_EQ(BooleanTerm("XPER", "jens stoltenberg"), "XPERjens stoltenberg");
  EXPECT_EQ(BooleanTerm("XPER", "Jens Stoltenberg"), "XPER:Jens Stoltenberg");
  EXPECT_EQ(BooleanTerm("XPER", "Łucja"), "XPERŁucja");  // ASCII-only test
  EXPECT_EQ(BooleanTerm("XPER", "łucja"), "XPERłucja");
  EXPECT_EQ(BooleanTerm("XPER", ":x"), "XPER::x");
  EXPECT_EQ(BooleanTerm("XPER", "2024"), "XPER2024");
  EXPECT_EQ(BooleanTerm("S", "Title"), "STitle");  // one-letter prefix
}

// The helper must agree with what QueryParser generates for a filter, or a
// field:Value filter in a query silently matches nothing.
TEST(BooleanTermTest, MatchesQueryParserFilters) {
  for (const std::string value : {"NATO", "nato", "Łódź", "2024-07"}) {
    Xapian::QueryParser qp;
    qp.add_boolean_prefix("org", "XORG");
    const Xapian::Query q = qp.parse_query("org:" + value);
    std::vector<std::string> terms(q.get_terms_begin(), q.get_terms_end());
    EXPECT_EQ(terms, std::vector<std::string>{BooleanTerm("XORG", value)})
        << q.get_description();
  }
}

TEST(UniqueTermTest, NamesArticleAndPassage) {
  EXPECT_EQ(UniqueTerm("0123456789abcdef", 7), "Q0123456789abcdef#7");
  EXPECT_EQ(ArticleTerm("0123456789abcdef"), "XA0123456789abcdef");
}

TEST(FacetTest, IdsCarryTheirType) {
  for (EntityType t : kAllEntityTypes) {
    EXPECT_EQ(FacetType(MakeFacetId(0, t)), t);
    EXPECT_EQ(FacetType(MakeFacetId(123456, t)), t);
  }
  EXPECT_NE(MakeFacetId(1, EntityType::kPerson),
            MakeFacetId(0, EntityType::kPerson));
}

TEST(FacetTest, KeysAreTheFilterTerms) {
  EXPECT_EQ(FacetKey(EntityType::kPerson, "Radosław  Sikorski"),
            "XPERradoslaw sikorski");
  EXPECT_EQ(FacetKey(EntityType::kOrg, "NATO"), "XORGnato");
  EXPECT_EQ(FacetKey(EntityType::kPlace, "Łódź"), "XPLACElodz");
  EXPECT_EQ(FacetKey(EntityType::kDate, "2024-07-16"), "XDATE2024-07-16");
}

TEST(FacetTest, MetadataKeysStayWithinXapiansLimit) {
  EXPECT_EQ(FacetIdKey("XORGnato"), "byline:fid:XORGnato");
  EXPECT_EQ(FacetNameKey(42), "byline:fname:42");
  const std::string a = FacetKey(EntityType::kOrg, std::string(300, 'a'));
  const std::string b = FacetKey(EntityType::kOrg, std::string(299, 'a') + "b");
  EXPECT_LE(FacetIdKey(a).size(), kMaxTermBytes);
  EXPECT_NE(FacetIdKey(a), FacetIdKey(b));
}

TEST(FacetTest, ValueRoundTripsSortedAndDistinct) {
  const std::string v = EncodeFacetValue(300, {15, 0, 10, 5, 10, 70000});
  // Passage 300 (2 bytes), then deltas 0, 5, 5, 5, 69985 (3 bytes).
  EXPECT_EQ(v, std::string("\xac\x02\x00\x05\x05\x05\xe1\xa2\x04", 9));
  uint64_t passage = 0;
  std::vector<FacetId> ids;
  ASSERT_TRUE(DecodeFacetValue(v, &passage, &ids));
  EXPECT_EQ(passage, 300u);
  EXPECT_EQ(ids, (std::vector<FacetId>{0, 5, 10, 15, 70000}));
  ASSERT_TRUE(DecodeFacetValue(EncodeFacetValue(7, {}), &passage, &ids));
  EXPECT_EQ(passage, 7u);
  EXPECT_TRUE(ids.empty());
  // Cut inside a varint.
  EXPECT_FALSE(DecodeFacetValue(v.substr(0, 7), &passage, &ids));
  EXPECT_FALSE(DecodeFacetValue("", &passage, &ids));
}

TEST(FacetTest, NameEntriesGiveTheListedName) {
  const FacetNameEntry plain = ParseFacetNameEntry("XORGnato\nNATO");
  EXPECT_EQ(plain.key, "XORGnato");
  EXPECT_EQ(plain.name, "NATO");
  EXPECT_EQ(plain.listed, "NATO");
  const FacetNameEntry joined = ParseFacetNameEntry(
      "XORGnato\nNATO\nNorth Atlantic Treaty Organization");
  EXPECT_EQ(joined.name, "NATO");
  EXPECT_EQ(joined.listed, "North Atlantic Treaty Organization");
  EXPECT_TRUE(ParseFacetNameEntry("no newline").key.empty());
}

TEST(FacetTest, JoinsRoundTrip) {
  // By increasing `from`: (5 -> 1), (300 -> 9): deltas 5 and 295 (2 bytes).
  const std::string v = EncodeMerges({{300, 9}, {5, 1}});
  EXPECT_EQ(v, std::string("\x05\x01\xa7\x02\x09", 5));
  std::vector<std::pair<FacetId, FacetId>> merges;
  ASSERT_TRUE(DecodeMerges(v, &merges));
  EXPECT_EQ(merges, (std::vector<std::pair<FacetId, FacetId>>{{5, 1}, {300, 9}}));
  ASSERT_TRUE(DecodeMerges("", &merges));
  EXPECT_TRUE(merges.empty());
  EXPECT_FALSE(DecodeMerges(v.substr(0, 3), &merges));  // cut in a varint
  EXPECT_FALSE(DecodeMerges(v.substr(0, 4), &merges));  // a from, no to
  // Lines without a tab, or with an empty key, are skipped; the name may
  // be missing.
  EXPECT_EQ(DecodeMergedKeys("XORGa b\tXORGab\tA B\nnonsense\n\tXORGx\n"
                             "XORGy\t\n\n"
                             "XORGc d\tXORGcd"),
            (std::vector<JoinedName>{{"XORGa b", "XORGab", "A B"},
                                     {"XORGc d", "XORGcd", ""}}));
  EXPECT_EQ(AcronymKey("XORGnato"), "byline:acronym:XORGnato");
  EXPECT_LE(AcronymKey(std::string(300, 'a')).size(), kMaxTermBytes);
}

TEST(MentionSpanTest, RoundTripsAndSkipsWhatIsNotThreeNumbers) {
  const std::vector<MentionSpan> spans = {{0, 4, 15}, {2, 20, 31}, {0, 40, 51}};
  const std::string v = EncodeMentionSpans(spans);
  EXPECT_EQ(v, "0 4 15\n2 20 31\n0 40 51");
  EXPECT_EQ(DecodeMentionSpans(v), spans);
  EXPECT_TRUE(DecodeMentionSpans("").empty());
  // Damaged lines are skipped, whole ones kept.
  EXPECT_EQ(DecodeMentionSpans("0 4 15\nx 1 2\n1 2\n1 9 3\n1 2 3 4\n"
                               "-1 2 3\n3 7 9"),
            (std::vector<MentionSpan>{{0, 4, 15}, {3, 7, 9}}));
}

TEST(DateTest, IsoDatesAreRealDays) {
  for (const char* ok : {"2024", "2024-07", "2024-07-16", "2024-02-29",
                         "2000-02-29", "--02-29", "--12-31"}) {
    EXPECT_TRUE(IsIsoDate(ok)) << ok;
  }
  for (const char* bad : {"", "24", "2024-13", "2024-00", "2023-02-29",
                          "1900-02-29", "2024-04-31", "2024-07-00",
                          "--07", "--13-01", "2024-7-16", "2024/07/16",
                          "July", "2024-07-16T10:00"}) {
    EXPECT_FALSE(IsIsoDate(bad)) << bad;
  }
  EXPECT_TRUE(ValidDay(0, 2, 29));  // a year not known
  EXPECT_FALSE(ValidDay(2023, 2, 29));
  EXPECT_FALSE(ValidDay(2024, 13, 1));
}

}  // namespace
}  // namespace byline::schema
