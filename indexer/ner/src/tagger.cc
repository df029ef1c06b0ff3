#include "byline/ner/tagger.h"

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
    // Buffers are per thread, so tagging stays const and thread-safe
    // without allocating on every call.
    thread_local ner::DocWorkspace dw;
    thread_local std::vector<ner::TokenSpan> spans;
    std::vector<std::vector<NerSpan>> result(ranges.size());
    dw.Resize(ranges.size());
    for (size_t p = 0; p < ranges.size(); ++p) {
      TextRange range = ranges[p];
      if (range.end > text.size()) range.end = text.size();
      dw.tokens[p].clear();
      if (range.start < range.end) ner::Tokenize(text, range, &dw.tokens[p]);
      dw.words[p].clear();
      for (const ner::Token& t : dw.tokens[p]) {
        dw.words[p].push_back(text.substr(t.start, t.end - t.start));
      }
    }
    ner::DecodeDocument(model_, &dw);
    for (size_t p = 0; p < ranges.size(); ++p) {
      ner::SpansFromTags(dw.tags[p], &spans);
      result[p].reserve(spans.size());
      for (const ner::TokenSpan& s : spans) {
        static constexpr NerType kTypes[] = {NerType::kPerson, NerType::kOrg,
                                             NerType::kPlace};
        result[p].push_back({dw.tokens[p][s.first].start,
                             dw.tokens[p][s.last - 1].end, kTypes[s.type]});
      }
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
