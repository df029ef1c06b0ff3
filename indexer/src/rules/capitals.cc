#include "rules/capitals.h"

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

bool IsCapitalsWord(std::string_view w) {
  return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) {
           return std::isupper(static_cast<unsigned char>(c)) || c == '-' ||
                  c == '.' || c == '\'';
         });
}

}  // namespace

void JoinCapitals(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  std::vector<bool> covered = Covered(text.size(), cands);
  // The word in capitals that ends just before `pos` (a single space
  // between), or an empty range.
  const auto word_before = [&](size_t pos) -> TextRange {
    if (pos < 2 || text[pos - 1] != ' ') return {pos, pos};
    size_t b = pos - 1;
    while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n') --b;
    const TextRange r{b, pos - 1};
    return IsCapitalsWord(a.Slice(r)) ? r : TextRange{pos, pos};
  };
  const auto word_after = [&](size_t pos) -> TextRange {
    if (pos + 1 >= text.size() || text[pos] != ' ') return {pos, pos};
    size_t e = pos + 1;
    while (e < text.size() && text[e] != ' ' && text[e] != '\n') ++e;
    const TextRange r{pos + 1, e};
    return IsCapitalsWord(a.Slice(r)) ? r : TextRange{pos, pos};
  };
  for (Candidate& c : cands) {
    if (c.type == EntityType::kDate || !IsCapitalsWord(a.Slice(c.range)))
      continue;
    // The longest run of up to two words in capitals on each side that
    // the lists know as one name.
    TextRange best = c.range;
    NerTagger::NameFacts best_facts;
    TextRange left = c.range;
    for (int l = 0; l <= 2; ++l) {
      if (l > 0) {
        const TextRange w = word_before(left.start);
        if (w.start == w.end || !Uncovered(covered, w)) break;
        left.start = w.start;
      }
      TextRange span = left;
      for (int r = 0; r <= 2; ++r) {
        if (r > 0) {
          const TextRange w = word_after(span.end);
          if (w.start == w.end || !Uncovered(covered, w)) break;
          span.end = w.end;
        }
        if (l + r == 0 || span.size() <= best.size()) continue;
        const NerTagger::NameFacts f =
            tagger->LookUpName(TitleCase(a.Slice(span)));
        if (f.country || f.city || f.gazetteer_place || f.gazetteer_org ||
            f.place || f.org || f.person) {
          best = span;
          best_facts = f;
        }
      }
    }
    if (best.size() == c.range.size()) continue;
    Cover(best, &covered);
    const std::string title = TitleCase(a.Slice(best));
    SetRange(text, best, &c);
    c.name = title;
    const NerTagger::NameFacts& f = best_facts;
    const bool place = f.country || f.city || f.gazetteer_place || f.place;
    const bool org = f.org || f.gazetteer_org;
    if (place && !org) {
      c.type = EntityType::kPlace;
    } else if (org && !place && !f.person) {
      c.type = EntityType::kOrg;
    } else if (f.person && !place && !org) {
      c.type = EntityType::kPerson;
    }
  }
}

void NameCapitals(const ArticleText& a, std::vector<Candidate>* out) {
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  if (RuleOn("capsjoin")) JoinCapitals(a, out);
  // Names the article also writes in lower case: their type there (by
  // the majority of their mentions) holds for the capitals too, whatever
  // the lists say ("NEWCASTLE" in a headline over "Newcastle went three
  // points clear", a club, not the city).
  std::set<std::string> written_lower;  // copies: the candidates move below
  // Only an article with a name in capitals needs them.
  const bool any_caps =
      std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) {
        return c.range.size() >= 4 && IsCapitalsRun(slice(c.range));
      });
  if (any_caps) {
    for (const Candidate& c : cands) {
      if (AllUpper(slice(c.range))) continue;
      written_lower.insert(c.key);
      // A person's surname: "NORMAN LEADS" over "Greg Norman".
      if (c.type != EntityType::kPerson) continue;
      const std::vector<TextRange> words = Words(a.text, c.range);
      if (words.size() >= 2)
        written_lower.insert(FoldName(slice(words.back())));
    }
  }
  // Renames in place; returns true for a candidate to drop.
  const auto rename_or_drop = [&](Candidate& c) {
    if (c.type == EntityType::kDate) return false;
    const std::string_view w = slice(c.range);
    if (w.size() < 4) return false;
    // A team of the article's results (or a scorecard's player) keeps its
    // type ("CHELSEA" in a headline over "Leeds United beat Chelsea 2-1",
    // "NEW YORK 98 Chicago 94"), as does a name the article writes in
    // lower case too; named with capitals at the start of each word.
    if ((c.fixed || written_lower.count(c.key) > 0) && IsCapitalsRun(w)) {
      // Unless named already as written elsewhere ("Leeds United").
      if (c.fixed || c.name.empty() || c.name == w) c.name = TitleCase(w);
      return false;
    }
    if (!AllUpper(w)) return false;
    const NerTagger::NameFacts as_written = tagger->LookUpName(w);
    if (as_written.person || as_written.org || as_written.place ||
        as_written.gazetteer_org || as_written.gazetteer_place) {
      return false;
    }
    const std::string title = TitleCase(w);
    const NerTagger::NameFacts f = tagger->LookUpName(title);
    const bool common = tagger->LookUpWord(w).common;
    // A town that is a person's name too ("CLINTON") stays the person the
    // tagger saw.
    const bool person =
        c.type == EntityType::kPerson && f.person && !f.place && !f.country;
    if (!person &&
        (f.country || f.city || (f.gazetteer_place && !f.gazetteer_org))) {
      c.type = EntityType::kPlace;
      c.name = title;
      return false;
    }
    if ((f.person || f.org || f.place || f.gazetteer_org) && !common) {
      c.name = title;
      return false;
    }
    // Short capitals may be an acronym that spells a word ("CARE").
    return common && w.size() >= 6;
  };
  std::vector<Candidate> kept;
  kept.reserve(cands.size());
  for (Candidate& c : cands) {
    if (!rename_or_drop(c)) kept.push_back(std::move(c));
  }
  cands = std::move(kept);
  if (RuleOn("capsfind")) FindCapitalsNames(a, out);
}

