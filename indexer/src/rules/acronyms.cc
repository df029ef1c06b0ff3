#include "rules/acronyms.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/candidate.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

TextRange NameBeforeAcronym(std::string_view text, TextRange range, size_t end,
                            std::string_view acronym) {
  if (end <= range.start) return {end, end};
  size_t i = end;
  for (int words = 0; words < 14 && i > range.start; ++words) {
    size_t s = i;
    while (s > range.start && !IsAsciiSpace(text[s - 1])) --s;
    const std::string_view w = text.substr(s, i - s);
    const auto c0 = static_cast<unsigned char>(w.empty() ? ' ' : w[0]);
    const bool number =
        std::isdigit(c0) && i < end &&
        w.find_first_not_of("0123456789") == std::string_view::npos;
    if (w.empty() || std::string_view(",;:.!?\")").find(w.back()) !=
                         std::string_view::npos) {
      break;  // a run of words ends at punctuation
    }
    if (IsUpperInitial(w) && !IsTitleWord(w)) {
      const std::string initials =
          Initials(text.substr(s, end - s), /*digits=*/true);
      if (initials.size() == acronym.size()) {
        return SameLetters(initials, std::string(acronym))
                   ? TextRange{s, end}
                   : TextRange{end, end};
      }
      if (initials.size() > acronym.size()) break;
    } else if (!number && !IsNameLinkWord(w)) {
      break;
    }
    if (s == range.start || text[s - 1] != ' ') break;
    i = s - 1;
  }
  return {end, end};
}

}  // namespace byline::rules
