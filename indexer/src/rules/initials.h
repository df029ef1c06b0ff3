// The initials of the capitalised runs of an article, for the acronym
// rules (`acronym`: "Nordic Press Agency" ... "NPA").
#ifndef BYLINE_INDEX_RULES_INITIALS_H_
#define BYLINE_INDEX_RULES_INITIALS_H_

#include <string>
#include <string_view>
#include <vector>

#include "byline/passage.h"
#include "byline/text.h"

namespace byline::rules {

// The initials of every run of two or more capitalised words in the ranges
// that names an institution (holds a head word such as "Army", "Agency",
// "University"), runs going across "of", "the", "for", "and", "&" and a
// possessive, and of each of their tails that starts with a capitalised
// word and has two or more: "Malaysian Rubber Board" -> "MRB", "RB";
// "Ministry of Defence's Procurement Agency" -> "MDPA", "DPA", "PA"; not
// "Visual Studio".
struct RunInitial {
  std::string initials;
  TextRange range;  // the tail of the run
};

std::vector<RunInitial> RunInitials(std::string_view text,
                                    const std::vector<TextRange>& ranges);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_INITIALS_H_
