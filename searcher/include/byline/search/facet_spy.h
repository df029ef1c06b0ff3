// EntityFacetSpy: counts the entities of the passages a query matches. A
// passage names several entities, so Xapian's ValueCountMatchSpy (one value
// per document) cannot do it; this spy decodes the entity list in
// schema::kSlotEntities. The date facet counts publication days
// (schema::kSlotPublished), not the dates passages mention. It sees every document the matcher checks, so its
// counts are exact when the match is run with check_at_least >= the number
// of matching documents.
// Not thread-safe; one per Enquire.
#ifndef BYLINE_SEARCH_FACET_SPY_H_
#define BYLINE_SEARCH_FACET_SPY_H_

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "byline/entity.h"
#include "byline/search/results.h"

namespace byline {

class EntityFacetSpy : public Xapian::MatchSpy {
 public:
  // Counts entities of `types`. With `per_article`, counts articles (each
  // article once per entity) instead of passages.
  EntityFacetSpy(std::vector<EntityType> types, bool per_article);

  void operator()(const Xapian::Document& doc, double weight) override;

  // The `limit` most frequent names of `type`, most frequent first, ties by
  // name.
  std::vector<FacetCount> Top(EntityType type, size_t limit) const;

  // Documents seen.
  size_t seen() const { return seen_; }

 private:
  struct Count {
    std::string name;  // display form, as first seen
    size_t count = 0;
  };
  bool wanted_[4] = {false, false, false, false};
  bool per_article_;
  size_t seen_ = 0;
  std::unordered_map<std::string, Count> counts_[4];  // by folded name
  std::unordered_set<std::string> article_seen_;  // "<t><key>\0<article>"
};

}  // namespace byline

#endif  // BYLINE_SEARCH_FACET_SPY_H_
