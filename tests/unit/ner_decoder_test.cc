// The tagger's internals (indexer/ner/src): which tokens it leaves unscored,
// and Viterbi over them.
#include <cstdint>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "feature_extractor.h"
#include "model.h"

namespace byline::ner {
namespace {

class EmptyLexicon : public Lexicon {
 public:
  uint8_t PhraseTypes(uint64_t) const override { return 0; }
  uint8_t WordClass(uint64_t) const override { return 0; }
};

std::vector<uint8_t> Plain(const std::vector<std::string_view>& words) {
  FeatureExtractor fx;
  std::vector<uint64_t> features;
  fx.Extract(words, EmptyLexicon(), &features, /*skip_plain=*/true);
  return fx.plain();
}

TEST(PlainTokensTest, OnlyWordsFarFromCapitalsDigitsAndCaselessLetters) {
  // 0    1      2    3    4       5    6     7   8     9    10
  // he   said   that the  Bank    of   the   Sun was    sold  .
  const std::vector<uint8_t> plain =
      Plain({"he", "said", "that", "the", "Bank", "of", "the", "Sun", "was",
             "sold", "."});
  const std::vector<uint8_t> want = {1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1};
  EXPECT_EQ(plain, want);
  // Digits and letters without case are salient like capitals.
  EXPECT_EQ(Plain({"a", "b", "c", "d", "501st", "e", "f", "g", "h"}),
            (std::vector<uint8_t>{1, 1, 0, 0, 0, 0, 1, 1, 1}));
  EXPECT_EQ(Plain({"a", "b", "c", "d", "\xE5\xBC\xA0", "e", "f", "g", "h"}),
            (std::vector<uint8_t>{1, 1, 0, 0, 0, 0, 1, 1, 1}));
  EXPECT_EQ(Plain({"iPhone"}), (std::vector<uint8_t>{0}));
}

TEST(ViterbiSkipTest, SkippedTokensAreOWhateverTheirScores) {
  // Three tokens whose emission rows all favour B-PER strongly.
  std::vector<float> emit(3 * kTagStride, 0.0f);
  for (int i = 0; i < 3; ++i) emit[i * kTagStride + kBPer] = 100.0f;
  float transition[kTagStride][kTagStride] = {};
  float start[kTagStride] = {};
  std::vector<float> scratch;
  std::vector<uint8_t> back, tags;
  Viterbi(emit.data(), 3, transition, start, &scratch, &back, &tags);
  EXPECT_EQ(tags, (std::vector<uint8_t>{kBPer, kBPer, kBPer}));
  const std::vector<uint8_t> skip = {1, 0, 1};
  Viterbi(emit.data(), 3, transition, start, &scratch, &back, &tags,
          skip.data());
  EXPECT_EQ(tags, (std::vector<uint8_t>{kO, kBPer, kO}));
  // An inside tag cannot follow a skipped token.
  std::vector<float> inside(2 * kTagStride, 0.0f);
  inside[kTagStride + kIPer] = 100.0f;
  const std::vector<uint8_t> first = {1, 0};
  Viterbi(inside.data(), 2, transition, start, &scratch, &back, &tags,
          first.data());
  EXPECT_EQ(tags[0], kO);
  EXPECT_NE(tags[1], kIPer);
}

}  // namespace
}  // namespace byline::ner
