// Named entities: the types Byline extracts, a mention in an article, and
// the folding that makes names match without accents or case.
#ifndef BYLINE_ENTITY_H_
#define BYLINE_ENTITY_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace byline {

enum class EntityType { kPerson, kOrg, kPlace, kDate };
inline constexpr EntityType kAllEntityTypes[] = {
    EntityType::kPerson, EntityType::kOrg, EntityType::kPlace,
    EntityType::kDate};

// "person", "org", "place", "date": the names used in options, query
// fields and output.
std::string_view EntityTypeName(EntityType type);
std::optional<EntityType> ParseEntityType(std::string_view name);

// One mention of an entity in an article.
struct Mention {
  EntityType type = EntityType::kPerson;
  std::string name;   // canonical: "Jens Stoltenberg", "NATO", "2024-07-14"
  std::string text;   // the surface form as written: "Stoltenberg"
  size_t start = 0;   // byte range in Article::text
  size_t end = 0;
  static constexpr size_t kNoPassage = static_cast<size_t>(-1);
  size_t passage = kNoPassage;  // index of the passage holding it; kNoPassage
                                // for the title
  bool operator==(const Mention&) const = default;
};

// The matching key of a name: lowercase, accents and other diacritics
// removed, Latin letters transliterated to ASCII where ICU's Latin-ASCII
// rules say so ("Radosław Sikorski" -> "radoslaw sikorski", "Øresund" ->
// "oresund"), whitespace collapsed. Thread-safe.
std::string FoldName(std::string_view name);

}  // namespace byline

#endif  // BYLINE_ENTITY_H_
