#include "rules/teams_and_cities.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/match_reports.h"
#include "rules/sports_results.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

void TypeTeamsAndCities(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  {
    // A team or player of the results or a scorecard is that wherever the
    // article names it.
    std::map<std::string, EntityType> fixed;
    for (const Candidate& c : cands) {
      if (c.fixed) fixed.emplace(c.key, c.type);
    }
    for (Candidate& c : cands) {
      const auto f = fixed.find(c.key);
      if (!c.fixed && f != fixed.end()) {
        c.type = f->second;
        c.fixed = true;
      }
    }
  }
  // In a match report a country is its team, an organisation (as in
  // GUM): "Chile beat Norway 2 - 1".
  const bool sports = RuleOn("sport") && IsSportsReport(text);
  // Words of the article's longer person and organisation names:
  // "Washington" alone may be short for "George Washington", "Columbia"
  // for "Columbia University".
  const std::set<std::string_view> person_words =
      WordsOfLongerNames(a, cands, EntityType::kPerson);
  const std::set<std::string_view> org_words =
      WordsOfLongerNames(a, cands, EntityType::kOrg);
  for (Candidate& c : cands) {
    if (c.fixed) continue;
    if (c.type == EntityType::kPerson) {
      // A city or country standing for its government ("support Kyiv",
      // "talks with Paris") is a place, not a person, unless the
      // training data knew it as a person's name or it is part of one
      // in the article.
      const std::vector<TextRange> words = Words(text, c.range);
      if (!RuleOn("cityperson") || words.size() != 1 ||
          person_words.count(slice(c.range)) > 0) {
        continue;
      }
      const NerTagger::NameFacts facts = tagger->LookUpName(slice(c.range));
      if ((facts.city || facts.country) && !facts.person) {
        c.type = EntityType::kPlace;
      }
      continue;
    }
    const NerTagger::NameFacts facts = tagger->LookUpName(slice(c.range));
    if (sports && c.type == EntityType::kPlace &&
        IsCountryName(tagger, slice(c.range))) {
      c.type = EntityType::kOrg;
    } else if (!sports && RuleOn("placeprior") && c.type == EntityType::kOrg &&
               facts.gazetteer_place && !facts.gazetteer_org && !facts.org) {
      // Elsewhere a city or country that the training data never named
      // as an organisation is a place ("Porto").
      c.type = EntityType::kPlace;
    } else if (!sports && RuleOn("govplace") && c.type == EntityType::kOrg &&
               (facts.country || IsCapitalCity(slice(c.range))) &&
               !facts.gazetteer_org && org_words.count(slice(c.range)) == 0) {
      // A country or a capital standing for its government ("support
      // Kyiv", "Moscow said") is a place, as the CoNLL style has it, even
      // where the training data also named it as an organisation.
      c.type = EntityType::kPlace;
    }
  }
}

}  // namespace byline::rules
