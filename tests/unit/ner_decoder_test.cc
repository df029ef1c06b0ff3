// The tagger's internals (indexer/ner/src): which tokens it leaves unscored,
// and Viterbi over them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// A lexicon that knows only word clusters, keyed by the word as written.
class ClusterLexicon : public Lexicon {
 public:
  uint8_t PhraseTypes(uint64_t) const override { return 0; }
  uint8_t WordClass(uint64_t) const override { return 0; }
  uint8_t WordCluster(uint64_t raw_hash) const override {
    for (const auto& [word, cluster] : clusters) {
      if (HashBytes(word) == raw_hash) return cluster;
    }
    return 0;
  }
  std::vector<std::pair<std::string_view, uint8_t>> clusters;
};

TEST(WordClusterTest, ClustersOfTheWordAndItsNeighboursAreFeatures) {
  const std::vector<std::string_view> words = {"in", "Leeds", "today"};
  auto features = [&](const Lexicon& lex) {
    FeatureExtractor fx;
    std::vector<uint64_t> out;
    fx.Extract(words, lex, &out);
    return out;
  };
  ClusterLexicon a, b, c;
  a.clusters = {{"Leeds", 34}, {"today", 7}};
  b.clusters = {{"Leeds", 35}, {"today", 7}};  // another cluster for Leeds
  c.clusters = {{"Leeds", 34}, {"today", 7}};
  const std::vector<uint64_t> fa = features(a), fb = features(b),
                              fc = features(c);
  ASSERT_EQ(fa.size(), words.size() * FeatureExtractor::kFeaturesPerToken);
  EXPECT_EQ(fa, fc);
  // Leeds's cluster shows in its own features and in its neighbours'.
  for (size_t i = 0; i < words.size(); ++i) {
    const auto first = fa.begin() + i * FeatureExtractor::kFeaturesPerToken;
    const auto last = first + FeatureExtractor::kFeaturesPerToken;
    EXPECT_FALSE(std::equal(
        first, last, fb.begin() + i * FeatureExtractor::kFeaturesPerToken))
        << "token " << i;
  }
  // Without clusters, every word has cluster 0.
  FeatureExtractor fx;
  std::vector<uint64_t> out;
  fx.Extract(words, EmptyLexicon(), &out);
  for (const WordInfo& w : fx.info()) EXPECT_EQ(w.cluster, 0);
}

TEST(WordCacheTest, CachedWordsGiveTheFeaturesOfTheLexiconInUse) {
  const std::vector<std::string_view> words = {"Leeds",  "beat", "Leeds",
                                               "United", "in",   "Leeds"};
  ClusterLexicon a, b;
  a.clusters = {{"Leeds", 34}, {"beat", 7}};
  b.clusters = {{"Leeds", 35}, {"beat", 7}};
  FeatureExtractor plain, cached, small;
  cached.CacheWords(100);
  small.CacheWords(2);  // fewer than the words: the cache fills and empties
  std::vector<uint64_t> expect, got, got_small;
  for (const Lexicon* lex :
       {static_cast<const Lexicon*>(&a), static_cast<const Lexicon*>(&b),
        static_cast<const Lexicon*>(&a)}) {
    plain.Extract(words, *lex, &expect);
    cached.Extract(words, *lex, &got);
    small.Extract(words, *lex, &got_small);
    EXPECT_EQ(got, expect);
    EXPECT_EQ(got_small, expect);
    ASSERT_EQ(cached.info().size(), words.size());
    EXPECT_EQ(cached.info()[2].cluster, lex == &a ? 34 : 35);
  }
  // A lexicon made where another was (same address) is another lexicon.
  auto first = std::make_unique<ClusterLexicon>();
  first->clusters = {{"Leeds", 34}};
  cached.Extract(words, *first, &got);
  first.reset();
  auto second = std::make_unique<ClusterLexicon>();
  second->clusters = {{"Leeds", 36}};
  cached.Extract(words, *second, &got);
  EXPECT_EQ(cached.info()[0].cluster, 36);
}

TEST(WordClusterTest, CapitalisedWordNotListedTakesItsLowercaseFormsCluster) {
  ClusterLexicon lex;
  lex.clusters = {{"reading", 12}, {"Paris", 132}};
  FeatureExtractor fx;
  std::vector<uint64_t> out;
  fx.Extract({"Reading", "Paris", "Lyon", "reading"}, lex, &out);
  ASSERT_EQ(fx.info().size(), 4u);
  EXPECT_EQ(fx.info()[0].cluster, 12 + kMaxCluster);
  EXPECT_EQ(fx.info()[1].cluster, 132);
  EXPECT_EQ(fx.info()[2].cluster, 0);
  EXPECT_EQ(fx.info()[3].cluster, 12);
  EXPECT_EQ(CoarseCluster(0), 0);
  EXPECT_EQ(CoarseCluster(1), 1);
  EXPECT_EQ(CoarseCluster(kClusterFanout), 1);
  EXPECT_EQ(CoarseCluster(kClusterFanout + 1), 2);
  EXPECT_EQ(CoarseCluster(kMaxCluster), 16);
}

