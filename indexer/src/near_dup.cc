#include "byline/index/near_dup.h"

#include <algorithm>
#include <cstdio>

#include "byline/schema.h"

namespace byline {
namespace {

constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

// splitmix64: spreads a seed into a well-mixed 64-bit number.
constexpr uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The hash functions: h_i(x) = high 32 bits of Mix(x ^ seed_i).
constexpr std::array<uint64_t, kMinHashes> MakeSeeds() {
  std::array<uint64_t, kMinHashes> seeds{};
  for (size_t i = 0; i < kMinHashes; ++i) seeds[i] = Mix(i + 1);
  return seeds;
}
constexpr std::array<uint64_t, kMinHashes> kSeeds = MakeSeeds();

// Calls `word(hash)` for each word of `text`: runs of ASCII letters and
// digits and of non-ASCII bytes, ASCII folded to lowercase.
template <typename F>
void ForEachWordHash(std::string_view text, F word) {
  uint64_t h = kFnvOffsetBasis;
  bool in_word = false;
  for (unsigned char c : text) {
    const bool part = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                      (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (part) {
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
      h = (h ^ c) * kFnvPrime;
      in_word = true;
    } else if (in_word) {
      word(h);
      h = kFnvOffsetBasis;
      in_word = false;
    }
  }
  if (in_word) word(h);
}

}  // namespace

std::optional<MinHashSignature> ArticleSignature(const Article& article) {
  MinHashSignature sig;
  sig.fill(UINT32_MAX);
  std::array<uint64_t, kShingleWords> window{};
  size_t words = 0, shingles = 0;
  auto add_word = [&](uint64_t w) {
    window[words++ % kShingleWords] = w;
    if (words < kShingleWords) return;
    // The shingle's hash, from its words in order.
    uint64_t s = kFnvOffsetBasis;
    for (size_t k = 0; k < kShingleWords; ++k) {
      s = Mix(s ^ window[(words + k) % kShingleWords]);
    }
    ++shingles;
    for (size_t i = 0; i < kMinHashes; ++i) {
      sig[i] = std::min(sig[i], static_cast<uint32_t>(Mix(s ^ kSeeds[i]) >> 32));
    }
  };
  for (const TextRange& p : article.paragraphs) {
    ForEachWordHash(article.Slice(p), add_word);
  }
  if (shingles < kMinShingles) return std::nullopt;
  return sig;
}

double Similarity(const MinHashSignature& a, const MinHashSignature& b) {
  size_t same = 0;
  for (size_t i = 0; i < kMinHashes; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / kMinHashes;
}

std::vector<std::string> BandTerms(const MinHashSignature& signature) {
  constexpr size_t kRows = kMinHashes / kBands;
  std::vector<std::string> terms;
  for (size_t b = 0; b < kBands; ++b) {
    uint64_t h = Mix(b);
    for (size_t r = 0; r < kRows; ++r) h = Mix(h ^ signature[b * kRows + r]);
    terms.push_back(std::string(schema::kMinHashBandPrefix) +
                    static_cast<char>('0' + b) + Hex64(h));
  }
  return terms;
}

std::string EncodeSignature(const MinHashSignature& signature) {
  std::string out;
  for (uint32_t v : signature) {
    for (int k = 0; k < 4; ++k) out += static_cast<char>((v >> (8 * k)) & 0xff);
  }
  return out;
}

bool DecodeSignature(std::string_view bytes, MinHashSignature* out) {
  if (bytes.size() != 4 * kMinHashes) return false;
  for (size_t i = 0; i < kMinHashes; ++i) {
    uint32_t v = 0;
    for (int k = 3; k >= 0; --k) {
      v = (v << 8) | static_cast<unsigned char>(bytes[4 * i + k]);
    }
    (*out)[i] = v;
  }
  return true;
}

std::string PassageWordsHash(std::string_view text) {
  uint64_t h = kFnvOffsetBasis;
  ForEachWordHash(text, [&](uint64_t w) { h = Mix(h ^ w); });
  return Hex64(h);
}

}  // namespace byline
