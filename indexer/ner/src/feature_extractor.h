// Feature extraction for the NER tagger, shared by the tagger and the
// trainer so both see exactly the same features. Each token gets a fixed
// number (kFeaturesPerToken) of 64-bit feature hashes; the model maps a hash
// to a row of per-tag weights. Not thread-safe: use one FeatureExtractor per
// thread (it keeps scratch buffers to avoid per-token allocation).
#ifndef BYLINE_NER_SRC_FEATURE_EXTRACTOR_H_
#define BYLINE_NER_SRC_FEATURE_EXTRACTOR_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace byline::ner {

// BIO tags over the three types. kNumTags rows are padded to kTagStride.
enum Tag : uint8_t {
  kO = 0,
  kBPer = 1,
  kIPer = 2,
  kBOrg = 3,
  kIOrg = 4,
  kBLoc = 5,
  kILoc = 6,
};
constexpr int kNumTags = 7;
constexpr int kTagStride = 8;

// Type bits of a name list entry.
constexpr uint8_t kTypePer = 1;
constexpr uint8_t kTypeOrg = 2;
constexpr uint8_t kTypeLoc = 4;
// Gazetteer bits of a name list entry (embedded lists, see docs).
constexpr uint8_t kGazCity = 8;      // a GeoNames city
constexpr uint8_t kGazCountry = 16;  // a country name or code
// WordNet names (bench/ner/export_wordnet.py): organisations, places,
// and structures (bridges, buildings: places in the GUM style).
constexpr uint8_t kGazOrg = 32;
constexpr uint8_t kGazPlace = 64;
constexpr uint8_t kGazFacility = 128;

// Word-class bits.
constexpr uint8_t kWordCommon = 1;      // often lowercase in the training text
constexpr uint8_t kWordDictLower = 2;   // a lowercase dictionary word
constexpr uint8_t kWordDictCapital = 4; // a capitalised dictionary word
constexpr uint8_t kWordTitle = 8;       // a title or office: "Minister"
constexpr uint8_t kWordTitleModifier = 16;  // "Prime", "Foreign", "Vice"
constexpr uint8_t kWordGivenName = 32;  // starts people's names: "Donald"
constexpr uint8_t kWordDemonym = 64;    // "Australian", "Greeks"
constexpr uint8_t kWordSurname = 128;   // a surname list entry

inline bool IsBegin(int tag) { return tag == kBPer || tag == kBOrg || tag == kBLoc; }
inline bool IsInside(int tag) { return tag == kIPer || tag == kIOrg || tag == kILoc; }
// 0 = PER, 1 = ORG, 2 = LOC for a non-O tag.
inline int TagType(int tag) { return (tag - 1) / 2; }

// Fast non-cryptographic hashes; stable across runs and machines (the model
// file stores their values).
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}
inline uint64_t HashBytes(std::string_view s, uint64_t seed = 0) {
  uint64_t h = 0xcbf29ce484222325ULL ^ seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix64(h);
}
inline uint64_t Combine(uint64_t a, uint64_t b) {
  return Mix64(a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E019ULL);
}

// What the features ask of the model's word lists.
class Lexicon {
 public:
  Lexicon();
  Lexicon(const Lexicon&);  // a copy is another lexicon: a new id
  Lexicon& operator=(const Lexicon&) { return *this; }
  virtual ~Lexicon() = default;
  // Distinct for every lexicon made in the process, so a cache of
  // lookups can tell lexicons apart even when one takes another's address.
  uint64_t id() const { return id_; }
  // Type and gazetteer bits of a known name, keyed by PhraseHash(); 0 if
  // unknown.
  virtual uint8_t PhraseTypes(uint64_t phrase_hash) const = 0;
  // Word-class bits of a lowercased word (HashBytes of its lowercase form):
  // kWordCommon, kWordDictLower, kWordDictCapital; 0 if unknown.
  virtual uint8_t WordClass(uint64_t lower_hash) const = 0;
  // Word cluster of a word as written (HashBytes of the word), 1 to
  // kMaxCluster; 0 if the word is not in the cluster list (or the model has
  // none). Clusters group words that occur in the same contexts in
  // unlabelled text (bench/ner/make_clusters.py).
  virtual uint8_t WordCluster(uint64_t raw_hash) const {
    (void)raw_hash;
    return 0;
  }

