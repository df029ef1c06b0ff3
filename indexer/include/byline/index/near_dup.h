// Near-duplicate articles: the same wire story run by many outlets, the
// same page captured twice with a different header. Each article's body is
// cut into shingles of kShingleWords words; its MinHash signature keeps, for
// each of kMinHashes hash functions, the smallest hash over the shingles.
// Two signatures agree in a fraction of places that estimates the Jaccard
// similarity of the shingle sets. Locality-sensitive hashing finds
// candidates: the signature is cut into kBands bands and each band becomes a
// term, and only articles that share a band term are compared. Two articles
// share one with probability 1 - (1 - J^4)^8 at Jaccard similarity J: 0.67
// at 0.6, 0.985 at 0.8, 0.9998 at 0.9.
#ifndef BYLINE_INDEX_NEAR_DUP_H_
#define BYLINE_INDEX_NEAR_DUP_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "byline/article.h"

namespace byline {

inline constexpr size_t kShingleWords = 4;
inline constexpr size_t kMinHashes = 32;
inline constexpr size_t kBands = 8;  // of kMinHashes / kBands rows each
// Articles with fewer shingles get no signature: a few words in common
// say nothing.
inline constexpr size_t kMinShingles = 20;
// Estimated Jaccard similarity from which two articles are copies.
inline constexpr double kCopySimilarity = 0.6;

using MinHashSignature = std::array<uint32_t, kMinHashes>;

// The signature of the article's body (the title is left out: outlets
// retitle wire stories), or nothing if the body is too short.
std::optional<MinHashSignature> ArticleSignature(const Article& article);

// The fraction of places where the two signatures agree.
double Similarity(const MinHashSignature& a, const MinHashSignature& b);

// One term per band ("XMH" + band digit + 16 hex digits).
std::vector<std::string> BandTerms(const MinHashSignature& signature);

// The signature as 4 * kMinHashes bytes (little-endian), and back; false
// if `bytes` is not one.
std::string EncodeSignature(const MinHashSignature& signature);
bool DecodeSignature(std::string_view bytes, MinHashSignature* out);

// A hash of a passage's words (case and punctuation ignored), 16 hex
// digits. With the copy group it makes the passage's copy key, the
// collapse key that shows the same paragraph in two copies of a story once.
std::string PassageWordsHash(std::string_view text);

}  // namespace byline

#endif  // BYLINE_INDEX_NEAR_DUP_H_
