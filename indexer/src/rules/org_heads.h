// Rule stage `orghead`: the last word of a name can tell that it names an
// organisation. "Ashcombe Heritage Forum" and "Polish Wind Energy
// Association" are organisations, whatever the tagger made of the words
// before (a place, a person): an association, council, party, forum or the
// like is a body of people, never a place or a person. Heads that name
// buildings as well as bodies ("Museum", "Hospital", "School",
// "University") are left to the other rules, and so is "Union", which ends
// countries' names as well ("Soviet Union"). Pure text.
#ifndef BYLINE_INDEX_RULES_ORG_HEADS_H_
#define BYLINE_INDEX_RULES_ORG_HEADS_H_

#include <string_view>

#include "rules/candidate.h"

namespace byline::rules {

// Whether `name`, of two words or more (split at spaces), ends with the
// head noun of an organisation's name, capitalised ("Forum", "Council";
// not "forum").
bool EndsWithOrgHead(std::string_view name);

// Whether `name`, of two words or more, ends with a word that heads
// companies' or newspapers' names ("Northland Power", "Baltic Airlines",
// "Tata Motors", "Edmonton Sun"). Some are surnames too ("Tyrone Power",
// "Emily Post"): such a name is an organisation only where the tagger
// took it for a place. Not "News", which ends towns' names ("Newport
// News").
bool EndsWithCompanyHead(std::string_view name);

// Whether `name`, of two words or more, ends with a newspaper's head that
// is nobody's surname ("Louis Post Dispatch", "Saudi Gazette"; not "Emily
// Post" or "Jim Courier"): an organisation whatever the tagger made of
// it, a person included.
bool EndsWithNewspaperName(std::string_view name);

// Whether the last word of `name` (one word or more) is a parliament's
// own name, which news leaves untranslated ("Seimas", "the Polish Sejm",
// "Verkhovna Rada", "Bundestag").
bool EndsWithLegislatureName(std::string_view name);

// A bank's name in one word: a capital, lowercase letters, eight or more
// in all, ending with "bank" ("Commerzbank", "Sberbank"; not "Burbank").
// Rule 'bankword' of TypeByOrgHeads makes it an organisation unless the
// lists know it as a person or a town.
bool IsBankCompound(std::string_view name);

// A name that ends with an organisation's head noun ("Ashcombe
// Heritage Forum") or with a parliament's own name ("Seimas") is an
// organisation, and so is a place that ends with a company's head
// ("Canada's Northland Power") (rules/org_heads.h).
void TypeByOrgHeads(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_ORG_HEADS_H_
