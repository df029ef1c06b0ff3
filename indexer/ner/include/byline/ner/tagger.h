// NerTagger: a statistical named-entity tagger for English news text. It
// finds the names of people, organisations and places in a span of text and
// returns their byte ranges, in the CoNLL style: names only, without titles
// ("Prime Minister"), determiners ("the") or possessive endings ("'s").
// Immutable once loaded: Tag() and TagDocument() are const and thread-safe.
#ifndef BYLINE_NER_TAGGER_H_
#define BYLINE_NER_TAGGER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "byline/passage.h"
#include "byline/status.h"

namespace byline {

enum class NerType { kPerson, kOrg, kPlace };

struct NerSpan {
  size_t start = 0;  // byte offsets into the text given to Tag()
  size_t end = 0;
  NerType type = NerType::kPerson;
  bool operator==(const NerSpan&) const = default;
};

class NerTagger {
 public:
  virtual ~NerTagger() = default;

  // Loads a model file written by byline-train-ner. Fails with kIoError
  // (cannot read) or kBadInput (not a model; the message names the file and
  // the place).
  [[nodiscard]] static Status Load(const std::string& path,
                                   std::unique_ptr<NerTagger>* out);

  // Tags text[range] (a paragraph or a title; it may hold several
  // sentences). REQUIRES: valid UTF-8. Returns spans in text order, inside
  // `range`, not overlapping.
  virtual std::vector<NerSpan> Tag(std::string_view text,
                                   TextRange range) const = 0;

  // Tags the paragraphs text[ranges[i]] of one document (an article's title
  // and paragraphs, in order) and returns their spans, one vector per
  // range, as Tag() would. Better than Tag() on each range: a name seen in
  // one paragraph informs the others ("Ada Lovelace" ... "Lovelace"). Ranges
  // must not overlap. REQUIRES: valid UTF-8. The default calls Tag() on
  // each range (for taggers without document context).
  virtual std::vector<std::vector<NerSpan>> TagDocument(
      std::string_view text, const std::vector<TextRange>& ranges) const;

  // What the model's word lists know of one word, in any case.
  struct WordFacts {
    bool demonym = false;  // a nationality word: "Australian", "Greeks"
    // The word in lowercase is a common word: often lowercase in the
    // training text, or a lowercase dictionary word ("education").
    bool common = false;
    bool title = false;       // a title or office: "Minister", "Mayor"
    bool given_name = false;  // starts people's names: "Donald"
    // A capitalised dictionary word ("European", "Bohemian").
    bool dictionary_capital = false;
  };
  // The default knows nothing (for taggers without word lists).
  virtual WordFacts LookUpWord(std::string_view /*word*/) const { return {}; }

  // What the model's name lists know of a whole name, as written (case
  // matters): the types its training data gave it and the gazetteers it is
  // in (cities, countries, WordNet places and organisations).
  struct NameFacts {
    bool person = false;  // the training data's names
    bool org = false;
    bool place = false;
    bool gazetteer_org = false;    // a WordNet organisation
    bool gazetteer_place = false;  // a city, country or WordNet place
    bool country = false;          // a country's name or code
    bool city = false;             // a city (GeoNames, 15,000+ people)
  };
  // The default knows nothing (for taggers without name lists).
  virtual NameFacts LookUpName(std::string_view /*name*/) const { return {}; }
};

// The model shipped with the project: $BYLINE_NER_MODEL if set; else the
// first of these that exists: ../share/byline/ner-en.model beside the
// running program (an installed byline-index), models/ner-en.model in the
// source tree this was built from, and the configured install prefix's
// share/byline/ner-en.model; else the source tree's path (which the error
// of loading it then names).
std::string DefaultNerModelPath();

}  // namespace byline

#endif  // BYLINE_NER_TAGGER_H_
