// Runs a Model over a token sequence: features, emission scores, Viterbi.
// The Workspace holds every buffer so that tagging a paragraph allocates
// nothing once the buffers have grown; one Workspace per thread.
#ifndef BYLINE_NER_SRC_DECODER_H_
#define BYLINE_NER_SRC_DECODER_H_

#include <cstdint>
#include <string_view>
#include <vector>

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

// Tags ws->words into ws->tags.
void DecodeWords(const Model& model, Workspace* ws);

// A name found by the tags: tokens [first, last) of one type (0 PER, 1 ORG,
// 2 LOC).
struct TokenSpan {
  size_t first = 0;
  size_t last = 0;
  int type = 0;
};
void SpansFromTags(const std::vector<uint8_t>& tags, std::vector<TokenSpan>* out);

}  // namespace byline::ner

#endif  // BYLINE_NER_SRC_DECODER_H_
