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

}  // namespace
}  // namespace byline::schema
