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
  // has a legal form or a capitalised word after a name.
  std::vector<bool> covered;
  for (Candidate& c : cands) {
    if (c.type == EntityType::kDate || c.fixed) continue;
    // A form inside the span makes it a company too, where the tagger saw
    // a person in a company named after people ("McDonnell Douglas
    // Corp"); not a letter code ("SA", "Co") (rule 'legaltype').
    if (c.type != EntityType::kOrg && RuleOn("legaltype")) {
      const std::vector<TextRange> words = Words(text, c.range);
      if (words.size() >= 2 &&
          IsLegalForm(a.Slice(words.back()), /*letter_codes=*/false)) {
        c.type = EntityType::kOrg;
      }
    }
    // The form right after the name, or after one or two capitalised
    // words that go with it ("Philips Electronics NV", "Ford Motor Co").
    size_t s = c.range.end + 1;
    for (int between = 0; between < 3; ++between) {
      if (s >= text.size() || text[s - 1] != ' ' ||
          !std::isalpha(static_cast<unsigned char>(text[s]))) {
        break;
      }
      size_t e = s;
      while (e < text.size() && (IsAlnumByte(text[e]) || text[e] == '.' ||
                                 text[e] == '-' || text[e] == '&')) {
        ++e;
      }
      std::string_view form = text.substr(s, e - s);
      // "Co." at a sentence's end keeps its dot; "AG." gives it back.
      bool legal = IsLegalForm(form, /*letter_codes=*/true);
      if (!legal && form.size() >= 2 && form.back() == '.') {
        form.remove_suffix(1);
        legal = IsLegalForm(form, /*letter_codes=*/true);
      }
      // Neither a form nor a capitalised word that may go before one.
      if (!legal && (!IsUpperInitial(form) || form.back() == '.' ||
                     AllUpper(form) || e >= text.size() || text[e] != ' ')) {
        break;
      }
      if (covered.empty()) covered = Covered(text.size(), cands);
      if (covered[s]) break;
      if (legal) {
        // The form makes it a company, whatever the tagger saw there.
        c.range.end = s + form.size();
        c.type = EntityType::kOrg;
        break;
      }
      s = e + 1;
    }
  }
}

}  // namespace byline::rules
