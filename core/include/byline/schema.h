// The index schema: term prefixes, value slots and the helpers that build
// terms. The indexer writes and the searcher reads exactly what is declared
// here; docs/schema.md mirrors this file and changes with it.
#ifndef BYLINE_SCHEMA_H_
#define BYLINE_SCHEMA_H_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "byline/entity.h"

namespace byline::schema {

// Term prefixes. Xapian conventions: S title, Q unique id, Z stemmed forms
// (added by TermGenerator); Byline's own prefixes start with X.
inline constexpr std::string_view kTitlePrefix = "S";    // free text
inline constexpr std::string_view kUniquePrefix = "Q";   // Q<article-id>#<n>
inline constexpr std::string_view kArticlePrefix = "XA";  // XA<article-id>
// Entities: the value is FoldName(canonical name) for people, organisations
// and places ("XPERjens stoltenberg"), the ISO date and each shorter form of
// it for dates mentioned ("XMDATE2024-07-14", "XMDATE2024-07",
// "XMDATE2024"). Added with wdf 1 so they can weigh in the entity boost;
// used as filters too.
inline constexpr std::string_view kPersonPrefix = "XPER";
inline constexpr std::string_view kOrgPrefix = "XORG";
inline constexpr std::string_view kPlacePrefix = "XPLACE";
inline constexpr std::string_view kMentionedDatePrefix = "XMDATE";
// The article's publication date, at each level ("XDATE2024-07-16",
// "XDATE2024-07", "XDATE2024"): the date: filter.
inline constexpr std::string_view kDatePrefix = "XDATE";
// The payload digest of a web-archive capture ("XDIGESTsha1:AB12..."):
// a payload already indexed under another article is not indexed again.
inline constexpr std::string_view kDigestPrefix = "XDIGEST";
// Never written: a query for it matches nothing (what the query builder
// gives Xapian's parser for a filter that matches nothing; the parser
// cannot take an empty query from a field processor everywhere).
inline constexpr std::string_view kNoDocumentTerm = "XNONE";

// Near-duplicate articles (indexer/include/byline/index/near_dup.h). On
// the first passage of an article: one term per MinHash band of its body
// ("XMH" + band digit + 16 hex digits), looked up to find earlier copies,
// and "XG" + its copy group, whose term frequency is the number of
// articles in the group.
inline constexpr std::string_view kMinHashBandPrefix = "XMH";
inline constexpr std::string_view kCopyGroupPrefix = "XG";
// Synonym-table keys (Xapian::Database::synonyms_begin), not terms:
//   "XALIAS" + FoldName(surface form) -> the entity terms it has named,
//     e.g. "XALIASstoltenberg" -> "XPERjens stoltenberg";
//   FoldName(word) -> the accented word as indexed, e.g. "zurich" ->
//     "zürich", so unaccented query words match (QueryParser's
//     FLAG_AUTO_SYNONYMS).
inline constexpr std::string_view kAliasKeyPrefix = "XALIAS";
// The alias entries again as metadata, for searches through Xapian's
// remote backend, whose protocol serves no synonym table:
// AliasMetadataKey("XALIASstoltenberg") -> the entity terms, one a line.
std::string AliasMetadataKey(std::string_view alias_key);

// Value slots: an append-only list. Never renumber or reuse a slot.
enum Slot : Xapian::valueno {
  kSlotArticleId = 0,     // article id, raw bytes; the collapse key
  kSlotPassageIndex = 1,  // passage number, Xapian::sortable_serialise(n)
  kSlotEntities = 2,      // distinct entities of the passage, see
                          // EncodeEntityList()
  kSlotPublished = 3,     // the article's publication day, ISO 8601 text
                          // ("2024-07-16", or "2024-07" / "2024" when
                          // that is all the source says); the date facet
  kSlotCopyGroup = 4,     // the article's copy group: the id of the first
                          // indexed article it is a near-duplicate of, or
                          // its own id; the collapse key with --per-article
  kSlotMinHash = 5,       // first passage only: the article's MinHash
                          // signature, EncodeSignature() bytes
  kSlotPassageCopyKey = 6,  // copy group + ":" + hash of the passage's
                            // words: the collapse key that shows one copy
                            // of a paragraph several outlets ran
  kSlotPassageText = 7,   // "<start> <end>\n<text>": the passage's byte
                          // range in the article text and the text, for
                          // snippets (EncodePassageValue())
  kSlotFacets = 8,        // the passage's number and facet ids, see
                          // EncodeFacetValue()
  kSlotMentions = 9,      // where the passage names its entities, see
                          // EncodeMentionSpans(); absent in databases
                          // indexed before it (no offsets shown)
};

// Stemming language for text at index and query time.
inline constexpr const char* kStemLanguage = "english";

// Words are indexed as their stems only, under "Z", with positions
// (Xapian's STEM_ALL_Z): one term per word instead of STEM_SOME's two
// (the word and its stem), which makes the writer about a third faster.
// The query parser must make the same terms.
inline constexpr std::string_view kStemPrefix = "Z";

// The metadata key that records the index schema a database was built
// with, and the version this code writes and reads. Version 1 (no key)
// indexed words with STEM_SOME; its phrase and exact-word terms differ, so
// a version 1 database must be indexed again. Version 2 had no facet ids
// (kSlotFacets), which the searcher's facet counter reads.
inline constexpr const char* kSchemaVersionKey = "byline:schema";
inline constexpr const char* kSchemaVersion = "3";

// Empty when `db` can be used by this code (the version matches, or the
// database holds no documents yet); else why not, naming `db_path`.
std::string SchemaMismatch(const Xapian::Database& db,
                           const std::string& db_path);

// The longest term Xapian's glass backend stores, in bytes.
inline constexpr size_t kMaxTermBytes = 245;

// A boolean term `prefix` + `value` spelled the way Xapian::QueryParser
// spells a boolean filter: a ':' goes between a prefix of more than one
// character and a value that starts with an ASCII uppercase letter or ':'
// (Xapian 1.4 tests ASCII only: "XORGŁódź" but "XORG:NATO"). Build every
// boolean term through this, or `field:Value` filters in queries match
// nothing. Whatever the value, the term is valid: invalid UTF-8 is
// replaced with U+FFFD, and a term over kMaxTermBytes is cut at a
// character boundary and ends with "#" + 16 hex digits of the value's
// FNV-1a hash. The searcher's filters go through the same function.
std::string BooleanTerm(std::string_view prefix, std::string_view value);

// "Q<article-id>#<n>": the unique term of passage n of an article.
std::string UniqueTerm(std::string_view article_id, size_t passage_index);

// "XA<article-id>": carried by every passage of an article.
std::string ArticleTerm(std::string_view article_id);

std::string_view EntityPrefix(EntityType type);

// The terms for an entity: one for a name (prefix + FoldName(name)), one per
// level for a date mentioned ("2024-07-14" -> XMDATE2024-07-14, ...2024-07,
// ...2024).
std::vector<std::string> EntityTerms(EntityType type, std::string_view name);

// The folded name a person, organisation or place term holds, without its
// prefix ("XPERjens stoltenberg" -> "jens stoltenberg"); any other term as
// it is.
std::string_view EntityTermName(std::string_view term);

// One term per level of an ISO date under `prefix`; a partial "--07-14"
// has one level.
std::vector<std::string> DateTerms(std::string_view prefix,
                                   std::string_view iso);

// Whether day `day` of month `month` (1-12) exists in `year`; year 0 is
// a year not known, in which 29 February may be.
bool ValidDay(int year, int month, int day);

// A date as the date terms hold it and filters take it: YYYY, YYYY-MM or
// YYYY-MM-DD of a real day, or --MM-DD (a day of any year).
bool IsIsoDate(std::string_view date);

// The publication day of an ISO date or date-time ("2024-07-16T09:30Z" ->
// "2024-07-16"; "2024-07" stays), or "" if `published` is not ISO.
std::string PublicationDay(std::string_view published);

// The value in kSlotEntities: one line per entity, "<t><name>" with <t> one
// of 'p' (person), 'o' (org), 'l' (place), 'd' (date), lines joined by '\n'.
using EntityList = std::vector<std::pair<EntityType, std::string>>;
std::string EncodeEntityList(const EntityList& entities);
EntityList DecodeEntityList(std::string_view value);

// The value in kSlotMentions: one line per mention, "<k> <start> <end>",
// in text order: k the entity's 0-based index in the passage's
// kSlotEntities list, [start, end) its byte range in the passage text.
// Decoding skips lines that are not three numbers.
struct MentionSpan {
  size_t entity = 0;
  size_t start = 0;
  size_t end = 0;
  bool operator==(const MentionSpan&) const = default;
};
std::string EncodeMentionSpans(const std::vector<MentionSpan>& spans);
std::vector<MentionSpan> DecodeMentionSpans(std::string_view value);

// Facets: each distinct entity a passage names (a person, organisation or
// place by its folded name) and each publication day gets a facet id when
// it is first indexed, so counting the entities of a result set is
// counting small integers. An id is (serial << 2) | type: the type is in
// its low two bits, serials count from 0 within each database, and ids
// are never reused or renumbered. Ids of two databases need not agree:
// what identifies a facet across databases is its key.
using FacetId = uint32_t;
inline constexpr FacetId MakeFacetId(uint32_t serial, EntityType type) {
  return (serial << 2) | static_cast<FacetId>(type);
}
inline constexpr EntityType FacetType(FacetId id) {
  return static_cast<EntityType>(id & 3);
}
// The facet's key: the entity term for a person, organisation or place
// ("XPERjens stoltenberg"); the publication day's date: term for a day
// ("XDATE2024-07-16").
std::string FacetKey(EntityType type, std::string_view name);

// Metadata (Xapian::Database::get_metadata) of the facets, committed with
// the passages that use them:
//   kFacetNextKey: the next facet serial, decimal ("0" or absent: none);
//   FacetIdKey(key): the facet id of a key, decimal;
//   FacetNameKey(id): "<key>\n<display name>", the name as first indexed;
//     a facet other names are joined to (kMergesKey) has a third line, the
//     name it is listed under (the expansion: "North Atlantic Treaty
//     Organization" for NATO).
inline constexpr const char* kFacetNextKey = "byline:facet-next";
std::string FacetIdKey(std::string_view facet_key);
std::string FacetNameKey(FacetId id);
// The next facet serial of `db` (kFacetNextKey; 0 if it has no facets).
uint64_t NextFacetSerial(const Xapian::Database& db);
// The facet id `db` has for `facet_key` (FacetIdKey), if any.
std::optional<FacetId> LookUpFacetId(const Xapian::Database& db,
                                     std::string_view facet_key);
// A FacetNameKey() entry read: its key, the name as first indexed, and the
// name the facet is listed under (the third line of a facet others are
// joined to, else the name). An entry without a newline gives empty
// strings.
struct FacetNameEntry {
  std::string key, name, listed;
};
FacetNameEntry ParseFacetNameEntry(std::string_view value);

// A 64-bit hash (FNV-1a) of a kSlotPassageCopyKey value, as the facet
// column keeps it (facet_column.h): 0 for an empty key, never 0 otherwise.
// Stable across builds and machines: it is stored.
uint64_t CopyKeyHash(std::string_view key);

// The value in kSlotFacets: the passage's number in its article, then its
// facet ids in increasing order, each as the difference from the one
// before (the first from 0); all as unsigned LEB128 varints. An article's
// passages have consecutive document ids (IndexWriter keeps them so), so
// document id minus passage number names the article, which lets facets
// count articles. A passage with no facets has no value.
std::string EncodeFacetValue(uint64_t passage, std::vector<FacetId> ids);
// Reads one unsigned LEB128 varint from the front of `*in` and drops it;
// false if `*in` ends inside one. Inline: the facet counter reads every
// matching passage's value with it.
inline bool ReadVarint(std::string_view* in, uint64_t* v) {
  uint64_t out = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    const auto b = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    out |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (b < 0x80) {
      *v = out;
      return true;
    }
  }
  return false;
}
// False if `value` is not one; then `*ids` is partial.
bool DecodeFacetValue(std::string_view value, uint64_t* passage,
                      std::vector<FacetId>* ids);

