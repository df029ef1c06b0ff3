#include "decoder.h"

#include <algorithm>

namespace byline::ner {

void DecodeWords(const Model& model, Workspace* ws) {
  const size_t n = ws->words.size();
  ws->extractor.Extract(ws->words, model, &ws->features);
  ws->emissions.resize(n * kTagStride);
  const Layer& layer = model.layers.front();
  model.Emissions(layer, ws->features.data(),
                  FeatureExtractor::kFeaturesPerToken, n, ws->emissions.data());
  Viterbi(ws->emissions.data(), n, layer.transition, layer.start, &ws->viterbi,
          &ws->back, &ws->tags);
}

void DocWorkspace::Resize(size_t n) {
  count = n;
  if (tokens.size() < n) {
    tokens.resize(n);
    words.resize(n);
    features.resize(n);
    passes.resize(n);
    plain.resize(n);
    tags.resize(n);
  }
}

void DecodeDocument(const Model& model, DocWorkspace* dw) {
  const Layer& first = model.layers.front();
  dw->context.Clear();
  for (size_t p = 0; p < dw->count; ++p) {
    const size_t n = dw->words[p].size();
    dw->extractor.Extract(dw->words[p], model, &dw->features[p],
                          /*skip_plain=*/true);
    dw->plain[p] = dw->extractor.plain();
    const uint8_t* skip = dw->plain[p].data();
    dw->emissions.resize(n * kTagStride);
    model.Emissions(first, dw->features[p].data(),
                    FeatureExtractor::kFeaturesPerToken, n,
                    dw->emissions.data(), skip);
    PassOne& pass = dw->passes[p];
    Viterbi(dw->emissions.data(), n, first.transition, first.start,
            &dw->viterbi, &dw->back, &pass.tags, skip);
    if (model.layers.size() < 2) {
      dw->tags[p] = pass.tags;
      continue;
    }
    CopyWordInfo(dw->extractor, &pass);
    dw->context.Add(pass, dw->words[p]);
  }
  if (model.layers.size() < 2) return;
  const Layer& second = model.layers[1];
  for (size_t p = 0; p < dw->count; ++p) {
    const PassOne& pass = dw->passes[p];
    const size_t n = pass.tags.size();
    dw->doc_features.resize(n * kDocFeaturesPerToken);
    dw->context.Extract(pass, dw->doc_features.data());
    dw->emissions.resize(n * kTagStride);
    const uint8_t* skip = dw->plain[p].data();
    model.Emissions(second, dw->features[p].data(),
                    FeatureExtractor::kFeaturesPerToken, n,
                    dw->emissions.data(), skip, dw->doc_features.data(),
                    kDocFeaturesPerToken);
    Viterbi(dw->emissions.data(), n, second.transition, second.start,
            &dw->viterbi, &dw->back, &dw->tags[p], skip);
  }
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
    while (j < tags.size() && IsInside(tags[j]) && TagType(tags[j]) == type)
      ++j;
    out->push_back({i, j, type});
    i = j;
  }
}

}  // namespace byline::ner
