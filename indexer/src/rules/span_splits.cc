#include "rules/span_splits.h"

#include <cctype>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

namespace {

bool StartsUpper(std::string_view w) {
  return !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
}

bool IsRomanNumeral(std::string_view w) {
  if (w.empty() || w.size() > 5) return false;
  for (char c : w) {
    if (c != 'I' && c != 'V' && c != 'X') return false;
  }
  return true;
}

// The parts of a place's span between ", ", or none when it should stay
// whole.
std::vector<TextRange> CommaParts(std::string_view text, TextRange r) {
  std::vector<TextRange> parts;
  size_t start = r.start;
  while (start < r.end) {
    size_t comma = text.substr(0, r.end).find(", ", start);
    if (comma == std::string_view::npos) comma = r.end;
    parts.push_back({start, comma});
    start = comma == r.end ? r.end : comma + 2;
  }
  if (parts.size() < 2) return {};
  for (const TextRange& p : parts) {
    const std::string_view s = text.substr(p.start, p.size());
    if (!StartsUpper(s) || s.find(" and ") != std::string_view::npos ||
        s.find(" & ") != std::string_view::npos || s == "D.C." || s == "D.C" ||
        s == "DC") {
      return {};
    }
  }
  return parts;
}

}  // namespace

void SplitJoinedNames(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const bool comma_on = RuleOn("commasplit");
  const bool of_on = RuleOn("ofsplit") && a.tagger != nullptr;
  std::vector<Candidate> kept;
  kept.reserve(out->size());
  for (Candidate& c : *out) {
    if (c.fixed) {
      kept.push_back(std::move(c));
      continue;
    }
    const std::string_view span = a.Slice(c.range);
    if (comma_on && c.type == EntityType::kPlace &&
        span.find(", ") != std::string_view::npos) {
      const std::vector<TextRange> parts = CommaParts(text, c.range);
      if (!parts.empty()) {
        for (const TextRange& p : parts) {
          AddCandidate(a, EntityType::kPlace, p, &kept);
        }
        continue;
      }
    }
    if (of_on && c.type != EntityType::kPlace &&
        span.find(" of ") != std::string_view::npos) {
      const std::vector<TextRange> ws = Words(text, c.range);
      size_t of = 0;
      while (of < ws.size() && a.Slice(ws[of]) != "of") ++of;
      bool split = of >= 2 && of + 1 < ws.size();
      if (split) {
        const std::string_view first = a.Slice(ws[0]);
        const NerTagger::WordFacts f = a.tagger->LookUpWord(first);
        split = f.given_name && !f.common && !IsSaintWord(first);
      }
      for (size_t i = 0; split && i < of; ++i) {
        const std::string_view w = a.Slice(ws[i]);
        split =
            StartsUpper(w) && w.find_first_of(",;") == std::string_view::npos;
      }
      if (split) {
        const std::string_view last = a.Slice(ws[of - 1]);
        split = !IsRomanNumeral(last) && !IsInstitutionHead(last) &&
                !IsTitleWord(last);
      }
      size_t tail = of + 1;
      if (split && tail < ws.size() && a.Slice(ws[tail]) == "the") ++tail;
      for (size_t i = tail; split && i < ws.size(); ++i) {
        split = StartsUpper(a.Slice(ws[i])) || IsNameLinkWord(a.Slice(ws[i]));
      }
      split = split && tail < ws.size();
      TextRange head, rest;
      if (split) {
        // A person's span, or a body's (its last word a body's head:
        // "Claudia Mo of Civic Party"); not "of" a place the lists know
        // ("Shneur Zalman of Liady", "John of Gaunt" stay whole).
        head = {ws[0].start, ws[of - 1].end};
        rest = {ws[tail].start, c.range.end};
        bool cut = false;
        const std::string_view rest_last = WordCore(a.Slice(ws.back()), &cut);
        const NerTagger::NameFacts f = a.tagger->LookUpName(a.Slice(rest));
        split =
            (c.type == EntityType::kPerson || IsInstitutionHead(rest_last) ||
             IsOrganisationNoun(rest_last)) &&
            !f.place && !f.gazetteer_place && !f.country && !f.city;
      }
      if (split) {
        AddCandidate(a, EntityType::kPerson, head, &kept);
        AddCandidate(a, EntityType::kOrg, rest, &kept);
        continue;
      }
    }
    kept.push_back(std::move(c));
  }
  out->swap(kept);
}

}  // namespace byline::rules
