// Runs a Model over a token sequence: features, emission scores, Viterbi.
// The Workspace holds every buffer so that tagging a paragraph allocates
// nothing once the buffers have grown; one Workspace per thread.
#ifndef BYLINE_NER_SRC_DECODER_H_
#define BYLINE_NER_SRC_DECODER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "doc_features.h"
#include "feature_extractor.h"
#include "model.h"
#include "tokenizer.h"

namespace byline::ner {

struct Workspace {
  FeatureExtractor extractor;
  std::vector<Token> tokens;
  std::vector<std::string_view> words;
  std::vector<uint64_t> features;
  std::vector<float> emissions;
  std::vector<float> viterbi;
  std::vector<uint8_t> back;
  std::vector<uint8_t> tags;
};

// Tags ws->words into ws->tags with the model's first layer.
void DecodeWords(const Model& model, Workspace* ws);

// Buffers for tagging a document (paragraphs); grows, never shrinks.
struct DocWorkspace {
  FeatureExtractor extractor;
  size_t count = 0;  // paragraphs in use
  std::vector<std::vector<Token>> tokens;
  std::vector<std::vector<std::string_view>> words;
  std::vector<std::vector<uint64_t>> features;  // pass-1 features
  std::vector<PassOne> passes;
  std::vector<std::vector<uint8_t>> plain;  // FeatureExtractor::plain()
  std::vector<std::vector<uint8_t>> tags;   // the result
  DocContext context;
  std::vector<uint64_t> doc_features;
  std::vector<float> emissions, viterbi;
  std::vector<uint8_t> back;
  void Resize(size_t n);
};

// Tags dw->words[0, dw->count) into dw->tags: pass 1 per paragraph, then,
// for a two-layer model, pass 2 with the document features.
void DecodeDocument(const Model& model, DocWorkspace* dw);

constexpr int kLayer2FeaturesPerToken =
    FeatureExtractor::kFeaturesPerToken + kDocFeaturesPerToken;

// A name found by the tags: tokens [first, last) of one type (0 PER, 1 ORG,
// 2 LOC).
struct TokenSpan {
  size_t first = 0;
  size_t last = 0;
  int type = 0;
};
void SpansFromTags(const std::vector<uint8_t>& tags,
                   std::vector<TokenSpan>* out);

}  // namespace byline::ner

#endif  // BYLINE_NER_SRC_DECODER_H_
