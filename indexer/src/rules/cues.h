// Rule stage `cue`: the words right around a one-word name can say what it
// names, better than the tagger's guess from the name itself.
//   - After a kind of place and "of" ("the old quarter of Kazmark", "the
//     town of Vellin"), it is a place.
//   - After a post in a body and "of" ("the director of Velmora", "a
//     spokeswoman for Arnholt"), or before an apposition that calls it a
//     part of a body (", the Dutch branch of", ", a subsidiary of"), it is
//     an organisation.
// Only names the tagger took for a person are retyped: a lone word that
// the tagger calls a person, after such words, is the commonest confusion
// of the three (a body or a district with a name like a surname). Pure
// text.
#ifndef BYLINE_INDEX_RULES_CUES_H_
#define BYLINE_INDEX_RULES_CUES_H_

#include <optional>
#include <string_view>

#include "byline/entity.h"
#include "rules/candidate.h"

namespace byline::rules {

// What the words before a name (`before`: the text up to the name) and
// after it (`after`: the text from its end) say it is: kPlace, kOrg, or
// nothing. `before` is read back to its last two words and `after` to its
// first six, in any case of the first letter.
std::optional<EntityType> TypeFromCues(std::string_view before,
                                       std::string_view after);

// A one-word name the tagger took for a person, where the words around
// it say a place ("the quarter of Kazmark") or an organisation ("the
// director of Velmora", "Velmora, the Dutch branch of") (rules/cues.h).
void TypeByCues(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_CUES_H_
