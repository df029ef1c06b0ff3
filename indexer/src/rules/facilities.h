// Rules `facility` and `facfind`: facilities (stadiums, museums, space
// centres) are places, with the names before their heads.
#ifndef BYLINE_INDEX_RULES_FACILITIES_H_
#define BYLINE_INDEX_RULES_FACILITIES_H_

#include <vector>

#include "byline/passage.h"
#include "byline/text.h"
#include "rules/candidate.h"

namespace byline::rules {

// Facilities: a name ending with a facility head is a place ("Hayden
// Planetarium"), and a name just before one is part of it ("Lovell" +
// "Space Center", "Azadi" + "Stadium" -> "Lovell Space Center", "Azadi
// Stadium"). `cands` are sorted and do not overlap.
void JoinFacilities(std::string_view text, const std::vector<TextRange>& ranges,
                    std::vector<Candidate>* cands);

// Facility names the tagger missed: a run of two to four capitalised words
// that ends with a facility head ("the Blue Mosque", "Azadi Stadium").
void FindFacilities(std::string_view text, const std::vector<TextRange>& ranges,
                    std::vector<Candidate>* cands);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_FACILITIES_H_