TEST(WordClusterTest, ModelFileKeepsTheClusters) {
  Model m;
  m.hash_bits = 8;
  m.layers.resize(1);
  m.layers[0].weights.assign((size_t{1} << m.hash_bits) * kTagStride, 0);
  m.clusters.Insert(HashBytes("Leeds"), 34);
  m.clusters.Insert(HashBytes("Chelsea"), 35);
  const std::string path = ::testing::TempDir() + "/clusters.model";
  ASSERT_TRUE(m.Save(path).ok());
  Model loaded;
  const Status s = Model::Load(path, &loaded);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(loaded.clusters.size(), 2u);
  EXPECT_EQ(loaded.WordCluster(HashBytes("Leeds")), 34);
  EXPECT_EQ(loaded.WordCluster(HashBytes("Chelsea")), 35);
  EXPECT_EQ(loaded.WordCluster(HashBytes("leeds")), 0);
  std::remove(path.c_str());
}

// The best sequence by brute force: every tag sequence that keeps the BIO
// constraint (I-X only after B-X or I-X), scored as Viterbi scores them.
std::vector<uint8_t> BestByEnumeration(
    const std::vector<float>& emit, size_t n,
    const float transition[kTagStride][kTagStride],
    const float start[kTagStride]) {
  std::vector<uint8_t> seq(n, 0), best;
  float best_score = 0;
  for (;;) {
    bool ok = !IsInside(seq[0]);
    float score = start[seq[0]] + emit[seq[0]];
    for (size_t i = 1; i < n && ok; ++i) {
      const int p = seq[i - 1], t = seq[i];
      ok = !IsInside(t) || p == t || p == t - 1;
      score += transition[p][t] + emit[i * kTagStride + t];
    }
    if (ok && (best.empty() || score > best_score)) {
      best = seq;
      best_score = score;
    }
    size_t k = n;  // the next sequence, as a number in base kNumTags
    while (k > 0 && seq[k - 1] == kNumTags - 1) seq[--k] = 0;
    if (k == 0) break;
    ++seq[k - 1];
  }
  return best;
}

TEST(ViterbiTest, FindsTheBestAllowedSequence) {
  // Random scores (a fixed linear congruential sequence), four tokens:
  // 7^4 sequences to compare with. Scores are multiples of 1/8 far apart
  // enough that float sums are exact and ties are rare but possible.
  uint32_t state = 12345;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return static_cast<float>(static_cast<int>((state >> 16) % 64) - 32) / 8;
  };
  std::vector<float> scratch;
  std::vector<uint8_t> back, tags;
  int ties = 0;
  for (int round = 0; round < 300; ++round) {
    const size_t n = 1 + round % 4;
    std::vector<float> emit(n * kTagStride, 0.0f);
    for (float& e : emit) e = next();
    float transition[kTagStride][kTagStride];
    float start[kTagStride];
    for (auto& row : transition) {
      for (float& v : row) v = next();
    }
    for (float& v : start) v = next();
    Viterbi(emit.data(), n, transition, start, &scratch, &back, &tags);
    const std::vector<uint8_t> best =
        BestByEnumeration(emit, n, transition, start);
    // Equal scores may pick different sequences: compare the scores.
    auto score = [&](const std::vector<uint8_t>& s) {
      float total = start[s[0]] + emit[s[0]];
      for (size_t i = 1; i < n; ++i) {
        total += transition[s[i - 1]][s[i]] + emit[i * kTagStride + s[i]];
      }
      return total;
    };
    ASSERT_EQ(tags.size(), n);
    EXPECT_FALSE(IsInside(tags[0])) << "round " << round;
    for (size_t i = 1; i < n; ++i) {
      EXPECT_TRUE(!IsInside(tags[i]) || tags[i - 1] == tags[i] ||
                  tags[i - 1] == tags[i] - 1)
          << "round " << round << " token " << i;
    }
    EXPECT_EQ(score(tags), score(best)) << "round " << round;
    ties += tags != best;
  }
  EXPECT_LT(ties, 30);  // the scores are not all equal
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
