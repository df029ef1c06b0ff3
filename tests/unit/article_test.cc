#include "byline/article.h"

#include <gtest/gtest.h>

namespace byline {
namespace {

TEST(ArticleIdTest, IsFnv1aOfTheSourceInHex) {
  // Published FNV-1a 64-bit test vectors.
  EXPECT_EQ(ArticleIdForSource(""), "cbf29ce484222325");
  EXPECT_EQ(ArticleIdForSource("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(ArticleIdForSource("foobar"), "85944171f73967e8");
}

TEST(ArticleIdTest, DiffersForDifferentPaths) {
  EXPECT_NE(ArticleIdForSource("/news/a.txt"),
            ArticleIdForSource("/news/b.txt"));
}

}  // namespace
}  // namespace byline
