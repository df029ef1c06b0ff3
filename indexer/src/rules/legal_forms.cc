#include "rules/legal_forms.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

void DropLegalForms(const ArticleText& /*a*/, std::vector<Candidate>* out) {
  std::vector<Candidate>& cands = *out;
  for (Candidate& c : cands) {
    if (c.type != EntityType::kOrg) continue;
    const size_t sp = c.name.rfind(' ');
    if (sp == std::string::npos ||
        !IsLegalForm(std::string_view(c.name).substr(sp + 1),
                     /*letter_codes=*/true)) {
      continue;
    }
    std::string rest = c.name.substr(0, sp);
    if (!rest.empty() && rest.back() == ',') rest.pop_back();
    if (!rest.empty()) c.name = std::move(rest);
  }
}

}  // namespace byline::rules