void FindCapitalsNames(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  std::vector<bool> covered = Covered(text.size(), cands);
  std::vector<std::pair<std::string, EntityType>> found;  // as names are
  const size_t before_lines = cands.size();
  for (const TextRange& r : a.ranges) {
    ForEachLine(text, r, [&](TextRange line) {
      if (!IsCapitalsLine(text, line)) return;
      // The names already found in the line (by the tagger, a dateline,
      // the names found again), to be found again in the text too, unless
      // they are common words ("TALKS").
      for (size_t k = 0; k < before_lines; ++k) {
        const Candidate& c = cands[k];
        if (c.range.start < line.start || c.range.end > line.end ||
            c.type == EntityType::kDate || c.name.empty() ||
            !AllUpper(a.Slice(c.range))) {
          continue;
        }
        const std::string title = TitleCase(a.Slice(c.range));
        if (title.size() < 3 || tagger->LookUpWord(title).common ||
            FoldName(title) != FoldName(c.name)) {
          continue;
        }
        found.emplace_back(title, c.type);
      }
      // Its words, without trailing punctuation and a possessive
      // ("RUSSIA'S" -> "RUSSIA"); a word that is not all capitals (a
      // number, a dash) ends a run.
      std::vector<TextRange> words;
      std::vector<bool> joins;  // nothing after the word: a run goes on
      for (const TextRange& w : Words(text, line)) {
        TextRange bare = w;
        while (bare.end > bare.start &&
               (std::ispunct(static_cast<unsigned char>(text[bare.end - 1])) &&
                text[bare.end - 1] != '.')) {
          --bare.end;
        }
        if (bare.size() > 2 && text.substr(bare.end - 2, 2) == "'S")
          bare.end -= 2;
        words.push_back(bare);
        joins.push_back(bare.end == w.end);
      }
      const auto capitals = [&](const TextRange& w) {
        return w.size() >= 2 && IsCapitalsWord(a.Slice(w));
      };
      for (size_t i = 0; i < words.size();) {
        size_t taken = 0;
        for (size_t n = 3; n >= 1 && taken == 0; --n) {
          if (i + n > words.size()) continue;
          bool ok = true;
          for (size_t k = i; k < i + n && ok; ++k) {
            // Only the last word of a run may have punctuation or a
            // possessive after it.
            ok = capitals(words[k]) && !covered[words[k].start] &&
                 (k + 1 == i + n || joins[k]);
          }
          if (!ok) continue;
          const TextRange span{words[i].start, words[i + n - 1].end};
          // Dotted codes as written ("U.N."), the rest as names are.
          const std::string_view raw = a.Slice(span);
          const std::string title = raw.find('.') != std::string_view::npos
                                        ? std::string(raw)
                                        : TitleCase(raw);
          const NerTagger::NameFacts f = tagger->LookUpName(title);
          const NerTagger::WordFacts wf =
              n == 1 ? tagger->LookUpWord(title) : NerTagger::WordFacts{};
          if (wf.demonym) continue;
          // Not a run of common words only ("EASTERN CONFERENCE", "FIRST
          // DIVISION": the lists know them as bodies, wire copy uses them
          // as labels).
          bool plain = true;
          if (n == 1) {
            plain = !wf.common;
          } else {
            plain = false;
            for (size_t k = i; k < i + n && !plain; ++k)
              plain = !tagger->LookUpWord(a.Slice(words[k])).common;
          }
          // A company's name of two words ends with its kind, whatever
          // word comes before ("AMERICAN AIRLINES", "GENERAL MOTORS").
          const bool company =
              n == 2 && IsCompanyKind(TitleCase(a.Slice(words[i + n - 1])));
          EntityType type;
          if (company) {
            type = EntityType::kOrg;
          } else if (f.country) {
            type = EntityType::kPlace;
          } else if (!plain) {
            continue;
          } else if ((f.city || f.gazetteer_place) && !f.org &&
                     !f.gazetteer_org && !f.person) {
            // A place by the gazetteers, not only by the training data,
            // whose silver sets call nationalities places ("EUROPEAN").
            type = EntityType::kPlace;
          } else if ((f.org || f.gazetteer_org) && !f.person && !f.place) {
            type = EntityType::kOrg;
          } else if (f.person && !f.org && !f.place && !f.city) {
            type = EntityType::kPerson;
          } else {
            continue;
          }
          Cover(span, &covered);
          Candidate c{type, span, FoldName(title), title};
          cands.push_back(std::move(c));
          if (raw.find('.') == std::string_view::npos)
            found.emplace_back(title, type);
          taken = n;
        }
        i += taken > 0 ? taken : 1;
      }
    });
  }
  // The names of the lines in capitals are found again where the article
  // writes them as names are written ("CHECHNYA" in the headline, "out of
  // Chechnya" in the text; "TOKYO" in the dateline, "the Tokyo
  // tournament"), which the tagger missed.
  for (const auto& [name, type] : found) {
    for (const TextRange& r : a.ranges) {
      ForEachWholeWord(text, name, r, [&](size_t at) {
        const TextRange found_at{at, at + name.size()};
        if (!Uncovered(covered, found_at)) return true;
        Cover(found_at, &covered);
        cands.push_back({type, found_at, FoldName(name), name});
        return true;
      });
    }
  }
}

}  // namespace byline::rules
