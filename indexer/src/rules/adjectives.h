// Rule stage `adjective`: a nationality or regional adjective alone is no
// name. "Slovenian", "European" or "South Bohemian" on their own qualify
// something (the CoNLL style's MISC); the tagger may still take them for a
// place or a person. A given name that looks like one ("Adrian",
// "Christian") stays a name.
#ifndef BYLINE_INDEX_RULES_ADJECTIVES_H_
#define BYLINE_INDEX_RULES_ADJECTIVES_H_

#include <functional>
#include <string_view>

#include "byline/ner/tagger.h"
#include "rules/candidate.h"

namespace byline::rules {

// Whether `name` (words split at spaces) is such an adjective alone: one
// word, or a compass word ("North", "South", "East", "West", "Central")
// and one word, that word ending like an adjective (-ian, -ean, -ese,
// -ish) and known to `facts` (the tagger's word lists) as a demonym or a
// capitalised dictionary word, and not as a given name; or a hyphenated
// compound of two or three such words, where a part before the last may be
// a combining form ending in -o ("Polish-Lithuanian", "Franco-Spanish").
bool IsAdjectiveAlone(
    std::string_view name,
    const std::function<NerTagger::WordFacts(std::string_view)>& facts);

// A nationality or regional adjective alone is no name: "Slovenian",
// "South Bohemian" (rules/adjectives.h); a team's name is left alone.
void DropAdjectives(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_ADJECTIVES_H_
