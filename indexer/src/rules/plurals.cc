#include "rules/plurals.h"

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

namespace {

bool StartsUpper(std::string_view text, size_t i) {
  return i < text.size() && std::isupper(static_cast<unsigned char>(text[i]));
}

// The start of the word that ends at text[end] (exclusive), after a
// space or a line break.
size_t WordStart(std::string_view text, size_t end) {
  const size_t space = text.find_last_of(" \n", end - 1);
  return space == std::string_view::npos ? 0 : space + 1;
}

// Whether the article writes `w` as a word alone, not beside another
// capitalised word (as part of a name). With `bare`, the word before it
// must be a number, a counting word or a possessive ("100 Polaroids",
// "several Polaroids", "his Polaroids"): not "the" (a family: "the
// Bullocks"), "said" (a surname: "said Waters") nor a sentence's start
// (an episode's title: "Bullocks to Stan").
bool WrittenAlone(std::string_view text, std::string_view w, bool bare) {
  bool found = false;
  ForEachWholeWord(text, w, {0, text.size()}, [&](size_t at) {
    const size_t e = at + w.size();
    const bool space_before = at >= 2 && text[at - 1] == ' ';
    const size_t before = space_before ? WordStart(text, at - 1) : at;
    if (space_before && StartsUpper(text, before)) return true;
    if (e + 1 < text.size() && text[e] == ' ' && StartsUpper(text, e + 1)) {
      return true;
    }
    static const WordSet kCounting = {
        "two",   "three",   "four", "five",  "six",    "seven", "eight",
        "nine",  "ten",     "many", "some",  "more",   "other", "these",
        "those", "several", "few",  "dozen", "dozens", "his",   "her",
        "their", "its",     "our",  "my",    "your"};
    std::string_view prev = text.substr(before, at - before);
    if (!prev.empty() && prev.back() == ' ') prev.remove_suffix(1);
    found = !bare || (!prev.empty() &&
                      (std::isdigit(static_cast<unsigned char>(prev[0])) ||
                       kCounting.count(prev) > 0));
    return !found;
  });
  return found;
}

}  // namespace

void DropPlurals(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  // A person's name ending with a count noun ends before it: "the Warhol
  // Polaroids", "Warhol Polaroid exhibits" (beside "100 Polaroids") name
  // Warhol, and the noun alone is then no surname of his. The noun is a
  // word the article writes alone in the singular, and in the plural
  // after a number or a counting word (WrittenAlone()), and no name the
  // lists know ("Julia Roberts" beside "Robert" stays).
  for (Candidate& c : cands) {
    if (c.type != EntityType::kPerson || c.fixed) continue;
    const std::string_view w = slice(c.range);
    const size_t space = w.rfind(' ');
    if (space == std::string_view::npos) continue;
    const std::string_view last = w.substr(space + 1);
    if (last.size() < 4 || IsAcronym(last)) continue;
    const std::string plural =
        last.back() == 's' ? std::string(last) : std::string(last) + "s";
    const std::string_view one =
        std::string_view(plural).substr(0, plural.size() - 1);
    const NerTagger::NameFacts f = tagger->LookUpName(last);
    if (f.person || f.org || f.place || f.gazetteer_org || f.gazetteer_place ||
        tagger->LookUpWord(last).given_name ||
        !WrittenAlone(text, plural, /*bare=*/true) ||
        !WrittenAlone(text, one, /*bare=*/false)) {
      continue;
    }
    SetRange(text, {c.range.start, c.range.start + space}, &c);
  }
  std::erase_if(cands, [&](const Candidate& c) {
    const std::string_view w = slice(c.range);
    // The plural of an abbreviation ("ICUs", "SUVs", "NGOs") is a
    // common noun, unless the lists know it as a name (rule
    // 'pluralacr').
    if (w.size() >= 3 && w.back() == 's' && RuleOn("pluralacr") &&
        AllUpper(w.substr(0, w.size() - 1))) {
      const NerTagger::NameFacts f = tagger->LookUpName(w);
      return !(f.person || f.org || f.place || f.gazetteer_org ||
               f.gazetteer_place);
    }
    if (w.size() < 4 || w.back() != 's' ||
        w.find(' ') != std::string_view::npos || IsAcronym(w)) {
      return false;
    }
    const char before = w[w.size() - 2];
    if (before == 's' || before == 'u' || before == 'i') return false;
    const std::string_view one = w.substr(0, w.size() - 1);
    const NerTagger::NameFacts facts = tagger->LookUpName(w);
    if (facts.gazetteer_place || facts.gazetteer_org || facts.country) {
      return false;
    }
    bool written = false;
    ForEachWholeWord(text, one, {0, text.size()}, [&](size_t) {
      written = true;
      return false;
    });
    return written;
  });
}

}  // namespace byline::rules
