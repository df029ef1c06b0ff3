// Rule `acrrun`: the words before a bracketed acronym that spell it.
#ifndef BYLINE_INDEX_RULES_ACRONYMS_H_
#define BYLINE_INDEX_RULES_ACRONYMS_H_

#include <string_view>

#include "byline/passage.h"
#include "byline/text.h"

namespace byline::rules {

// The name that an acronym stands for, in the words that end at text[end]
// (a bracketed acronym follows them): capitalised words, numbers and linking
// words, from the capitalised word where their initials hold the acronym's
// letters (in any order) to `end`: "National Union of Consumers and
// Tenants (UNCT)". Empty when there is none; `range` bounds the search.
TextRange NameBeforeAcronym(std::string_view text, TextRange range, size_t end,
                            std::string_view acronym);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_ACRONYMS_H_
