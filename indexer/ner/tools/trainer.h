// Training and evaluation for the NER tagger (used by byline-train-ner).
// Reads WikiANN / WNUT-17 CoNLL files and GUM names JSONL, trains an
// averaged structured perceptron over the features in feature_extractor.h and
// writes a Model; evaluates a tagger on names JSONL with exact span match.
#ifndef BYLINE_NER_TOOLS_TRAINER_H_
#define BYLINE_NER_TOOLS_TRAINER_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "byline/ner/tagger.h"
#include "byline/status.h"

namespace byline::ner {

struct Example {
  std::vector<std::string> words;
  std::vector<uint8_t> tags;  // Tag values, one per word
  int repeat = 1;             // times seen per epoch; 0: name lists only
  bool whole_mentions = false;  // names may hold "of", "the" (WikiANN)
  int doc = -1;  // document number (paragraphs of one JSONL document); -1:
                 // a document of its own
};

enum class ConllFormat { kWikiann, kWnut };

// Appends the sentences of a CoNLL file. WNUT types map person->PER,
// location->LOC, corporation and group->ORG; others become O.
// Sentences shorter than min_tokens, or without a lowercase word (lists,
// titles), only feed the name lists (repeat 0) when min_tokens > 0.
[[nodiscard]] Status ReadConll(const std::string& path, ConllFormat format,
                               int repeat, size_t min_tokens,
                               std::vector<Example>* out);

// Appends the paragraphs of a names JSONL file ({doc_id, text, entities
// with character offsets}), tokenized as the tagger does. Documents whose
// id is in `exclude` are skipped; GUM news documents are refused (they are
// the test set).
[[nodiscard]] Status ReadNamesJsonl(const std::string& path,
                                    const std::vector<std::string>& exclude,
                                    int repeat, std::vector<Example>* out);

struct TrainOptions {
  int epochs = 8;
  uint32_t hash_bits = 20;
  uint64_t seed = 1;
  int min_common_count = 3;  // lowercase uses for a "common word"
  std::string iso_codes_dir = "/usr/share/iso-codes/json";
  std::string dictionary = "/usr/share/dict/words";  // empty: none
  // Lists from bench/ner/export_gazetteers.mjs; empty: none.
  std::string gazetteer_dir;
  // Word clusters (bench/ner/make_clusters.py); empty: none.
  std::string clusters;
  // Cut whole mentions ("University of Helsinki") into their capitalised
  // runs ("University", "Helsinki"), the style of the GUM names gold.
  bool split_mentions = true;
  // Without split_mentions: also take titles off whole mentions, as the
  // CoNLL style leaves them out ("Prime Minister of Peru" -> "Peru",
  // typed as the lists know it; "U.S. President" -> "U.S."), unless
  // keep_titles.
  bool keep_titles = false;
  // Also cut a name that starts with a place or person of its own, as the
  // GUM style does ("Irving Police Department" -> "Irving" LOC + "Police
  // Department" ORG); only with split_mentions.
  bool cut_nested = false;
  // Two passes: layer 2 sees pass 1's tags of the whole document, trained
  // on pass-1 tags from stack_folds cross-validation models.
  bool two_pass = true;
  int stack_folds = 5;
  // Update rule: false, the plain perceptron (step 1); true, passive-
  // aggressive (PA-I): the step that makes the gold sequence beat the
  // prediction by its Hamming loss, at most pa_c.
  bool passive_aggressive = false;
  float pa_c = 1.0f;
  // Weight rows (hashed features) seen in fewer training tokens than this
  // are not learned (0 or 1: all are).
  int min_feature_count = 0;
  // Perceptrons per layer, each on its own shuffles, whose averaged weights
  // are averaged into the layer (1: one).
  int ensemble = 1;
  // While an interview paragraph is featurized, the names of its whole
  // document (not only its own) are left out of the name lists, as they
  // would be for a new article.
  bool leave_document_out = false;
  std::vector<Example> dev;  // scored after every epoch when not empty
};

[[nodiscard]] Status Train(std::vector<Example> train,
                           const TrainOptions& options,
                           const std::string& model_path, std::ostream& log);

struct EvalOptions {
  bool show_errors = false;
};

// Tags every document paragraph by paragraph and prints precision, recall
// and F1 per type and micro-averaged.
[[nodiscard]] Status EvaluateJsonl(const NerTagger& tagger,
                                   const std::string& gold_path,
                                   const EvalOptions& options,
                                   std::ostream& out);

// Tags the texts of a JSONL file `repeat` times and prints the throughput.
[[nodiscard]] Status Benchmark(const NerTagger& tagger,
                               const std::string& jsonl_path, int repeat,
                               std::ostream& out);

}  // namespace byline::ner

#endif  // BYLINE_NER_TOOLS_TRAINER_H_
