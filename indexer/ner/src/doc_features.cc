#include "doc_features.h"

#include <algorithm>

namespace byline::ner {

void CopyWordInfo(const FeatureExtractor& fx, PassOne* p) {
  const std::vector<WordInfo>& info = fx.info();
  p->raw.resize(info.size());
  p->short_shape.resize(info.size());
  p->upper.resize(info.size());
  for (size_t i = 0; i < info.size(); ++i) {
    p->raw[i] = info[i].raw;
    p->short_shape[i] = info[i].short_shape;
    p->upper[i] = info[i].upper_initial ? 1 : 0;
  }
}

void DocContext::Codes(const PassOne& p, std::vector<uint8_t>* out) {
  const size_t n = p.tags.size();
  out->assign(n, 0);
  for (size_t i = 0; i < n;) {
    if (p.tags[i] == kO) {
      ++i;
      continue;
    }
    const int type = TagType(p.tags[i]);
    size_t j = i + 1;
    while (j < n && IsInside(p.tags[j]) && TagType(p.tags[j]) == type) ++j;
    for (size_t k = i; k < j; ++k) {
      const int place = j - i == 1 ? 0 : k == i ? 1 : k + 1 == j ? 3 : 2;
      (*out)[k] = static_cast<uint8_t>(1 + type * 4 + place);
    }
    i = j;
  }
}

void DocContext::Add(const PassOne& p,
                     const std::vector<std::string_view>& words) {
  // Initials of runs of two or more capitalised words, across "of", "the",
  // "for", "and", "&" and a possessive.
  std::string initials;
  auto flush = [&]() {
    if (initials.size() >= 2 && initials.size() <= 8) {
      acronyms_.insert(std::lower_bound(acronyms_.begin(), acronyms_.end(),
                                        HashBytes(initials)),
                       HashBytes(initials));
    }
    initials.clear();
  };
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    const char c = w.empty() ? 0 : w[0];
    if (c >= 'A' && c <= 'Z' && p.upper[i] && w.size() > 1) {
      initials.push_back(c);
    } else if (!(w == "of" || w == "the" || w == "for" || w == "and" ||
                 w == "&" || w == "'s" || w == "\xE2\x80\x99s")) {
      flush();
    }
  }
  flush();
  Codes(p, &codes_);
  for (size_t i = 0; i < p.raw.size(); ++i) {
    if (!p.upper[i]) continue;
    auto& c = counts_[p.raw[i]];
    if (c[codes_[i]] < 0xFFFF) ++c[codes_[i]];
  }
}

void DocContext::Extract(const PassOne& p, uint64_t* out) const {
  Codes(p, &codes_);
  const size_t n = p.raw.size();
  // Per token: bits of the codes seen at other occurrences, and the type
  // seen most often there (0 none, 1 + type; 4: mostly not a name).
  auto elsewhere = [&](size_t i, uint32_t* mask, uint32_t* major) {
    *mask = 0;
    *major = 0;
    if (i >= n || !p.upper[i]) return;
    auto it = counts_.find(p.raw[i]);
    if (it == counts_.end()) return;
    std::array<uint16_t, kCodes> c = it->second;
    if (c[codes_[i]] > 0) --c[codes_[i]];
    int by_type[4] = {c[0], 0, 0, 0};
    for (int k = 1; k < kCodes; ++k) {
      if (c[k] > 0) *mask |= 1u << k;
      by_type[1 + (k - 1) / 4] += c[k];
    }
    if (c[0] > 0) *mask |= 1;
    int best = 0;
    for (int t = 1; t < 4; ++t) {
      if (by_type[t] > by_type[best]) best = t;
    }
    if (by_type[best] > 0) *major = best == 0 ? 4 : static_cast<uint32_t>(best);
  };
  for (size_t i = 0; i < n; ++i) {
    uint32_t mask, major, prev_major = 0, next_major = 0, unused;
    elsewhere(i, &mask, &major);
    if (i > 0) elsewhere(i - 1, &unused, &prev_major);
    if (i + 1 < n) elsewhere(i + 1, &unused, &next_major);
    const uint64_t own = codes_[i];
    const uint64_t prev_own = i > 0 ? codes_[i - 1] : 99;
    const uint64_t next_own = i + 1 < n ? codes_[i + 1] : 99;
    uint64_t* f = out + i * kDocFeaturesPerToken;
    int k = 0;
    auto put = [&](uint64_t value) {
      f[k] = Combine(static_cast<uint64_t>(k + 100) * 0x2545F4914F6CDD1DULL + 11,
                     value);
      ++k;
    };
    put(own);
    put(Combine(Combine(prev_own, own), next_own));
    put(mask);
    put(Combine(major, own));
    put(Combine(major, p.short_shape[i]));
    put(Combine(Combine(prev_major, major), next_major));
    put(Combine(mask, own));
    put(Combine(Combine(prev_own, major), p.upper[i]));
    const bool acronym = std::binary_search(acronyms_.begin(), acronyms_.end(),
                                            p.raw[i]);
    put(Combine(acronym ? 1 : 0, own));
  }
}

}  // namespace byline::ner
