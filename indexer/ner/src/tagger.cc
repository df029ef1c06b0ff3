#include "byline/ner/tagger.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <utility>

#include "decoder.h"
#include "model.h"
#include "text_utf8.h"
#include "tokenizer.h"

#ifndef BYLINE_MODEL_DIR
#define BYLINE_MODEL_DIR "models"
#endif

namespace byline {
namespace {

// The most tokens the decoder holds at once (see TagDocument()).
constexpr size_t kMaxTokensPerDecode = 20000;

class PerceptronTagger : public NerTagger {
 public:
  explicit PerceptronTagger(ner::Model model) : model_(std::move(model)) {}

  std::vector<NerSpan> Tag(std::string_view text,
                           TextRange range) const override {
    std::vector<std::vector<NerSpan>> out = TagDocument(text, {range});
    return std::move(out.front());
  }

  std::vector<std::vector<NerSpan>> TagDocument(
      std::string_view text,
      const std::vector<TextRange>& ranges) const override {
    // Ranges in capitals (headlines, datelines) are tagged as if written in
    // ordinary case; only ASCII letters change, so offsets hold.
    std::string cased;
    for (const TextRange& r : ranges) {
      if (!InCapitals(text, r)) continue;
      if (cased.empty()) cased.assign(text);
      Truecase(r, &cased);
    }
    return TagCased(cased.empty() ? text : std::string_view(cased), ranges);
  }

  // True if `range` is a line in capitals: at least two words of two or
  // more letters, and nine in ten of its ASCII letters upper case.
  static bool InCapitals(std::string_view text, TextRange range) {
    size_t upper = 0, letters = 0, words = 0, run = 0;
    for (size_t i = range.start; i < range.end && i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (std::isalpha(c)) {
        ++letters;
        upper += std::isupper(c) != 0;
        ++run;
      } else {
        words += run >= 2;
        run = 0;
      }
    }
    words += run >= 2;
    return words >= 2 && upper * 10 >= letters * 9;
  }

  // "LEEDS BEAT CHELSEA IN CUP" -> "Leeds beat Chelsea in cup": each word
  // in capitals that the name lists know as written (an acronym: "NATO",
  // "US") stays; a common word ("beat") goes to lower case, except the
  // first word; anything else gets one capital.
  void Truecase(TextRange range, std::string* text) const {
    size_t i = range.start;
    bool first = true;
    const size_t end = std::min(range.end, text->size());
    while (i < end) {
      while (i < end && !std::isalpha(static_cast<unsigned char>((*text)[i]))) {
        ++i;
      }
      size_t e = i;
      while (e < end && std::isalpha(static_cast<unsigned char>((*text)[e]))) {
        ++e;
      }
      if (e == i) break;
      const std::string word = text->substr(i, e - i);
      const bool all_upper =
          std::all_of(word.begin(), word.end(), [](char c) {
            return std::isupper(static_cast<unsigned char>(c));
          });
      // A word glued to non-ASCII letters ("ZÜRICH") is left alone.
      const bool ascii_word =
          (i == 0 || static_cast<unsigned char>((*text)[i - 1]) < 0x80) &&
          (e >= text->size() || static_cast<unsigned char>((*text)[e]) < 0x80);
      if (all_upper && ascii_word && word.size() >= 2 &&
          !Known(LookUpName(word))) {
        std::string lower = word;
        for (char& c : lower) c = static_cast<char>(std::tolower(c));
        std::string title = lower;
        title[0] = word[0];
        const std::string& chosen =
            !first && LookUpWord(lower).common ? lower : title;
        text->replace(i, e - i, chosen);
      }
      first = false;
      i = e;
    }
  }

  static bool Known(const NameFacts& f) {
    return f.person || f.org || f.place || f.gazetteer_org ||
           f.gazetteer_place;
  }

