#include "rules/of_phrases.h"

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

void JoinOfPhrases(std::string_view text, const std::vector<TextRange>& ranges,
                   const NerTagger& tagger, std::vector<Candidate>* cands) {
  if (!RuleOn("ofphrase")) return;
  std::vector<Candidate>& cs = *cands;
  for (size_t i = 0; i < cs.size(); ++i) {
    Candidate& c = cs[i];
    const std::string_view head = LastWord(text, c.range);
    const bool geographic = IsGeographicHead(head);
    if (!geographic && !IsInstitutionHead(head)) continue;
    size_t p = c.range.end;
    const size_t limit = RangeEndAt(ranges, c.range.start);
    const auto skip = [&](std::string_view w) {
      if (p + w.size() > limit || text.substr(p, w.size()) != w) return false;
      p += w.size();
      return true;
    };
    if (!skip(" of ") && !skip(" for ")) continue;
    skip("the ");
    const size_t end = CapitalRunEnd(text, p, limit, /*allow_of=*/true);
    if (end == p) continue;
    // A person or place of its own: tagged so (unless WordNet knows the
    // run as an organisation), or a listed place or person.
    const NerTagger::NameFacts facts =
        tagger.LookUpName(text.substr(p, end - p));
    // A place's "of" phrase is part of its name whatever it holds ("the
    // State of Texas", "the Plains of Arafat"; rule 'geoof').
    const bool whole = geographic && RuleOn("geoof");
    bool own_name =
        !whole &&
        (facts.person || (facts.gazetteer_place && !facts.gazetteer_org) ||
         (facts.place && !facts.org && !facts.gazetteer_org));
    size_t j = i + 1;
    for (; j < cs.size() && cs[j].range.start < end; ++j) {
      if (cs[j].range.start < p || cs[j].range.end > end) own_name = true;
      if (!whole &&
          (cs[j].type == EntityType::kPerson ||
           (cs[j].type == EntityType::kPlace && !facts.gazetteer_org))) {
        own_name = true;
      }
    }
    if (own_name) continue;
    SetRange(text, {c.range.start, end}, &c);
    if (geographic) {
      c.type = EntityType::kPlace;
    } else if (c.type == EntityType::kPerson) {
      c.type = EntityType::kOrg;
    }
    cs.erase(cs.begin() + static_cast<ptrdiff_t>(i + 1),
             cs.begin() + static_cast<ptrdiff_t>(j));
  }
}

namespace {

// True when the candidates that overlap `run` are all places inside
// `after_of`, the words after "of" ("Mexico" of "the Bank of Mexico"): an
// institution named after a place. Their indexes go to *dropped.
bool OnlyPlacesAfterOf(const std::vector<Candidate>& cands, TextRange after_of,
                       TextRange run, std::vector<size_t>* dropped) {
  std::vector<size_t> inside;
  for (size_t i = 0; i < cands.size(); ++i) {
    const TextRange r = cands[i].range;
    if (r.end <= run.start || r.start >= run.end) continue;
    if (cands[i].type != EntityType::kPlace || r.start < after_of.start ||
        r.end > after_of.end) {
      return false;
    }
    inside.push_back(i);
  }
  dropped->insert(dropped->end(), inside.begin(), inside.end());
  std::sort(dropped->begin(), dropped->end());
  return !inside.empty();
}

}  // namespace

void FindOfInstitutions(const ArticleText& a, std::vector<Candidate>* cands) {
  if (!RuleOn("orgfind")) return;
  const std::string_view text = a.text;
  std::vector<bool> covered;
  std::vector<Candidate> found;
  std::vector<size_t> dropped;  // places the names found take in, in order
  for (size_t n = 0; n < a.ranges.size(); ++n) {
    const std::vector<TextRange>& ws = a.range_words[n];
    const size_t limit = a.ranges[n].end;
    for (size_t i = 0; i + 2 < ws.size(); ++i) {
      // "of" first: it turns most words away before the head's lookup.
      if (a.Slice(ws[i + 1]) != "of" || ws[i + 1].start != ws[i].end + 1)
        continue;
      const std::string_view head = a.Slice(ws[i]);
      if (!IsInstitutionHead(head)) continue;
      size_t p = ws[i + 1].end + 1;
      if (p + 4 <= limit && text.substr(p, 4) == "the ") p += 4;
      const size_t end = CapitalRunEnd(text, p, limit, /*allow_of=*/true);
      if (end == p) continue;
      // Up to two capitalised words before the head on its run ("Central
      // Bank of"), not "The" nor a word that opens the sentence alone.
      size_t first = i;
      while (first > 0 && i - first < 2 &&
             ws[first - 1].end + 1 == ws[first].start &&
             IsUpperInitial(a.Slice(ws[first - 1])) &&
             a.Slice(ws[first - 1]) != "The" &&
             !AfterSentenceEnd(text, ws[first - 1].start)) {
        --first;
      }
      const TextRange run{ws[first].start, end};
      if (covered.empty()) covered = Covered(text.size(), *cands);
      if (!Uncovered(covered, run) &&
          !(RuleOn("instplace") && !IsGeographicHead(head) &&
            OnlyPlacesAfterOf(*cands, {p, end}, run, &dropped))) {
        continue;
      }
      found.push_back(
          {IsGeographicHead(head) ? EntityType::kPlace : EntityType::kOrg, run,
           FoldName(a.Slice(run)), ""});
      Cover(run, &covered);
    }
  }
  if (!dropped.empty()) {
    std::vector<Candidate> kept;
    for (size_t i = 0; i < cands->size(); ++i) {
      if (!std::binary_search(dropped.begin(), dropped.end(), i)) {
        kept.push_back(std::move((*cands)[i]));
      }
    }
    cands->swap(kept);
  }
  if (!found.empty()) AppendInTextOrder(found, cands);
}

}  // namespace byline::rules
