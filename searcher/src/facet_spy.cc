#include "byline/search/facet_spy.h"

#include <algorithm>

#include "byline/schema.h"

namespace byline {

EntityFacetSpy::EntityFacetSpy(std::vector<EntityType> types, bool per_article)
    : per_article_(per_article) {
  for (EntityType t : types) wanted_[static_cast<int>(t)] = true;
}

void EntityFacetSpy::operator()(const Xapian::Document& doc, double) {
  ++seen_;
  const std::string article =
      per_article_ ? doc.get_value(schema::kSlotArticleId) : std::string();
  schema::EntityList entities =
      schema::DecodeEntityList(doc.get_value(schema::kSlotEntities));
  // The date facet counts publication dates, not dates mentioned.
  std::erase_if(entities, [](const auto& e) {
    return e.first == EntityType::kDate;
  });
  if (wanted_[static_cast<int>(EntityType::kDate)]) {
    std::string day = doc.get_value(schema::kSlotPublished);
    if (!day.empty()) entities.emplace_back(EntityType::kDate, std::move(day));
  }
  for (auto& [type, name] : entities) {
    const int t = static_cast<int>(type);
    if (!wanted_[t]) continue;
    std::string key = type == EntityType::kDate ? name : FoldName(name);
    if (per_article_ &&
        !article_seen_.insert(std::string(1, static_cast<char>('0' + t)) +
                              key + '\0' + article)
             .second) {
      continue;
    }
    Count& c = counts_[t][std::move(key)];
    if (c.count++ == 0) c.name = std::move(name);
  }
}

std::vector<FacetCount> EntityFacetSpy::Top(EntityType type,
                                            size_t limit) const {
  std::vector<FacetCount> all;
  for (const auto& [key, c] : counts_[static_cast<int>(type)]) {
    all.push_back({c.name, c.count});
  }
  const auto order = [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  };
  if (all.size() > limit) {
    std::partial_sort(all.begin(), all.begin() + limit, all.end(), order);
    all.resize(limit);
  } else {
    std::sort(all.begin(), all.end(), order);
  }
  return all;
}

}  // namespace byline
