// Document features for the tagger's second pass (stacking). Pass 1 tags
// every paragraph of a document on its own; DocContext then counts, for
// each token string, how pass 1 tagged its occurrences (type and place in
// the name: single, first, inside, last, or not a name), and gives each
// token features from its other occurrences in the document ("Lovelace" was
// the last word of a person's name two paragraphs earlier) and from its
// own pass-1 tag. Not thread-safe: one per thread.
#ifndef BYLINE_NER_SRC_DOC_FEATURES_H_
#define BYLINE_NER_SRC_DOC_FEATURES_H_

#include <array>
#include <string>
#include <string_view>
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "feature_extractor.h"

namespace byline::ner {

constexpr int kDocFeaturesPerToken = 9;

// What pass 2 needs of one tagged paragraph.
struct PassOne {
  std::vector<uint64_t> raw;          // WordInfo::raw per token
  std::vector<uint64_t> short_shape;  // WordInfo::short_shape per token
  std::vector<uint8_t> upper;         // 1 if the word is capitalised
  std::vector<uint8_t> tags;          // pass-1 tags
};

// Fills p's raw, short_shape and upper from the extractor's last paragraph.
void CopyWordInfo(const FeatureExtractor& fx, PassOne* p);

class DocContext {
 public:
  void Clear() {
    counts_.clear();
    acronyms_.clear();
  }
  // Counts one paragraph's pass-1 tags, and notes the initials of its
  // capitalised runs ("Malaysian Rubber Board" -> "MRB").
  void Add(const PassOne& p, const std::vector<std::string_view>& words);
  // Writes kDocFeaturesPerToken hashes per token of p into out.
  void Extract(const PassOne& p, uint64_t* out) const;

 private:
  // 0: capitalised and not in a name; 1 + type * 4 + place (0 single,
  // 1 first, 2 inside, 3 last).
  static constexpr int kCodes = 13;
  static void Codes(const PassOne& p, std::vector<uint8_t>* out);
  std::unordered_map<uint64_t, std::array<uint16_t, kCodes>> counts_;
  std::vector<uint64_t> acronyms_;  // HashBytes of initials, sorted
  mutable std::vector<uint8_t> codes_;
};

}  // namespace byline::ner

#endif  // BYLINE_NER_SRC_DOC_FEATURES_H_
