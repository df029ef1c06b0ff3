// Rules `ofphrase` and `geoof`: "X of Y" names the tagger cut in two.
#ifndef BYLINE_INDEX_RULES_OF_PHRASES_H_
#define BYLINE_INDEX_RULES_OF_PHRASES_H_

#include <vector>

#include "byline/ner/tagger.h"
#include "byline/passage.h"
#include "byline/text.h"
#include "rules/candidate.h"

namespace byline::rules {

// "X of Y" names the tagger cut in two or more ("Museum" + "Natural
// History", "Society" + "Jesus"): when a tagged name ends with an institution
// or geographic head and "of" / "for" [the] and a capitalised run follow, the
// run joins the name, unless it is a person or a place of its own ("the
// University of Oslo" stays "University" + "Oslo", as in the GUM
// and CoNLL styles). `cands` are sorted and do not overlap.
void JoinOfPhrases(std::string_view text, const std::vector<TextRange>& ranges,
                   const NerTagger& tagger, std::vector<Candidate>* cands);

// Institutions the tagger left out, named "Head of Y" ("The Ministry of
// Finance said", "the Central Bank of Ireland"): a capitalised
// institution's head, with up to two capitalised words before it on its
// run, then "of" or "for" [the] and a capitalised run, none of it tagged,
// is an organisation (rule 'orgfind'). Not a lone head at a sentence's
// start without its "of" phrase; `cands` are sorted after. Rule
// 'instplace': where the only names tagged in it are places after "of",
// the institution takes them in ("the Bank of Mexico", where the tagger
// had "Mexico"); not with a geographic head ("the Republic of Korea" is
// 'geoof''s).
void FindOfInstitutions(const ArticleText& a, std::vector<Candidate>* cands);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_OF_PHRASES_H_
