#include "feature_extractor.h"

#include <algorithm>
#include <array>
#include <atomic>

#include "text_utf8.h"

namespace byline::ner {
namespace {

// Words after which a "." does not end a sentence ("Mr. Smith").
bool IsAbbreviation(std::string_view lower) {
  static constexpr std::array<std::string_view, 36> kAbbrev = {
      "mr",   "mrs", "ms",  "dr",  "st",   "jr",  "sr",   "prof", "gen",
      "col",  "lt",  "sgt", "rep", "sen",  "gov", "mt",   "ft",   "capt",
      "rev",  "no",  "vs",  "inc", "corp", "co",  "ltd",  "jan",  "feb",
      "aug",  "sep", "sept", "oct", "nov", "dec", "gov", "pres", "adm"};
  return std::find(kAbbrev.begin(), kAbbrev.end(), lower) != kAbbrev.end();
}

WordInfo PadInfo(std::string_view name) {
  WordInfo w;
  w.raw = w.lower = w.shape = w.short_shape = HashBytes(name);
  w.prefix3 = w.suffix2 = w.suffix3 = w.suffix4 = w.raw;
  w.cluster = name == "<s>" ? 1000 : 1001;  // beyond any word's
  return w;
}

std::atomic<uint64_t> next_lexicon_id{1};

}  // namespace

Lexicon::Lexicon() : id_(next_lexicon_id++) {}
Lexicon::Lexicon(const Lexicon&) : id_(next_lexicon_id++) {}

void FeatureExtractor::Describe(std::string_view word, WordInfo* info) {
  lower_buf_.clear();
  shape_buf_.clear();
  short_buf_.clear();
  // Byte offsets in lower_buf_ where code points start: the first four and
  // a ring of the last five, for prefixes and suffixes.
  std::array<uint32_t, 4> first{};
  std::array<uint32_t, 5> last{};
  size_t count = 0;
  char prev_shape = 0;
  int run = 0;
  bool first_char = true;
  *info = WordInfo();
  for (size_t pos = 0; pos < word.size();) {
    size_t len;
    const char32_t cp = DecodeUtf8(word, pos, &len);
    const CharClass cls = ClassifyChar(cp);
    const auto at = static_cast<uint32_t>(lower_buf_.size());
    if (count < first.size()) first[count] = at;
    last[count % last.size()] = at;
    ++count;
    AppendUtf8(ToLowerChar(cp), &lower_buf_);
    char sh;
    switch (cls) {
      case CharClass::kUpper: sh = 'X'; info->salient = true; break;
      case CharClass::kLower: sh = 'x'; info->has_lower = true; break;
      case CharClass::kDigit: sh = 'd'; info->salient = true; break;
      case CharClass::kOtherLetter: sh = 'o'; info->salient = true; break;
      default: sh = cp < 0x80 ? static_cast<char>(cp) : '*'; break;
    }
    if (first_char) info->upper_initial = cls == CharClass::kUpper;
    first_char = false;
    if (sh == prev_shape) {
      ++run;
    } else {
      run = 1;
      short_buf_.push_back(sh);
    }
    if (run <= 4) shape_buf_.push_back(sh);
    prev_shape = sh;
    pos += len;
  }
  const std::string_view lower(lower_buf_);
  info->raw = HashBytes(word);
  info->lower = HashBytes(lower);
  info->shape = HashBytes(shape_buf_, 1);
  info->short_shape = HashBytes(short_buf_, 2);
  auto suffix = [&](size_t k) -> uint64_t {
    if (count < k) return HashBytes(lower, 10 + k);
    return HashBytes(lower.substr(last[(count - k) % last.size()]), 10 + k);
  };
  info->prefix3 = count > 3 ? HashBytes(lower.substr(0, first[3]), 3)
                            : HashBytes(lower, 3);
  info->suffix2 = suffix(2);
  info->suffix3 = suffix(3);
  info->suffix4 = suffix(4);
  if (word == "." || word == "!" || word == "?" || word == "\xE2\x80\xA6") {
    info->sentence_end = true;
  }
  if (word == "\"" || word == "'" || word == "(" || word == "[" ||
      word == "\xE2\x80\x9C" || word == "\xE2\x80\x98" || word == "-" ||
      word == "\xE2\x80\x94" || word == "\xE2\x80\x93" || word == "\xC2\xAB") {
    info->opener = true;
  }
  // "Mr." / "J." : remember the word, so the "." after it is not an end.
  if (IsAbbreviation(lower) || (count == 1 && info->upper_initial)) {
    info->opener = false;
    info->sentence_initial = true;  // reused below as "abbreviation" marker
  }
}

void FeatureExtractor::DescribeAndLookUp(std::string_view word,
                                         const Lexicon& lex, WordInfo* info) {
  Describe(word, info);
  info->word_class = lex.WordClass(info->lower);
  uint16_t cluster = lex.WordCluster(info->raw);
  if (cluster == 0 && info->raw != info->lower) {
    if (const uint8_t c = lex.WordCluster(info->lower); c != 0) {
      cluster = static_cast<uint16_t>(c + kMaxCluster);
    }
  }
  info->cluster = cluster;
}

void FeatureExtractor::Extract(const std::vector<std::string_view>& words,
                               const Lexicon& lex, std::vector<uint64_t>* out,
                               bool skip_plain) {
  static const WordInfo kBos = PadInfo("<s>");
  static const WordInfo kEos = PadInfo("</s>");
  const size_t n = words.size();
  info_.resize(n);
  lower_seen_.clear();
  if (cache_lexicon_ != lex.id() || cache_.size() >= cache_max_) {
    cache_.clear();
    cache_lexicon_ = lex.id();
  }
  for (size_t i = 0; i < n; ++i) {
    if (cache_max_ == 0) {
      DescribeAndLookUp(words[i], lex, &info_[i]);
    } else if (auto it = cache_.find(words[i]); it != cache_.end()) {
      info_[i] = it->second;
    } else {
      DescribeAndLookUp(words[i], lex, &info_[i]);
      cache_.emplace(std::string(words[i]), info_[i]);
    }
    if (info_[i].has_lower && !info_[i].upper_initial) {
      lower_seen_.push_back(info_[i].lower);
    }
  }
  std::sort(lower_seen_.begin(), lower_seen_.end());
  plain_.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    bool plain = true;
    for (size_t j = i > 0 ? i - 1 : 0; j <= i + 2 && j < n && plain; ++j) {
      plain = !info_[j].salient;
    }
    plain_[i] = plain ? 1 : 0;
  }
  // Sentence starts: after . ! ? (not after an abbreviation), skipping
  // opening quotes and brackets.
  std::vector<bool> abbrev(n);
  for (size_t i = 0; i < n; ++i) {
    abbrev[i] = info_[i].sentence_initial;
    info_[i].sentence_initial = false;
  }
  for (size_t i = 0; i < n; ++i) {
    size_t j = i;
    while (j > 0 && info_[j - 1].opener) --j;
    info_[i].sentence_initial =
        j == 0 || (info_[j - 1].sentence_end && !(j >= 2 && abbrev[j - 2]));
  }
  // Known names: greedy longest match from left to right.
  gaz_.assign(n, 0);
  for (size_t i = 0; i < n;) {
    if (!info_[i].upper_initial) {
      ++i;
      continue;
    }
    uint64_t h = PhraseStart();
    size_t best = 0;
    uint8_t best_types = 0;
    for (size_t len = 1; len <= kMaxPhraseTokens && i + len <= n; ++len) {
      h = PhraseNext(h, info_[i + len - 1].raw);
      if (const uint8_t t = lex.PhraseTypes(h); t != 0) {
        best = len;
        best_types = t;
      }
    }
    if (best == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < best; ++k) {
      const uint8_t pos = best == 1 ? 0 : k == 0 ? 1 : k + 1 == best ? 3 : 2;
      gaz_[i + k] = static_cast<uint16_t>(best_types << 2 | pos);
    }
    i += best;
  }

