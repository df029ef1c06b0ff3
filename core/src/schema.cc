#include "byline/schema.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>

#include "byline/article.h"
#include "byline/text.h"

namespace byline::schema {

namespace {

// `s` cut at a character boundary to at most `limit` bytes, ending with "#"
// and 16 hex digits of the FNV-1a hash of `whole`, if longer than `limit`.
std::string CutWithHash(std::string s, std::string_view whole, size_t limit) {
  if (s.size() <= limit) return s;
  const std::string tail = "#" + Hex64(Fnv1a64(whole));
  size_t keep = limit - tail.size();
  while (keep > 0 && (static_cast<unsigned char>(s[keep]) & 0xC0) == 0x80) {
    --keep;
  }
  s.resize(keep);
  s += tail;
  return s;
}

}  // namespace

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
  // Too long for Xapian: cut at a character boundary and end with a hash
  // of the whole value, so distinct long values stay distinct terms.
  return CutWithHash(std::move(term), value, kMaxTermBytes);
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

std::string_view EntityTermName(std::string_view term) {
  for (std::string_view prefix : {kPersonPrefix, kOrgPrefix, kPlacePrefix}) {
    if (term.starts_with(prefix)) return term.substr(prefix.size());
  }
  return term;
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

bool ValidDay(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) {
    return false;
  }
  if (month == 2 && day == 29 && year != 0) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }
  return true;
}

bool IsIsoDate(std::string_view d) {
  const auto num = [&](size_t at, size_t n, int* out) {
    if (at + n > d.size()) return false;
    *out = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (d[i] < '0' || d[i] > '9') return false;
      *out = *out * 10 + (d[i] - '0');
    }
    return true;
  };
  int year = 0, month = 0, day = 0;
  size_t at = 0;
  if (d.starts_with("--")) {
    if (d.size() != 7) return false;
    at = 2;
  } else {
    if (!num(0, 4, &year)) return false;
    if (d.size() == 4) return true;
    if (d[4] != '-') return false;
    at = 5;
  }
  if (!num(at, 2, &month) || month < 1 || month > 12) return false;
  if (d.size() == at + 2) return at == 5;  // YYYY-MM (not --MM)
  if (d.size() != at + 5 || d[at + 2] != '-' || !num(at + 3, 2, &day)) {
    return false;
  }
  return ValidDay(year, month, day);
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

std::string EncodeMentionSpans(const std::vector<MentionSpan>& spans) {
  std::string out;
  for (const MentionSpan& s : spans) {
    if (!out.empty()) out.push_back('\n');
    out.append(std::to_string(s.entity)).push_back(' ');
    out.append(std::to_string(s.start)).push_back(' ');
    out.append(std::to_string(s.end));
  }
  return out;
}

std::vector<MentionSpan> DecodeMentionSpans(std::string_view value) {
  std::vector<MentionSpan> out;
  while (!value.empty()) {
    const size_t nl = value.find('\n');
    const std::string_view line = value.substr(0, nl);
    value.remove_prefix(nl == std::string_view::npos ? value.size() : nl + 1);
    size_t fields[3];
    const char* p = line.data();
    const char* const end = line.data() + line.size();
    bool ok = true;
    for (int i = 0; i < 3 && ok; ++i) {
      if (i > 0) ok = p < end && *p++ == ' ';
      const auto [next, ec] = std::from_chars(p, end, fields[i]);
      ok = ok && ec == std::errc() && next != p;
      p = next;
    }
    if (ok && p == end && fields[1] <= fields[2]) {
      out.push_back({fields[0], fields[1], fields[2]});
    }
  }
  return out;
}

std::string FacetKey(EntityType type, std::string_view name) {
  if (type == EntityType::kDate) return BooleanTerm(kDatePrefix, name);
  return BooleanTerm(EntityPrefix(type), FoldName(name));
}

std::string AliasMetadataKey(std::string_view alias_key) {
  std::string key = "byline:alias:";
  key.append(alias_key);
  return CutWithHash(std::move(key), alias_key, kMaxTermBytes);
}

std::string FacetIdKey(std::string_view facet_key) {
  // Metadata keys share the terms' limit.
  std::string key = "byline:fid:";
  key.append(facet_key);
  return CutWithHash(std::move(key), facet_key, kMaxTermBytes);
}

