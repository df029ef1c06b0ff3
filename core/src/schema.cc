#include "byline/schema.h"

#include "byline/article.h"
#include "byline/text.h"

namespace byline::schema {

std::string BooleanTerm(std::string_view prefix, std::string_view raw_value) {
  // Values come from files (WARC headers, JSON fields): repair them so that
  // every term is valid UTF-8, as QueryParser would spell the same value.
  std::string repaired;
  std::string_view value = raw_value;
  if (!CheckUtf8(value).valid()) {
    repaired = RepairUtf8(value);
    value = repaired;
  }
  std::string term(prefix);
  // Mirrors QueryParser's prefix_needs_colon(), whose uppercase test is
  // ASCII-only in Xapian 1.4 (so "Łódź" takes no colon).
  if (prefix.size() > 1 && !value.empty() && prefix.back() != ':' &&
      ((value[0] >= 'A' && value[0] <= 'Z') || value[0] == ':')) {
    term.push_back(':');
  }
  term.append(value);
  if (term.size() <= kMaxTermBytes) return term;
  // Too long for Xapian: cut at a character boundary and end with a hash
  // of the whole value, so distinct long values stay distinct terms.
  const std::string tail = "#" + Hex64(Fnv1a64(value));
  size_t keep = kMaxTermBytes - tail.size();
  while (keep > 0 && (static_cast<unsigned char>(term[keep]) & 0xC0) == 0x80) {
    --keep;
  }
  term.resize(keep);
  term += tail;
  return term;
}

std::string UniqueTerm(std::string_view article_id, size_t passage_index) {
  std::string term(kUniquePrefix);
  term.append(article_id);
  term.push_back('#');
  term.append(std::to_string(passage_index));
  return term;
}

std::string ArticleTerm(std::string_view article_id) {
  return BooleanTerm(kArticlePrefix, article_id);
}

std::string SchemaMismatch(const Xapian::Database& db,
                           const std::string& db_path) {
  const std::string found = db.get_metadata(kSchemaVersionKey);
  if (found == kSchemaVersion || db.get_doccount() == 0) return "";
  return db_path + ": built with index schema " +
         (found.empty() ? std::string("1") : found) +
         " by another version of byline-index; this version reads and "
         "writes schema " + kSchemaVersion +
         ": index the articles again into a new database";
}

std::string_view EntityPrefix(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return kPersonPrefix;
    case EntityType::kOrg: return kOrgPrefix;
    case EntityType::kPlace: return kPlacePrefix;
    case EntityType::kDate: return kMentionedDatePrefix;
  }
  return kPersonPrefix;
}

std::vector<std::string> EntityTerms(EntityType type, std::string_view name) {
  if (type != EntityType::kDate) {
    return {BooleanTerm(EntityPrefix(type), FoldName(name))};
  }
  return DateTerms(kMentionedDatePrefix, name);
}

std::vector<std::string> DateTerms(std::string_view prefix,
                                   std::string_view iso) {
  std::vector<std::string> terms{BooleanTerm(prefix, iso)};
  if (!iso.empty() && iso[0] != '-') {  // not a partial "--07-14"
    for (size_t len : {size_t{7}, size_t{4}}) {
      if (iso.size() > len) terms.push_back(BooleanTerm(prefix, iso.substr(0, len)));
    }
  }
  return terms;
}

std::string PublicationDay(std::string_view published) {
  const auto digits = [&](size_t from, size_t n) {
    if (published.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (published[i] < '0' || published[i] > '9') return false;
    }
    return true;
  };
  if (!digits(0, 4)) return "";
  if (published.size() == 4) return std::string(published);
  if (published[4] != '-' || !digits(5, 2)) return "";
  if (published.size() == 7) return std::string(published);
  if (published.size() < 10 || published[7] != '-' || !digits(8, 2)) return "";
  return std::string(published.substr(0, 10));
}

namespace {
constexpr char kTypeCodes[] = {'p', 'o', 'l', 'd'};
}  // namespace

std::string EncodeEntityList(const EntityList& entities) {
  std::string out;
  for (const auto& [type, name] : entities) {
    if (!out.empty()) out.push_back('\n');
    out.push_back(kTypeCodes[static_cast<int>(type)]);
    out.append(name);
  }
  return out;
}

EntityList DecodeEntityList(std::string_view value) {
  EntityList out;
  while (!value.empty()) {
    size_t nl = value.find('\n');
    const std::string_view line = value.substr(0, nl);
    value.remove_prefix(nl == std::string_view::npos ? value.size() : nl + 1);
    if (line.empty()) continue;
    for (int t = 0; t < 4; ++t) {
      if (line[0] == kTypeCodes[t]) {
        out.emplace_back(static_cast<EntityType>(t), std::string(line.substr(1)));
      }
    }
  }
  return out;
}

}  // namespace byline::schema
