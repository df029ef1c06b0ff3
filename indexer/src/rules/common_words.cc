#include "rules/common_words.h"

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

void DropCommonWords(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const std::vector<TextRange>& ranges = a.ranges;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  // Whether the article writes `w` capitalised inside a sentence as a
  // name of its own: not as a word of a longer name ("the University of
  // Southern Indiana", "Duke University"), which does not make the word
  // alone a name ("University exhibits" as a heading).
  std::map<std::string, bool> mid_sentence;  // key -> capitalised inside
  const auto capitalised_inside = [&](std::string_view w) {
    auto [it, inserted] = mid_sentence.emplace(FoldName(w), false);
    if (!inserted) return it->second;
    const auto capital_at = [&](size_t i) {
      return i < text.size() &&
             std::isupper(static_cast<unsigned char>(text[i])) != 0;
    };
    for (size_t k = 1; k < ranges.size() && !it->second; ++k) {
      const TextRange r = ranges[k];
      ForEachWholeWord(text, w, r, [&](size_t at) {
        if (AtSentenceStart(text, r, at)) return true;
        const size_t e = at + w.size();
        const bool before_name =
            e + 1 < text.size() && text[e] == ' ' &&
            (capital_at(e + 1) || text.substr(e + 1, 3) == "of ");
        bool after_name = false;
        if (at >= 2 && text[at - 1] == ' ') {
          size_t p = at - 1;
          while (p > 0 && IsAlnumByte(text[p - 1])) --p;
          after_name =
              p < at - 1 && capital_at(p) && !AtSentenceStart(text, r, p);
        }
        if (!before_name && !after_name) it->second = true;
        return !it->second;
      });
    }
    return it->second;
  };
  std::erase_if(cands, [&](const Candidate& c) {
    const std::string_view w = slice(c.range);
    // A team of a results line or a player of a scorecard ("In Milan :
    // Inter ( Italy ) 3 ...") is a name where it stands.
    if (c.fixed || w.find(' ') != std::string_view::npos) return false;
    if (IsAcronym(w)) {
      // A common word in capitals ("HELD AT HOME BY", "home team in
      // CAPS"), four letters or more, that the lists know as no name and
      // the article writes nowhere else capitalised inside a sentence
      // ("Home"); not "NATO" nor "WHO". The types the training data gave
      // the word in capitals count for nothing: its headlines tag "HOME".
      if (w.size() < 4 || !AllUpper(w)) return false;
      const std::string title = TitleCase(w);
      if (!tagger->LookUpWord(title).common) return false;
      const NerTagger::NameFacts f = tagger->LookUpName(title);
      const NerTagger::NameFacts g = tagger->LookUpName(w);
      if (f.person || f.org || f.place || f.gazetteer_org ||
          f.gazetteer_place || g.gazetteer_org || g.gazetteer_place) {
        return false;
      }
      // In a line of mixed case, only a word that ends a phrase ("in
      // CAPS )"): one that more words follow may be a title written in
      // capitals ("EDGE on the Net").
      size_t line_start = text.rfind('\n', c.range.start);
      line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
      size_t line_end = text.find('\n', c.range.end);
      if (line_end == std::string_view::npos) line_end = text.size();
      if (!IsCapitalsLine(text, {line_start, line_end})) {
        size_t next = c.range.end;
        while (next < line_end && text[next] == ' ') ++next;
        if (next < line_end &&
            std::isalnum(static_cast<unsigned char>(text[next]))) {
          return false;
        }
      }
      return !capitalised_inside(title);
    }
    if (!tagger->LookUpWord(w).common) return false;
    // After "Minister of", "Secretary for".
    const std::string_view before =
        Trim(text.substr(c.range.start >= 24 ? c.range.start - 24 : 0,
                         std::min<size_t>(c.range.start, 24)));
    for (std::string_view link : {" of", " for"}) {
      if (before.size() > link.size() &&
          before.substr(before.size() - link.size()) == link) {
        const std::string_view head =
            LastWord(before, {0, before.size() - link.size()});
        if (IsTitleWord(head) || tagger->LookUpWord(head).title) {
          return true;
        }
      }
    }
    const NerTagger::NameFacts facts = tagger->LookUpName(w);
    if (facts.gazetteer_place || facts.gazetteer_org) return false;
    return !capitalised_inside(w);
  });
}

}  // namespace byline::rules