  out->resize(n * kFeaturesPerToken);
  auto at = [&](ptrdiff_t i) -> const WordInfo& {
    if (i < 0) return kBos;
    if (i >= static_cast<ptrdiff_t>(n)) return kEos;
    return info_[i];
  };
  auto gaz = [&](ptrdiff_t i) -> uint64_t {
    if (i < 0 || i >= static_cast<ptrdiff_t>(n)) return 0xFFFF;
    return gaz_[i];
  };
  for (size_t idx = 0; idx < n; ++idx) {
    if (skip_plain && plain_[idx]) continue;
    const auto i = static_cast<ptrdiff_t>(idx);
    const WordInfo& w = info_[idx];
    const WordInfo& p1 = at(i - 1);
    const WordInfo& p2 = at(i - 2);
    const WordInfo& n1 = at(i + 1);
    const WordInfo& n2 = at(i + 2);
    const uint64_t initial = w.sentence_initial ? 1 : 0;
    const uint64_t common = w.word_class;
    uint64_t lower_elsewhere = 0;
    if (w.upper_initial) {
      lower_elsewhere =
          std::binary_search(lower_seen_.begin(), lower_seen_.end(), w.lower)
              ? 2
              : 1;
    }
    uint64_t* f = out->data() + idx * kFeaturesPerToken;
    int k = 0;
    auto put = [&](uint64_t value) {
      f[k] = Combine(static_cast<uint64_t>(k) * 0x2545F4914F6CDD1DULL + 7,
                     value);
      ++k;
    };
    put(0);
    put(w.lower);
    put(w.raw);
    put(w.shape);
    put(w.prefix3);
    put(w.suffix2);
    put(w.suffix3);
    put(w.suffix4);
    put(p1.lower);
    put(n1.lower);
    put(p2.lower);
    put(n2.lower);
    put(Combine(Combine(p1.short_shape, w.short_shape), n1.short_shape));
    put(p1.short_shape);
    put(n1.short_shape);
    put(p2.short_shape);
    put(n2.short_shape);
    put(Combine(p1.lower, w.lower));
    put(Combine(w.lower, n1.lower));
    put(Combine(w.short_shape, initial << 3 | common));
    put(lower_elsewhere * 2 + initial);
    put(gaz(i));
    put(gaz(i - 1));
    put(gaz(i + 1));
    put(Combine(gaz(i) << 1 | initial, common));
    put(Combine(p1.lower, w.short_shape));
    put(Combine(w.short_shape, n1.lower));
    put(Combine(p1.raw, w.short_shape));
    put(Combine(Combine(p1.word_class, p1.short_shape),
                Combine(w.word_class, w.short_shape)));
    put(Combine(Combine(w.word_class, w.short_shape),
                Combine(n1.word_class, n1.short_shape)));
    put(Combine(gaz(i - 1) << 16 | gaz(i), w.short_shape));
    put(Combine(gaz(i) << 16 | gaz(i + 1), p1.lower));
    put(Combine(Combine(p1.word_class, w.word_class), n1.word_class));
    // Word clusters: the word's and its neighbours', and the coarse
    // cluster with the shape.
    put(w.cluster);
    put(p1.cluster);
    put(n1.cluster);
    const bool via_lower = w.cluster > kMaxCluster;
    const auto own = static_cast<uint8_t>(via_lower ? w.cluster - kMaxCluster
                                                    : w.cluster);
    put(Combine(CoarseCluster(own) + (via_lower ? 256u : 0u), w.short_shape));
  }
}

}  // namespace byline::ner
