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

void ExtendToLegalForms(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  std::vector<Candidate>& cands = *out;
  // Which bytes the candidates cover, worked out only for an article that
  // has a legal form after a name (most have none).
  std::vector<bool> covered;
  for (Candidate& c : cands) {
    if (c.type == EntityType::kDate || c.fixed) continue;
    const size_t s = c.range.end + 1;
    if (s >= text.size() || text[c.range.end] != ' ' ||
        !std::isalpha(static_cast<unsigned char>(text[s]))) {
      continue;
    }
    size_t e = s;
    while (e < text.size() && (IsAlnumByte(text[e]) || text[e] == '.')) {
      ++e;
    }
    std::string_view form = text.substr(s, e - s);
    // "Co." at a sentence's end keeps its dot; "AG." gives it back.
    if (!IsLegalForm(form, /*letter_codes=*/true)) {
      if (form.size() < 2 || form.back() != '.') continue;
      form.remove_suffix(1);
      if (!IsLegalForm(form, /*letter_codes=*/true)) continue;
    }
    if (covered.empty()) covered = Covered(text.size(), cands);
    if (covered[s]) continue;
    // The form makes it a company, whatever the tagger saw there.
    c.range.end = s + form.size();
    c.type = EntityType::kOrg;
  }
}

}  // namespace byline::rules
