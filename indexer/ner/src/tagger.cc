#include "byline/ner/tagger.h"

#include <cstdlib>
#include <utility>

#include "decoder.h"
#include "model.h"

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
    // Buffers are per thread, so Tag() stays const and thread-safe without
    // allocating on every call.
    thread_local ner::Workspace ws;
    thread_local std::vector<ner::TokenSpan> spans;
    std::vector<NerSpan> result;
    if (range.end > text.size()) range.end = text.size();
    if (range.start >= range.end) return result;
    ner::Tokenize(text, range, &ws.tokens);
    ws.words.clear();
    for (const ner::Token& t : ws.tokens) {
      ws.words.push_back(text.substr(t.start, t.end - t.start));
    }
    ner::DecodeWords(model_, &ws);
    ner::SpansFromTags(ws.tags, &spans);
    result.reserve(spans.size());
    for (const ner::TokenSpan& s : spans) {
      static constexpr NerType kTypes[] = {NerType::kPerson, NerType::kOrg,
                                           NerType::kPlace};
      result.push_back({ws.tokens[s.first].start, ws.tokens[s.last - 1].end,
                        kTypes[s.type]});
    }
    return result;
  }

 private:
  ner::Model model_;
};

}  // namespace

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
  return std::string(BYLINE_MODEL_DIR) + "/ner-en.model";
}

}  // namespace byline