// Names joined across articles: an acronym one article pairs with its
// expansion ("North Atlantic Treaty Organization (NATO)") makes the
// expansion's facet in other articles the acronym's, in counts and
// filters, as long as the index pairs that acronym (of that type) with that
// expansion only and the expansion with that acronym only. Metadata,
// committed with the passages:
//   AcronymKey(acronym facet key): the facet keys of the expansions the
//     index has seen paired with it, one a line (what the joins are made
//     from; only the indexer reads it);
//   kMergedKeysKey: the joins in force, one a line, "<expansion key>\t
//     <acronym key>\t<expansion as written>" (filters, the name a joined
//     facet is listed under, and facets counted from names);
//   kMergesKey: the same joins by facet id, where the database has both
//     ids: EncodeMerges() (the facet counter).
inline constexpr const char* kMergedKeysKey = "byline:merged-keys";
inline constexpr const char* kMergesKey = "byline:merges";
std::string AcronymKey(std::string_view acronym_facet_key);
// Pairs (from, to) in increasing `from`: each an unsigned LEB128 varint of
// from minus the previous from, then one of to.
std::string EncodeMerges(const std::vector<std::pair<FacetId, FacetId>>& merges);
// False if `value` is not one; then `*merges` is partial.
bool DecodeMerges(std::string_view value,
                  std::vector<std::pair<FacetId, FacetId>>* merges);
// kMergedKeysKey's lines: from expansion key to acronym key, and the
// name the joined facet is listed under (the expansion as first written;
// "" if the line has none).
struct JoinedName {
  std::string from, to, name;
  bool operator==(const JoinedName&) const = default;
};
std::vector<JoinedName> DecodeMergedKeys(std::string_view value);
// Adds `db`'s joins (kMergedKeysKey) to `joins` (expansion key -> acronym
// key) and `names` (acronym key -> the name the group is listed under);
// entries already there are kept.
void ReadJoins(const Xapian::Database& db,
               std::unordered_map<std::string, std::string>* joins,
               std::unordered_map<std::string, std::string>* names);

}  // namespace byline::schema

#endif  // BYLINE_SCHEMA_H_
