#include "byline/index/near_dup.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace byline {
namespace {

// A story of `n` paragraphs of 14 words drawn from a small vocabulary by a
// generator seeded with `seed`: another seed, another story.
std::vector<std::string> Story(int n, unsigned seed = 1) {
  const char* const words[] = {
      "council", "harbour", "ferry", "budget", "strike", "bridge",
      "museum",  "storm",   "court", "vote",   "mayor",  "port",
      "river",   "school",  "union", "road",   "plan",   "island"};
  unsigned state = seed;
  std::vector<std::string> paragraphs;
  for (int i = 0; i < n; ++i) {
    std::string p;
    for (int w = 0; w < 14; ++w) {
      state = state * 1103515245u + 12345u;
      p += std::string(words[(state >> 16) % 18]) + " ";
    }
    paragraphs.push_back(p + "end.");
  }
  return paragraphs;
}

Article Make(const std::string& title, const std::vector<std::string>& body) {
  Article a;
  ArticleFromParagraphs(title, body, &a);
  return a;
}

TEST(NearDupTest, IdenticalBodiesHaveEqualSignaturesWhateverTheTitle) {
  const auto a = ArticleSignature(Make("Ferry strike ends", Story(8)));
  const auto b = ArticleSignature(Make("Strike over (Daily Post)", Story(8)));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
  EXPECT_DOUBLE_EQ(Similarity(*a, *b), 1.0);
  EXPECT_EQ(BandTerms(*a), BandTerms(*b));
}

TEST(NearDupTest, LightlyEditedCopyIsSimilarAndAnotherStoryIsNot) {
  std::vector<std::string> edited = Story(10);
  edited[3] = "A sentence this outlet wrote itself, about the ferry.";
  edited.pop_back();  // and the last paragraph cut
  const auto original = ArticleSignature(Make("T", Story(10)));
  const auto copy = ArticleSignature(Make("T", edited));
  const auto other = ArticleSignature(Make("T", Story(10, /*seed=*/7)));
  ASSERT_TRUE(original && copy && other);
  EXPECT_GE(Similarity(*original, *copy), kCopySimilarity);
  EXPECT_LT(Similarity(*original, *other), 0.3);
}

TEST(NearDupTest, CaseAndPunctuationDoNotMatter) {
  std::vector<std::string> shouted;
  for (std::string p : Story(6)) {
    for (char& c : p) c = static_cast<char>(std::toupper(c));
    shouted.push_back(p + "!!");
  }
  EXPECT_EQ(ArticleSignature(Make("T", Story(6))),
            ArticleSignature(Make("T", shouted)));
  EXPECT_EQ(PassageWordsHash("The ferry, at last, runs."),
            PassageWordsHash("the FERRY at last runs"));
  EXPECT_NE(PassageWordsHash("The ferry runs."),
            PassageWordsHash("The ferry stops."));
}

TEST(NearDupTest, ShortArticlesGetNoSignature) {
  EXPECT_FALSE(ArticleSignature(Make("T", {"Only a few words here."})));
  EXPECT_FALSE(ArticleSignature(Make("A title that is long but has no body",
                                     {})));
}

TEST(NearDupTest, SignatureBytesRoundTrip) {
  const auto sig = ArticleSignature(Make("T", Story(5)));
  ASSERT_TRUE(sig);
  const std::string bytes = EncodeSignature(*sig);
  EXPECT_EQ(bytes.size(), 4 * kMinHashes);
  MinHashSignature back;
  ASSERT_TRUE(DecodeSignature(bytes, &back));
  EXPECT_EQ(back, *sig);
  EXPECT_FALSE(DecodeSignature("short", &back));
}

}  // namespace
}  // namespace byline
