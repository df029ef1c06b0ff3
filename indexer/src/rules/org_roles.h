// Rule stage `orgrole` of the entity extractor
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_ORG_ROLES_H_
#define BYLINE_INDEX_RULES_ORG_ROLES_H_

#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A name right before an organisation's office and a person ("Velmor
// founder Ada Lind", "Tarsk Mills CEO Jon Berg") is an organisation,
// in all its mentions, whatever the tagger made of it; not a place
// ("Arvian Foreign Minister" is a country's) (rule 'orgrole').
void TypeNamesBeforeOffices(const ArticleText& a, std::vector<Candidate>* out);

// A one-word name the tagger made a person, right before a possessive and
// a person's full name ("Ferrari's Michael Schumacher", "Demosisto 's
// Nathan Law"), is the person's team, party or company: an organisation
// in all its mentions, or a place where the lists know it as one
// ("Britain's Tony Blair"). Not when the lists know it as a person's
// name, nor when it is the surname of a person the article names
// ("Blair's John Prescott" beside "Tony Blair") (rule 'possowner').
void TypeOwnersOfPeople(const ArticleText& a, std::vector<Candidate>* out);

// A name of two or three capitalised words the tagger made an
// organisation, right after an office in lower case ("Philips president
// Cor Boonstra", "the party's chairman Ada Lind"), is a person, unless the
// lists know it as an organisation (rule 'officeperson').
void TypePersonsAfterOffices(const ArticleText& a, std::vector<Candidate>* out);

// Companies the tagger left untagged, named by the words around them: a
// capitalised run of up to three words right before an office and a
// capitalised name ("Olivetti spokesman Franco Rossi", "Nestle chairman
// Helmut Maucher"), after "shares in" or "shares of" ("Shares in Fiat
// rose"), or before "shares" and a market verb ("Volvo shares fell").
// Not a country, town, nationality or title; not "The" (rule
// 'officecue', run before the names are found again, so the company's
// other mentions follow).
void AddNamesBeforeOffices(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_ORG_ROLES_H_