uint64_t NextFacetSerial(const Xapian::Database& db) {
  const std::string value = db.get_metadata(kFacetNextKey);
  return value.empty() ? 0 : std::strtoull(value.c_str(), nullptr, 10);
}

std::optional<FacetId> LookUpFacetId(const Xapian::Database& db,
                                     std::string_view facet_key) {
  const std::string known = db.get_metadata(FacetIdKey(facet_key));
  if (known.empty()) return std::nullopt;
  return static_cast<FacetId>(std::strtoul(known.c_str(), nullptr, 10));
}

FacetNameEntry ParseFacetNameEntry(std::string_view value) {
  const size_t nl = value.find('\n');
  if (nl == std::string_view::npos) return {};
  FacetNameEntry out;
  out.key = std::string(value.substr(0, nl));
  const std::string_view rest = value.substr(nl + 1);
  const size_t listed = rest.find('\n');
  out.name = std::string(rest.substr(0, listed));
  out.listed = listed == std::string_view::npos
                   ? out.name
                   : std::string(rest.substr(listed + 1));
  return out;
}

uint64_t CopyKeyHash(std::string_view key) {
  if (key.empty()) return 0;
  uint64_t h = 14695981039346656037ULL;
  for (const char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h == 0 ? 1 : h;
}

std::string FacetNameKey(FacetId id) {
  return "byline:fname:" + std::to_string(id);
}

namespace {

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

}  // namespace

std::string EncodeFacetValue(uint64_t passage, std::vector<FacetId> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string out;
  PutVarint(passage, &out);
  FacetId last = 0;
  for (const FacetId id : ids) {
    PutVarint(id - last, &out);
    last = id;
  }
  return out;
}

bool DecodeFacetValue(std::string_view value, uint64_t* passage,
                      std::vector<FacetId>* ids) {
  ids->clear();
  if (!ReadVarint(&value, passage)) return false;
  uint64_t id = 0;
  while (!value.empty()) {
    uint64_t delta;
    if (!ReadVarint(&value, &delta)) return false;
    id += delta;
    if (id > UINT32_MAX) return false;
    ids->push_back(static_cast<FacetId>(id));
  }
  return true;
}

std::string AcronymKey(std::string_view acronym_facet_key) {
  std::string key = "byline:acronym:";
  key.append(acronym_facet_key);
  return CutWithHash(std::move(key), acronym_facet_key, kMaxTermBytes);
}

std::string EncodeMerges(
    const std::vector<std::pair<FacetId, FacetId>>& merges) {
  std::vector<std::pair<FacetId, FacetId>> sorted = merges;
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  FacetId last = 0;
  for (const auto& [from, to] : sorted) {
    PutVarint(from - last, &out);
    PutVarint(to, &out);
    last = from;
  }
  return out;
}

bool DecodeMerges(std::string_view value,
                  std::vector<std::pair<FacetId, FacetId>>* merges) {
  merges->clear();
  uint64_t from = 0;
  while (!value.empty()) {
    uint64_t delta, to;
    if (!ReadVarint(&value, &delta) || !ReadVarint(&value, &to)) return false;
    from += delta;
    if (from > UINT32_MAX || to > UINT32_MAX) return false;
    merges->emplace_back(static_cast<FacetId>(from), static_cast<FacetId>(to));
  }
  return true;
}

std::vector<JoinedName> DecodeMergedKeys(std::string_view value) {
  std::vector<JoinedName> out;
  while (!value.empty()) {
    const size_t nl = value.find('\n');
    const std::string_view line = value.substr(0, nl);
    value = nl == std::string_view::npos ? "" : value.substr(nl + 1);
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) continue;
    const std::string_view rest = line.substr(tab + 1);
    const size_t tab2 = rest.find('\t');
    const std::string_view to = rest.substr(0, tab2);
    if (to.empty()) continue;
    out.push_back({std::string(line.substr(0, tab)), std::string(to),
                   tab2 == std::string_view::npos
                       ? std::string()
                       : std::string(rest.substr(tab2 + 1))});
  }
  return out;
}

void ReadJoins(const Xapian::Database& db,
               std::unordered_map<std::string, std::string>* joins,
               std::unordered_map<std::string, std::string>* names) {
  for (JoinedName& j : DecodeMergedKeys(db.get_metadata(kMergedKeysKey))) {
    if (!j.name.empty()) names->emplace(j.to, std::move(j.name));
    joins->emplace(std::move(j.from), std::move(j.to));
  }
}

}  // namespace byline::schema