  std::vector<std::vector<NerSpan>> TagCased(
      std::string_view text, const std::vector<TextRange>& ranges) const {
    // Buffers are per thread, so tagging stays const and thread-safe
    // without allocating on every call.
    thread_local ner::DocWorkspace dw;
    // The model does not change: words seen before are looked up once.
    // 32k words, a few MB a thread, cover most of news prose's words.
    constexpr size_t kCachedWords = size_t{1} << 15;
    dw.extractor.CacheWords(kCachedWords);
    thread_local std::vector<ner::TokenSpan> spans;
    thread_local std::vector<ner::Token> range_tokens;
    std::vector<std::vector<NerSpan>> result(ranges.size());
    // The decoder keeps every token's features at once (about 900 bytes a
    // token): paragraphs are decoded in groups of at most
    // kMaxTokensPerDecode tokens, and a longer paragraph in windows of
    // that many, so memory is bounded whatever the text. An article of
    // ordinary length is one group, decoded as a whole.
    std::vector<size_t> owner;  // the range each workspace slot belongs to
    size_t in_group = 0;
    const auto decode = [&] {
      if (owner.empty()) return;
      dw.Resize(owner.size());
      ner::DecodeDocument(model_, &dw);
      for (size_t slot = 0; slot < owner.size(); ++slot) {
        ner::SpansFromTags(dw.tags[slot], &spans);
        const auto& tokens = dw.tokens[slot];
        for (const ner::TokenSpan& sp : spans) {
          static constexpr NerType kTypes[] = {NerType::kPerson, NerType::kOrg,
                                               NerType::kPlace};
          // A name never runs across a line break ("Group B\nTeamsystem":
          // a results table, a headline above a byline): the tokens on
          // each side are names of their own.
          size_t first = sp.first;
          for (size_t k = sp.first + 1; k <= sp.last; ++k) {
            if (k < sp.last &&
                text.substr(tokens[k - 1].end,
                            tokens[k].start - tokens[k - 1].end)
                        .find('\n') == std::string_view::npos) {
              continue;
            }
            result[owner[slot]].push_back(
                {tokens[first].start, tokens[k - 1].end, kTypes[sp.type]});
            first = k;
          }
        }
      }
      owner.clear();
      in_group = 0;
    };
    for (size_t p = 0; p < ranges.size(); ++p) {
      TextRange range = ranges[p];
      if (range.end > text.size()) range.end = text.size();
      range_tokens.clear();
      if (range.start < range.end) ner::Tokenize(text, range, &range_tokens);
      for (size_t first = 0; first < range_tokens.size() || first == 0;
           first += kMaxTokensPerDecode) {
        const size_t n =
            std::min(kMaxTokensPerDecode, range_tokens.size() - first);
        if (in_group > 0 && in_group + n > kMaxTokensPerDecode) decode();
        const size_t slot = owner.size();
        owner.push_back(p);
        dw.Resize(owner.size());
        dw.tokens[slot].assign(range_tokens.begin() + first,
                               range_tokens.begin() + first + n);
        dw.words[slot].clear();
        for (const ner::Token& t : dw.tokens[slot]) {
          dw.words[slot].push_back(text.substr(t.start, t.end - t.start));
        }
        in_group += n;
        if (range_tokens.empty()) break;
      }
    }
    decode();
    if (range_tokens.capacity() > 4 * kMaxTokensPerDecode) {
      range_tokens = {};  // a giant paragraph's tokens: give the memory back
    }
    return result;
  }

  WordFacts LookUpWord(std::string_view word) const override {
    std::string lower;
    for (size_t pos = 0; pos < word.size();) {
      size_t len;
      const char32_t cp = ner::DecodeUtf8(word, pos, &len);
      ner::AppendUtf8(ner::ToLowerChar(cp), &lower);
      pos += len;
    }
    const uint8_t bits = model_.WordClass(ner::HashBytes(lower));
    WordFacts facts;
    facts.demonym = (bits & ner::kWordDemonym) != 0;
    facts.common = (bits & (ner::kWordCommon | ner::kWordDictLower)) != 0;
    facts.title = (bits & ner::kWordTitle) != 0;
    facts.given_name = (bits & ner::kWordGivenName) != 0;
    facts.dictionary_capital = (bits & ner::kWordDictCapital) != 0;
    return facts;
  }

  NameFacts LookUpName(std::string_view name) const override {
    thread_local std::vector<ner::Token> tokens;
    ner::Tokenize(name, {0, name.size()}, &tokens);
    NameFacts facts;
    if (tokens.empty() || tokens.size() > ner::kMaxPhraseTokens) return facts;
    uint64_t h = ner::PhraseStart();
    for (const ner::Token& t : tokens) {
      h = ner::PhraseNext(
          h, ner::HashBytes(name.substr(t.start, t.end - t.start)));
    }
    const uint8_t bits = model_.PhraseTypes(h);
    facts.person = (bits & ner::kTypePer) != 0;
    facts.org = (bits & ner::kTypeOrg) != 0;
    facts.place = (bits & ner::kTypeLoc) != 0;
    facts.gazetteer_org = (bits & ner::kGazOrg) != 0;
    facts.gazetteer_place =
        (bits & (ner::kGazCity | ner::kGazCountry | ner::kGazPlace)) != 0;
    facts.country = (bits & ner::kGazCountry) != 0;
    facts.city = (bits & ner::kGazCity) != 0;
    return facts;
  }

 private:
  ner::Model model_;
};

}  // namespace

std::vector<std::vector<NerSpan>> NerTagger::TagDocument(
    std::string_view text, const std::vector<TextRange>& ranges) const {
  std::vector<std::vector<NerSpan>> out;
  out.reserve(ranges.size());
  for (const TextRange& r : ranges) out.push_back(Tag(text, r));
  return out;
}

Status NerTagger::Load(const std::string& path,
                       std::unique_ptr<NerTagger>* out) {
  ner::Model model;
  Status s = ner::Model::Load(path, &model);
  if (!s.ok()) return s;
  *out = std::make_unique<PerceptronTagger>(std::move(model));
  return Status::Ok();
}

std::string DefaultNerModelPath() {
  if (const char* env = std::getenv("BYLINE_NER_MODEL");
      env != nullptr && *env != '\0') {
    return env;
  }
  // An installed program's own model first, then the source tree's.
  std::error_code ec;
  const std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path beside =
        exe.parent_path().parent_path() / "share/byline/ner-en.model";
    if (std::filesystem::exists(beside, ec)) return beside.string();
  }
  const std::string built = std::string(BYLINE_MODEL_DIR) + "/ner-en.model";
  if (std::filesystem::exists(built, ec)) return built;
#ifdef BYLINE_INSTALL_MODEL_DIR
  const std::string installed =
      std::string(BYLINE_INSTALL_MODEL_DIR) + "/ner-en.model";
  if (std::filesystem::exists(installed, ec)) return installed;
#endif
  return built;
}

}  // namespace byline