 private:
  uint64_t id_;
};

// Word clusters are numbered 1 + coarse * kClusterFanout + fine, fine below
// kClusterFanout: two levels of a hierarchical clustering, so that the
// coarse cluster of a word is (cluster - 1) / kClusterFanout.
constexpr int kClusterFanout = 15;
constexpr int kMaxCluster = 16 * kClusterFanout;
inline uint8_t CoarseCluster(uint8_t c) {
  return c == 0 ? 0 : static_cast<uint8_t>(1 + (c - 1) / kClusterFanout);
}

// Hash of a phrase from the HashBytes() of its tokens, in order.
inline uint64_t PhraseStart() { return 0x51ED270B2A3F4C1DULL; }
inline uint64_t PhraseNext(uint64_t h, uint64_t token_hash) {
  return Combine(h, token_hash);
}

// Facts about one word, computed once per token.
struct WordInfo {
  uint64_t raw = 0;    // HashBytes(word)
  uint64_t lower = 0;  // HashBytes(lowercase word)
  uint64_t shape = 0;
  uint64_t short_shape = 0;
  uint64_t prefix3 = 0;
  uint64_t suffix2 = 0;
  uint64_t suffix3 = 0;
  uint64_t suffix4 = 0;
  uint8_t word_class = 0;      // Lexicon::WordClass(lower)
  // Lexicon::WordCluster(raw); for a capitalised word not in the list, the
  // cluster of its lowercase form plus kMaxCluster (so "Reading" unknown
  // still says where "reading" stands).
  uint16_t cluster = 0;
  bool upper_initial = false;  // first character is an uppercase letter
  bool has_lower = false;
  // An uppercase letter, a digit or a letter without case (CJK, Arabic...)
  // anywhere in the word: a word a name could be made of.
  bool salient = false;
  bool sentence_initial = false;
  bool sentence_end = false;  // . ! ? that ends a sentence
  bool opener = false;        // quote or bracket that may open a sentence
};

constexpr int kMaxPhraseTokens = 6;

class FeatureExtractor {
 public:
  static constexpr int kFeaturesPerToken = 37;

  // Computes the features of `words` (one paragraph or sentence, in order)
  // into out->[i * kFeaturesPerToken + k]. `words` must stay valid only
  // during the call.
  //
  // With `skip_plain`, the features of plain tokens (below) are not
  // computed: their rows of `out` hold stale values and must not be read.
  void Extract(const std::vector<std::string_view>& words, const Lexicon& lex,
               std::vector<uint64_t>* out, bool skip_plain = false);

  // The words of the last Extract() call.
  const std::vector<WordInfo>& info() const { return info_; }

  // Per token of the last Extract() call: 1 when neither the token nor the
  // one before it nor the two after it is salient (no capital, digit or
  // caseless letter in any of them). Such a token cannot be part of a name
  // that has a salient word in it (a name would have to end with two plain
  // words, or start with three), so the tagger gives it O without scoring
  // it: most of the words of running text.
  const std::vector<uint8_t>& plain() const { return plain_; }

  // Keeps what Describe() and the lexicon said of up to `max_words`
  // distinct words, for words seen again (most words of an archive): a
  // word's description and its three lexicon lookups were about a tenth
  // of extraction (perf, session 20). Only for a lexicon that does not
  // change while it is used (a loaded model); 0, the default, keeps none.
  void CacheWords(size_t max_words) { cache_max_ = max_words; }

 private:
  void Describe(std::string_view word, WordInfo* info);
  // Describe() and the lexicon's word class and cluster.
  void DescribeAndLookUp(std::string_view word, const Lexicon& lex,
                         WordInfo* info);
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  std::unordered_map<std::string, WordInfo, Hash, std::equal_to<>> cache_;
  size_t cache_max_ = 0;
  uint64_t cache_lexicon_ = 0;  // Lexicon::id() the cache holds words of
  std::vector<WordInfo> info_;
  std::vector<uint8_t> plain_;
  std::vector<uint16_t> gaz_;     // per token: type bits << 2 | position
  std::vector<uint64_t> lower_seen_;  // lowercase-initial words of the text
  std::string lower_buf_;
  std::string shape_buf_;
  std::string short_buf_;
};

}  // namespace byline::ner

#endif  // BYLINE_NER_SRC_FEATURE_EXTRACTOR_H_
