// The NER model: one or two layers of hashed per-tag feature weights and
// tag transition scores (pass 1 over a paragraph's features; pass 2 over
// the same features plus the document features of doc_features.h), and two
// word lists (known names with their types; word classes).
// Written by byline-train-ner, read by NerTagger::Load(). Immutable after
// loading; all const members are thread-safe.
//
// File format (little-endian), version 3:
//   "byline-ner-model\n"  magic
//   u32 version, u32 hash_bits, u32 num_tags, u32 features_per_token,
//   u32 doc_features_per_token, u32 layers (1 or 2), then per layer:
//     f32 scale                        weight = int16 value * scale
//     f32 transition[8][8], f32 start[8]
//     u32 n, then n x (u32 row, i16 weight[7])     non-zero weight rows
//   u32 n, then n x (u64 phrase hash, u8 types)  known names
//   u32 n, then n x (u64 lowercase word hash, u8 word-class bits)
//   u32 n, then n x (u64 word hash, u8 cluster)     (version 3)
//   "end\n"
#ifndef BYLINE_NER_SRC_MODEL_H_
#define BYLINE_NER_SRC_MODEL_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "byline/status.h"
#include "feature_extractor.h"

namespace byline::ner {

inline constexpr uint32_t kModelVersion = 3;

// Allocates the model's big tables (16 MB of weights a layer, the word
// lists' hash tables) on 2 MiB boundaries and asks Linux for transparent
// huge pages there: loading the shipped model faulted in 26k pages with
// 4 KiB pages and 6.7k with these (perf stat, session 20), and a lookup,
// a random read, needs fewer page-table walks. Small tables, and systems
// without the hint, get plain memory.
template <typename T>
struct LargeTableAllocator {
  using value_type = T;
  LargeTableAllocator() = default;
  template <typename U>
  LargeTableAllocator(const LargeTableAllocator<U>&) {}
  static constexpr size_t kHugePage = size_t{2} << 20;
  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes));
    const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (p == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    ::madvise(p, rounded, MADV_HUGEPAGE);  // a hint: failure is harmless
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kHugePage) {
      ::operator delete(p);
    } else {
      std::free(p);
    }
  }
  template <typename U>
  bool operator==(const LargeTableAllocator<U>&) const {
    return true;
  }
};
template <typename T>
using LargeTable = std::vector<T, LargeTableAllocator<T>>;

// Open-addressing map from a non-zero 64-bit hash to a byte.
class HashTable {
 public:
  void Reserve(size_t n);
  void Insert(uint64_t key, uint8_t value);
  uint8_t Find(uint64_t key) const {
    if (keys_.empty()) return 0;
    key |= 1;
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == 0) return 0;
    }
  }
  size_t size() const { return size_; }
  template <typename F>
  void ForEach(F f) const {
    for (size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] != 0) f(keys_[i], values_[i]);
    }
  }

 private:
  LargeTable<uint64_t> keys_;
  LargeTable<uint8_t> values_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// Best tag sequence under emission scores emit[i * kTagStride + tag] and
// the transition scores, with BIO constraints (I-X only after B-X or I-X).
// Tokens with skip[i] != 0 (when skip is given) are O: their emission rows
// are not read.
void Viterbi(const float* emit, size_t n,
             const float transition[kTagStride][kTagStride],
             const float start[kTagStride], std::vector<float>* scratch,
             std::vector<uint8_t>* back, std::vector<uint8_t>* tags,
             const uint8_t* skip = nullptr);

// One perceptron: weights and transitions.
struct Layer {
  float scale = 1.0f;
  LargeTable<int16_t> weights;  // (1 << hash_bits) rows of kTagStride
  float transition[kTagStride][kTagStride] = {};  // [previous][current]
  float start[kTagStride] = {};
};

class Model : public Lexicon {
 public:
  uint32_t hash_bits = 20;
  std::vector<Layer> layers;  // 1 or 2 (two-pass, document features)
  HashTable names;            // phrase hash -> type and gazetteer bits
  HashTable common;           // lowercase word hash -> word-class bits
  HashTable clusters;  // word hash (as written) -> cluster, 1..kMaxCluster

  uint8_t PhraseTypes(uint64_t phrase_hash) const override {
    return names.Find(phrase_hash);
  }
  uint8_t WordClass(uint64_t lower_hash) const override {
    return common.Find(lower_hash);
  }
  uint8_t WordCluster(uint64_t raw_hash) const override {
    return clusters.Find(raw_hash);
  }
  size_t Row(uint64_t feature) const {
    return static_cast<size_t>(feature >> (64 - hash_bits));
  }

  // Sets the emission scores of n tokens (n rows of kTagStride) from
  // per_token feature hashes each, and more_per_token more from `more` when
  // given (the second layer's document features), under `layer`. Tokens
  // with skip[i] != 0 (when skip is given) are not scored; their rows are
  // left as they were.
  void Emissions(const Layer& layer, const uint64_t* features, int per_token,
                 size_t n, float* emit, const uint8_t* skip = nullptr,
                 const uint64_t* more = nullptr, int more_per_token = 0) const;

  [[nodiscard]] Status Save(const std::string& path) const;
  [[nodiscard]] static Status Load(const std::string& path, Model* out);
};

}  // namespace byline::ner

#endif  // BYLINE_NER_SRC_MODEL_H_
