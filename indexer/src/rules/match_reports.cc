#include "rules/match_reports.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/candidate.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

bool IsSportsReport(std::string_view text) {
  // Whether text[.., at) ends with one or two digits that are a number of
  // their own (not "2015", "1.5"), and whether text[at, ..) starts so.
  const auto digits_before = [&](size_t at) {
    if (at > 0 && text[at - 1] == ' ') --at;
    size_t d = at;
    while (d > 0 && std::isdigit(static_cast<unsigned char>(text[d - 1]))) {
      --d;
    }
    return at - d >= 1 && at - d <= 2 &&
           (d == 0 || !(std::isalnum(static_cast<unsigned char>(text[d - 1])) ||
                        text[d - 1] == '.' || text[d - 1] == ','));
  };
  const auto digits_after = [&](size_t at) {
    if (at < text.size() && text[at] == ' ') ++at;
    size_t d = at;
    while (d < text.size() &&
           std::isdigit(static_cast<unsigned char>(text[d]))) {
      ++d;
    }
    return d - at >= 1 && d - at <= 2 &&
           (d == text.size() ||
            !std::isalnum(static_cast<unsigned char>(text[d])));
  };
  size_t scores = 0;
  for (std::string_view dash :
       {std::string_view("-"), std::string_view("\u2013")}) {
    for (size_t at = text.find(dash);
         at != std::string_view::npos && scores < 2;
         at = text.find(dash, at + 1)) {
      if (digits_before(at) && digits_after(at + dash.size())) ++scores;
    }
  }
  if (scores < 2) return false;
  static const WordSet kWords = {
      "goal",     "goals",      "scored",    "scoring",      "match",
      "matches",  "penalty",    "striker",   "midfielder",   "goalkeeper",
      "defender", "tournament", "kick-off",  "half-time",    "halftime",
      "referee",  "equaliser",  "equalizer", "semi-final",   "quarter-final",
      "squad",    "coach",      "league",    "innings",      "touchdown",
      "wicket",   "playoff",    "playoffs",  "championship", "medal",
      "medals",   "Olympics",   "Cup"};
  size_t words = 0;
  for (size_t i = 0; i < text.size() && words < 5;) {
    if (!std::isalpha(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t e = i;
    while (
        e < text.size() &&
        (std::isalpha(static_cast<unsigned char>(text[e])) || text[e] == '-')) {
      ++e;
    }
    if (kWords.count(text.substr(i, e - i))) ++words;
    i = e;
  }
  return words >= 5;
}

}  // namespace byline::rules
