// A stand-in NerTagger for tests: tags every whole-word occurrence of the
// strings it is given, so tests of what is built on top of tagging (names,
// facets, filters, boost) do not depend on what the trained model learned.
// Overlapping spans are returned as found, as a real tagger's might be.
#ifndef BYLINE_TESTS_SUPPORT_LIST_TAGGER_H_
#define BYLINE_TESTS_SUPPORT_LIST_TAGGER_H_

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "byline/ner/tagger.h"

namespace byline::testing {

class ListTagger : public NerTagger {
 public:
  explicit ListTagger(std::vector<std::pair<std::string, NerType>> names,
                      std::vector<std::string> demonyms = {})
      : names_(std::move(names)), demonyms_(std::move(demonyms)) {}

  WordFacts LookUpWord(std::string_view word) const override {
    WordFacts facts;
    facts.demonym = std::find(demonyms_.begin(), demonyms_.end(), word) !=
                    demonyms_.end();
    return facts;
  }

  std::vector<NerSpan> Tag(std::string_view text,
                           TextRange range) const override {
    std::vector<NerSpan> spans;
    const std::string_view part = text.substr(range.start, range.size());
    const auto letter = [&](size_t i) {
      const unsigned char c = static_cast<unsigned char>(part[i]);
      return std::isalnum(c) || c >= 0x80;
    };
    for (const auto& [name, type] : names_) {
      for (size_t at = part.find(name); at != std::string_view::npos;
           at = part.find(name, at + 1)) {
        const size_t end = at + name.size();
        if ((at > 0 && letter(at - 1)) || (end < part.size() && letter(end))) {
          continue;
        }
        spans.push_back({range.start + at, range.start + end, type});
      }
    }
    std::sort(spans.begin(), spans.end(),
              [](const NerSpan& a, const NerSpan& b) {
                return a.start < b.start;
              });
    return spans;
  }

 private:
  std::vector<std::pair<std::string, NerType>> names_;
  std::vector<std::string> demonyms_;
};

}  // namespace byline::testing

#endif  // BYLINE_TESTS_SUPPORT_LIST_TAGGER_H_
