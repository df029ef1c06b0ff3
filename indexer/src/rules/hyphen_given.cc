#include "rules/hyphen_given.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

void AddHyphenatedGivenNames(const ArticleText& a,
                             std::vector<Candidate>* out) {
  const std::vector<std::vector<TextRange>>& range_words = a.range_words;
  const NerTagger* tagger = a.tagger;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  const auto add = [&](EntityType type, TextRange r) {
    AddCandidate(a, type, r, out);
  };
  // Two short syllables, neither an English word: not "Bush-era",
  // "Prize-winner", "Dakota-sized".
  const auto given = [&](std::string_view w) {
    const size_t dash = w.find('-');
    if (dash == std::string_view::npos || dash < 2 || dash > 5 ||
        w.size() - dash < 3 || w.size() - dash > 6 ||
        !std::isupper(static_cast<unsigned char>(w[0]))) {
      return false;
    }
    for (size_t i = 1; i < w.size(); ++i) {
      if (i != dash && !std::islower(static_cast<unsigned char>(w[i]))) {
        return false;
      }
    }
    // Syllables of two or three letters are often words too ("bin",
    // "yan"): those are checked against a short list of suffixes.
    const auto english = [&](std::string_view part) {
      static const WordSet kShort = {"age", "day", "end", "era", "led",
                                     "man", "old", "run", "set", "war"};
      if (part.size() < 4) return kShort.count(part) > 0;
      return tagger->LookUpWord(part).common;
    };
    return !english(w.substr(0, dash)) && !english(w.substr(dash + 1));
  };
  const auto surname = [](std::string_view w) {
    if (w.size() < 2 || w.size() > 8 ||
        !std::isupper(static_cast<unsigned char>(w[0])) || w == "The" ||
        w == "An" || IsOpeningWord(w) || IsTitleWord(w) ||
        IsMonthOrWeekdayWord(w)) {
      return false;
    }
    return std::all_of(w.begin() + 1, w.end(), [](char ch) {
      return std::islower(static_cast<unsigned char>(ch)) != 0;
    });
  };
  for (const std::vector<TextRange>& ws : range_words) {
    for (size_t i = 1; i < ws.size(); ++i) {
      bool cut = false;
      const std::string_view core = WordCore(slice(ws[i]), &cut);
      if (!given(core) || !surname(slice(ws[i - 1]))) continue;
      add(EntityType::kPerson, {ws[i - 1].start, ws[i].start + core.size()});
    }
  }
}

void JoinGivenNames(const ArticleText& a, std::vector<Candidate>* out) {
  // Words the lists hold as given names too ("The Birdman" is no one's
  // full name).
  static const WordSet kSmallWords = {"The", "A",  "An", "And", "Or",
                                      "But", "Of", "In", "On",  "At",
                                      "For", "By", "To", "As",  "With"};
  const std::string_view text = a.text;
  std::vector<Candidate>& cands = *out;
  std::vector<bool> covered;
  for (Candidate& c : cands) {
    if (c.type != EntityType::kPerson || c.fixed || c.range.start < 3 ||
        text[c.range.start - 1] != ' ' ||
        a.Slice(c.range).find(' ') != std::string_view::npos) {
      continue;
    }
    size_t p = c.range.start - 1;
    while (p > 0 && std::isalpha(static_cast<unsigned char>(text[p - 1]))) --p;
    const std::string_view w = text.substr(p, c.range.start - 1 - p);
    if (w.size() < 2 || !std::isupper(static_cast<unsigned char>(w[0])) ||
        AllUpper(w) || (p > 0 && !IsAsciiSpace(text[p - 1])) ||
        AfterSentenceEnd(text, p) || IsTitleWord(w) ||
        IsMonthOrWeekdayWord(w) || kSmallWords.count(w) > 0) {
      continue;
    }
    const NerTagger::WordFacts f = a.tagger->LookUpWord(w);
    if (!f.given_name || f.title || f.demonym) continue;
    if (covered.empty()) covered = Covered(text.size(), cands);
    if (covered[p]) continue;
    SetRange(text, {p, c.range.end}, &c);
    Cover({p, c.range.end}, &covered);
  }
}

}  // namespace byline::rules
