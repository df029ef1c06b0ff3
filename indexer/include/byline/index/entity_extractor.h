// Extracts the entities of an article: people, organisations and places
// from a statistical tagger, dates from rules, then resolves canonical
// names within the article:
//   - titles and possessives are not part of a name ("Prime Minister Donald
//     Tusk" -> "Donald Tusk", "Poland's" -> "Poland");
//   - a short form takes the full name it abbreviates ("Stoltenberg" ->
//     "Jens Stoltenberg") when exactly one full name in the article fits;
//   - an acronym and the expansion the article pairs it with ("North
//     Atlantic Treaty Organization (NATO)") share the acronym as their name;
//   - a name tagged once is found again where the tagger missed it, and a
//     name keeps one type across the article (the majority);
//   - a name that starts with a place or person of its own is two mentions
//     ("Oslo" + "Police Department"), the outer one still named whole
//     ("Oslo Police Department"): Mention::text is the span, Mention::name
//     the canonical name (docs/ner-model.md lists every rule).
// Thread-safe (const); the tagger must outlive the extractor.
#ifndef BYLINE_INDEX_ENTITY_EXTRACTOR_H_
#define BYLINE_INDEX_ENTITY_EXTRACTOR_H_

#include <string>
#include <vector>

#include "byline/article.h"
#include "byline/entity.h"
#include "byline/ner/tagger.h"
#include "byline/passage.h"

#include <string_view>

namespace byline {

// An acronym the article pairs with its expansion: "North Atlantic Treaty
// Organization (NATO)" -> {kOrg, "NATO", "North Atlantic Treaty
// Organization"}. In the article both are named by the acronym; the index
// joins the expansion's mentions in other articles to it (schema.h,
// kMergesKey).
struct AcronymPair {
  EntityType type = EntityType::kOrg;
  std::string acronym;
  std::string expansion;
  bool operator==(const AcronymPair&) const = default;
};

struct ExtractedEntities {
  std::vector<Mention> mentions;  // in text order
  std::string article_date;       // ISO, "" when the article names none
  std::vector<AcronymPair> acronyms;  // distinct
};

class EntityExtractor {
 public:
  // `tagger` may be null: then only dates are extracted.
  explicit EntityExtractor(const NerTagger* tagger) : tagger_(tagger) {}

  ExtractedEntities Extract(const Article& article,
                            const std::vector<Passage>& passages) const;

 private:
  const NerTagger* tagger_;
};

// Switches the document rule `name` (a RuleOn() name in
// entity_extractor.cc, e.g. "nested") on or off in this process, over the
// defaults and the BYLINE_NER_RULES_OFF / _ON variables; for tests and
// measurements. Call it while no extraction runs.
void SetEntityRule(std::string_view name, bool on);
// Back to the defaults and the variables.
void ResetEntityRules();

// The article's own date: the day of Article::published when the source
// gave one (JSON Lines, HTML metadata); else the first full date (year,
// month and day) in the
// title or in one of the first three passages that is short (a dateline
// such as "By A. Writer | Warsaw | 16 July 2024" or "Friday, July 21,
// 2017"); "" if there is none.
std::string FindArticleDate(const Article& article,
                            const std::vector<Passage>& passages);

}  // namespace byline

#endif  // BYLINE_INDEX_ENTITY_EXTRACTOR_H_
