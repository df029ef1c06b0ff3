#include "model.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>

#include "doc_features.h"

namespace byline::ner {
namespace {

constexpr char kMagic[] = "byline-ner-model\n";
constexpr size_t kMagicLen = sizeof(kMagic) - 1;
constexpr char kTrailer[] = "end\n";

class Writer {
 public:
  template <typename T>
  void Put(const T& v) {
    const auto* p = reinterpret_cast<const char*>(&v);
    buf_.append(p, sizeof(T));
  }
  void PutBytes(const char* p, size_t n) { buf_.append(p, n); }
  const std::string& buffer() const { return buf_; }

 private:
  std::string buf_;
};

class Reader {
 public:
  explicit Reader(const std::string& data) : data_(data) {}
  template <typename T>
  bool Get(T* v) {
    if (data_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  // n values at once; false if fewer are left.
  template <typename T>
  bool GetArray(T* v, size_t n) {
    if ((data_.size() - pos_) / sizeof(T) < n) return false;
    std::memcpy(v, data_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool Skip(const char* expected, size_t n) {
    if (data_.size() - pos_ < n || data_.compare(pos_, n, expected, n) != 0)
      return false;
    pos_ += n;
    return true;
  }
  size_t pos() const { return pos_; }
  size_t remaining() const { return data_.size() - pos_; }

 private:
  const std::string& data_;
  size_t pos_ = 0;
};

}  // namespace

void HashTable::Reserve(size_t n) {
  size_t cap = 16;
  while (cap < n * 2) cap <<= 1;
  LargeTable<uint64_t> old_keys = std::move(keys_);
  LargeTable<uint8_t> old_values = std::move(values_);
  keys_.clear();  // moved from: empty already
  values_.clear();
  keys_.resize(cap);  // zeros (see Load() on resize against assign)
  values_.resize(cap);
  mask_ = cap - 1;
  size_ = 0;
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] != 0) Insert(old_keys[i], old_values[i]);
  }
}

void HashTable::Insert(uint64_t key, uint8_t value) {
  if ((size_ + 1) * 2 > keys_.size()) Reserve(size_ + 1 + size_);
  key |= 1;
  for (size_t i = key & mask_;; i = (i + 1) & mask_) {
    if (keys_[i] == key) {
      values_[i] = value;
      return;
    }
    if (keys_[i] == 0) {
      keys_[i] = key;
      values_[i] = value;
      ++size_;
      return;
    }
  }
}

namespace {
using F4 = float __attribute__((vector_size(16)));
using I4 = int32_t __attribute__((vector_size(16)));
}  // namespace

void Viterbi(const float* emit, size_t n,
             const float transition[kTagStride][kTagStride],
             const float start[kTagStride], std::vector<float>* scratch,
             std::vector<uint8_t>* back, std::vector<uint8_t>* tags,
             const uint8_t* skip) {
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  tags->assign(n, kO);
  if (n == 0) return;
  // The transitions with the BIO constraint in them: I-X only after B-X or
  // I-X, -infinity otherwise (never better than an allowed tag, and a sum
  // with it stays -infinity). The padding tag is never reached.
  float allowed[kTagStride][kTagStride];
  for (int p = 0; p < kTagStride; ++p) {
    for (int t = 0; t < kTagStride; ++t) {
      const bool ok = p < kNumTags && t < kNumTags &&
                      (!IsInside(t) || p == t || p == t - 1);
      allowed[p][t] = ok ? transition[p][t] : kNeg;
    }
  }
  scratch->resize(2 * kTagStride);
  back->resize(n * kTagStride);
  float* cur = scratch->data();
  float* next = cur + kTagStride;
  if (skip != nullptr && skip[0] != 0) {
    for (int t = 0; t < kNumTags; ++t) cur[t] = t == kO ? start[t] : kNeg;
  } else {
    for (int t = 0; t < kNumTags; ++t) {
      cur[t] = IsInside(t) ? kNeg : start[t] + emit[t];
    }
  }
  for (size_t i = 1; i < n; ++i) {
    const float* e = emit + i * kTagStride;
    uint8_t* b = back->data() + i * kTagStride;
    if (skip != nullptr && skip[i] != 0) {
      // O is the only tag here; every tag may precede O.
      float best = kNeg;
      int arg = 0;
      for (int p = 0; p < kNumTags; ++p) {
        const float s = cur[p] + transition[p][kO];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      for (int t = 0; t < kNumTags; ++t) {
        next[t] = kNeg;
        b[t] = static_cast<uint8_t>(arg);
      }
      next[kO] = best;
      std::swap(cur, next);
      continue;
    }
    // Four tags at a time (GCC's vector types, SSE2's width), the
    // previous tags in order so that the first best wins ties, as a loop
    // over tags with a test for each would have it.
    for (int h = 0; h < kTagStride; h += 4) {
      F4 best, s;
      std::memcpy(&best, &allowed[0][h], sizeof(best));
      best += cur[0];
      I4 arg = {0, 0, 0, 0};
      for (int p = 1; p < kNumTags; ++p) {
        std::memcpy(&s, &allowed[p][h], sizeof(s));
        s += cur[p];
        const I4 better = s > best;
        best = better ? s : best;
        arg = better ? I4{p, p, p, p} : arg;
      }
      F4 em;
      std::memcpy(&em, e + h, sizeof(em));
      best += em;
      std::memcpy(next + h, &best, sizeof(best));
      for (int k = 0; k < 4; ++k) b[h + k] = static_cast<uint8_t>(arg[k]);
    }
    std::swap(cur, next);
  }
  int best = 0;
  for (int t = 1; t < kNumTags; ++t) {
    if (cur[t] > cur[best]) best = t;
  }
  for (size_t i = n; i-- > 0;) {
    (*tags)[i] = static_cast<uint8_t>(best);
    if (i > 0) best = (*back)[i * kTagStride + best];
  }
}

void Model::Emissions(const Layer& layer, const uint64_t* features,
                      int per_token, size_t n, float* emit, const uint8_t* skip,
                      const uint64_t* more, int more_per_token) const {
  const int shift = 64 - static_cast<int>(hash_bits);
  const int16_t* w = layer.weights.data();
  for (size_t i = 0; i < n; ++i) {
    if (skip != nullptr && skip[i] != 0) continue;
    int32_t acc[kTagStride] = {};
    const auto add = [&](const uint64_t* f, int count) {
      for (int k = 0; k < count; ++k) {
        const int16_t* row = w + (f[k] >> shift) * kTagStride;
        for (int t = 0; t < kTagStride; ++t) acc[t] += row[t];
      }
    };
    add(features + i * per_token, per_token);
    if (more != nullptr) add(more + i * more_per_token, more_per_token);
    float* e = emit + i * kTagStride;
    for (int t = 0; t < kTagStride; ++t) {
      e[t] = static_cast<float>(acc[t]) * layer.scale;
    }
  }
}

Status Model::Save(const std::string& path) const {
  Writer w;
  w.PutBytes(kMagic, kMagicLen);
  w.Put(kModelVersion);
  w.Put(hash_bits);
  w.Put(static_cast<uint32_t>(kNumTags));
  w.Put(static_cast<uint32_t>(FeatureExtractor::kFeaturesPerToken));
  w.Put(static_cast<uint32_t>(kDocFeaturesPerToken));
  w.Put(static_cast<uint32_t>(layers.size()));
  const size_t rows = size_t{1} << hash_bits;
  for (const Layer& layer : layers) {
    w.Put(layer.scale);
    for (const auto& row : layer.transition) {
      w.PutBytes(reinterpret_cast<const char*>(row), sizeof(row));
    }
    w.PutBytes(reinterpret_cast<const char*>(layer.start), sizeof(layer.start));
    auto nonzero_row = [&](size_t r) {
      const int16_t* row = layer.weights.data() + r * kTagStride;
      for (int t = 0; t < kNumTags; ++t) {
        if (row[t] != 0) return true;
      }
      return false;
    };
    uint32_t nonzero = 0;
    for (size_t r = 0; r < rows; ++r) nonzero += nonzero_row(r) ? 1 : 0;
    w.Put(nonzero);
    for (size_t r = 0; r < rows; ++r) {
      if (!nonzero_row(r)) continue;
      w.Put(static_cast<uint32_t>(r));
      w.PutBytes(
          reinterpret_cast<const char*>(layer.weights.data() + r * kTagStride),
          kNumTags * sizeof(int16_t));
    }
  }
  // The word lists, in the order Load() reads them.
  for (const HashTable* table : {&names, &common, &clusters}) {
    w.Put(static_cast<uint32_t>(table->size()));
    table->ForEach([&](uint64_t k, uint8_t v) {
      w.Put(k);
      w.Put(v);
    });
  }
  w.PutBytes(kTrailer, 4);

  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "wb"),
                                          &std::fclose);
  if (!f) return IoError(path + ": cannot write: " + std::strerror(errno));
  const std::string& buf = w.buffer();
  if (std::fwrite(buf.data(), 1, buf.size(), f.get()) != buf.size()) {
    return IoError(path + ": write failed: " + std::strerror(errno));
  }
  return Status::Ok();
}

Status Model::Load(const std::string& path, Model* out) {
  std::string data;
  {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"),
                                            &std::fclose);
    if (!f) return IoError(path + ": cannot open: " + std::strerror(errno));
    // Read in one piece when the size is known: growing the string by
    // chunks copied the 23 MB model several times over.
    if (std::fseek(f.get(), 0, SEEK_END) == 0) {
      const long size = std::ftell(f.get());
      if (size > 0) data.reserve(static_cast<size_t>(size));
      std::rewind(f.get());
    }
    char buf[1 << 16];
    size_t got;
    while ((got = std::fread(buf, 1, sizeof(buf), f.get())) > 0)
      data.append(buf, got);
    if (std::ferror(f.get())) return IoError(path + ": read failed");
  }
  Reader r(data);
  if (!r.Skip(kMagic, kMagicLen)) {
    return BadInput(path + ": not a Byline NER model (bad header at byte 0)");
  }
  auto truncated = [&]() {
    return BadInput(path + ": truncated or corrupt NER model (at byte " +
                    std::to_string(r.pos()) + ")");
  };
  uint32_t version = 0, bits = 0, tags = 0, per_token = 0;
  if (!r.Get(&version)) return truncated();
  if (version != kModelVersion) {
    return BadInput(path + ": NER model version " + std::to_string(version) +
                    ", this program reads version " +
                    std::to_string(kModelVersion));
  }
  uint32_t doc_per_token = 0, num_layers = 0;
  if (!r.Get(&bits) || !r.Get(&tags) || !r.Get(&per_token) ||
      !r.Get(&doc_per_token) || !r.Get(&num_layers)) {
    return truncated();
  }
  if (bits < 8 || bits > 26 || tags != kNumTags ||
      per_token != FeatureExtractor::kFeaturesPerToken ||
      doc_per_token != kDocFeaturesPerToken || num_layers < 1 ||
      num_layers > 2) {
    return BadInput(path + ": NER model made for a different feature set");
  }
  Model& m = *out;
  m.hash_bits = bits;
  const size_t rows = size_t{1} << bits;
  m.layers.assign(num_layers, Layer());
  uint32_t n = 0;
  for (Layer& layer : m.layers) {
    if (!r.Get(&layer.scale)) return truncated();
    for (auto& row : layer.transition) {
      for (float& v : row) {
        if (!r.Get(&v)) return truncated();
      }
    }
    for (float& v : layer.start) {
      if (!r.Get(&v)) return truncated();
    }
    // A new layer: resize() value-initialises, zeros the compiler writes
    // as a memset; assign(n, 0) filled one element at a time with this
    // allocator, 67 M of the 182 M instructions of loading the shipped
    // model (callgrind, session 23).
    layer.weights.resize(rows * kTagStride);
    if (!r.Get(&n) || r.remaining() / (4 + 2 * kNumTags) < n)
      return truncated();
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t row = 0;
      r.Get(&row);
      if (row >= rows) return truncated();
      r.GetArray(&layer.weights[row * kTagStride], kNumTags);
    }
  }
  // The three word lists: n x (u64 hash, u8 value) each.
  const auto read_table = [&](HashTable* table) {
    if (!r.Get(&n) || r.remaining() / 9 < n) return false;
    table->Reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
      uint64_t k = 0;
      uint8_t v = 0;
      r.Get(&k);
      r.Get(&v);
      table->Insert(k, v);
    }
    return true;
  };
  if (!read_table(&m.names) || !read_table(&m.common) ||
      !read_table(&m.clusters)) {
    return truncated();
  }
  if (!r.Skip(kTrailer, 4) || r.remaining() != 0) return truncated();
  return Status::Ok();
}

}  // namespace byline::ner
