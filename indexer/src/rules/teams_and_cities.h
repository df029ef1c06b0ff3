// Rule stages `sport`, `cityperson` and `placeprior` of the entity
// extractor: teams, and cities standing for their governments
// (entity_extractor.cc runs the stages in order).
#ifndef BYLINE_INDEX_RULES_TEAMS_AND_CITIES_H_
#define BYLINE_INDEX_RULES_TEAMS_AND_CITIES_H_

#include <map>
#include <string>
#include <vector>

#include "rules/candidate.h"

namespace byline::rules {

// A team of the article's results is that team wherever the article names
// it ("Bayer Leverkusen 3 Hamburg 1" ... "Bayer Leverkusen drew"); in a
// match report a country is its team (rule `sport`); a city or country
// the tagger took for a person is a place (`cityperson`), and elsewhere
// one it took for an organisation is a place (`placeprior`).
void TypeTeamsAndCities(const ArticleText& a, std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_TEAMS_AND_CITIES_H_
