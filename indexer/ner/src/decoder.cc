#include "decoder.h"

namespace byline::ner {

void DecodeWords(const Model& model, Workspace* ws) {
  const size_t n = ws->words.size();
  ws->extractor.Extract(ws->words, model, &ws->features);
  ws->emissions.resize(n * kTagStride);
  model.Emissions(ws->features.data(), n, ws->emissions.data());
  Viterbi(ws->emissions.data(), n, model.transition, model.start, &ws->viterbi,
          &ws->back, &ws->tags);
}

void SpansFromTags(const std::vector<uint8_t>& tags,
                   std::vector<TokenSpan>* out) {
  out->clear();
  for (size_t i = 0; i < tags.size();) {
    if (tags[i] == kO) {
      ++i;
      continue;
    }
    const int type = TagType(tags[i]);
    size_t j = i + 1;
    while (j < tags.size() && IsInside(tags[j]) && TagType(tags[j]) == type) ++j;
    out->push_back({i, j, type});
    i = j;
  }
}

}  // namespace byline::ner
