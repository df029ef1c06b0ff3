#include "rules/initials.h"

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

std::vector<RunInitial> RunInitials(std::string_view text,
                                    const std::vector<TextRange>& ranges) {
  std::vector<RunInitial> out;
  std::vector<size_t> starts;
  size_t run_end = 0;
  bool institution = false;  // the run holds an institution's head word
  const auto flush = [&]() {
    for (size_t k = 0; institution && k + 1 < starts.size(); ++k) {
      const std::string initials =
          Initials(text.substr(starts[k], run_end - starts[k]));
      if (initials.size() >= 2 && initials.size() <= 8) {
        out.push_back({initials, {starts[k], run_end}});
      }
    }
    starts.clear();
    institution = false;
  };
  for (const TextRange& r : ranges) {
    size_t i = r.start;
    while (i < r.end) {
      while (i < r.end && IsAsciiSpace(text[i])) ++i;
      size_t e = i;
      while (e < r.end && !IsAsciiSpace(text[e])) ++e;
      if (e == i) break;
      const std::string_view w = text.substr(i, e - i);
      bool cut = false;
      // WordCore() keeps the first letter: lowercase words skip it.
      const std::string_view core =
          IsUpperInitial(w) ? WordCore(w, &cut) : std::string_view();
      if (IsUpperInitial(core) && !IsAcronym(core)) {
        starts.push_back(i);
        run_end = i + core.size();
        institution = institution || IsInstitutionHead(core);
        // A possessive does not end the run: "Ministry of Defence's ...".
        const bool possessive =
            (w.size() > 2 && w.substr(w.size() - 2) == "'s") ||
            (w.size() > 4 && w.substr(w.size() - 4) == "\u2019s");
        if (cut && !possessive) flush();
      } else if (!(w == "of" || w == "the" || w == "for" || w == "and" ||
                   w == "&" || w == "'s" || w == "\u2019s")) {
        flush();
      }
      i = e;
    }
    flush();
  }
  return out;
}

}  // namespace byline::rules
