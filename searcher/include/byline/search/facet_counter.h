// FacetCounter: counts the facets (people, organisations, places and
// publication days) of the passages a query matches. It is a
// Xapian::MatchSpy, so it sees every document the matcher checks: its
// counts are exact when the match runs with check_at_least >= the number of
// matching documents. The searcher runs it in a match of its own, without
// weights or collapsing, beside the ranked one. Per match it reads one
// short value (schema::kSlotFacets: the passage's number and its facet
// ids) and adds one to a flat array by facet serial: no strings, no ICU.
// Names are looked up in the databases' metadata only for the facets it
// reports.
//
// Several databases searched together (shards) are counted apart, each by
// a match of its own (SetShard()), because their facet ids differ, and
// merged by facet key when reported.
// Not thread-safe; one per Enquire.
#ifndef BYLINE_SEARCH_FACET_COUNTER_H_
#define BYLINE_SEARCH_FACET_COUNTER_H_

#include <xapian.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "byline/entity.h"
#include "byline/facet_column.h"
#include "byline/schema.h"
#include "byline/search/results.h"

namespace byline {

// The order of facet lists: more passages (or articles) first, then by
// name.
bool MoreFrequent(const FacetCount& a, const FacetCount& b);

class FacetCounter : public Xapian::MatchSpy {
 public:
  static constexpr size_t kDenseAfter = 4096;
  // Counts facets of `types` in the passages of `shards`, the databases in
  // the order they were added to the database the Enquire searches. With
  // `per_article`, counts articles (each article once per facet) instead
  // of passages; that relies on an article's passages having consecutive
  // document ids, which IndexWriter keeps.
  // `dense_after`: passages of a shard counted in a hash map before its
  // counts move to flat arrays (tests set 0 to count in arrays only).
  FacetCounter(std::vector<Xapian::Database> shards,
               const std::vector<EntityType>& types, bool per_article,
               size_t dense_after = kDenseAfter);

  // The database (index into `shards`) whose matches come next. A spy
  // cannot tell the databases of a combined search apart (Xapian numbers
  // each document as its own database does), so each is counted by a
  // match of its own.
  void SetShard(size_t k) {
    Flush();
    current_ = k;
  }
  // Read shard k's facet values from `column` (in step with the revision
  // searched; not owned) instead of asking Xapian for them; null: from
  // Xapian.
  void UseColumn(size_t k, const FacetColumnReader* column) {
    shards_[k].column = column;
  }
  // Forgets what shard k counted, to count it again.
  void Reset(size_t k);
  // Shard k is about to count at least `passages` passages: past
  // dense_after, its counts go to the flat arrays now rather than first to
  // the map.
  void Expect(size_t k, size_t passages) {
    if (passages > dense_after_ && !shards_[k].dense) MakeDense(shards_[k]);
  }

  void operator()(const Xapian::Document& doc, double weight) override;
  // Counts document `did` of the current shard, whose column is in use,
  // without the matcher (in increasing `did` order, like the matcher).
  // Documents read from a column are counted in batches: Flush() (or
  // SetShard(), or Top()) counts what is still held.
  void CountFromColumn(Xapian::docid did) {
    batch_[batched_++] = did;
    if (batched_ == kBatch) Flush();
  }
  // Counts the documents held for the current shard.
  void Flush();
  // Adds what `other` counted (over the same databases, of other
  // documents; with per_article, of other articles) to this counter's
  // counts.
  void Merge(FacetCounter& other);

  // The `limit` most frequent facets of `type`, most frequent first, ties
  // by name (the name as first indexed). Looks the names up; throws
  // Xapian::Error if the database cannot be read. Counts what is held
  // first (Flush()).
  std::vector<FacetCount> Top(EntityType type, size_t limit);

  // Documents seen.
  size_t seen() const { return seen_ + batched_; }

 private:
  struct Shard {
    Xapian::Database db;
    const FacetColumnReader* column = nullptr;
    // Until `dense`, counts are kept in a hash map by id: a flat array for
    // every facet the database knows costs a fresh process its page
    // faults (about 0.6 MB at a million passages), which a query matching
    // a few passages should not pay. Past kDenseAfter passages they move
    // to flat arrays by serial (id >> 2: a serial has one type, so an
    // array by id would be three quarters unused, and each unused page
    // still costs a fault and a pass).
    bool dense = false;
    size_t passages = 0;   // counted, in this shard
    uint64_t known = 0;    // facet serials the database had: the arrays' size
    // By id: the count and, with per_article, the article (below).
    std::unordered_map<uint32_t, std::pair<uint32_t, uint32_t>> sparse;
    std::vector<uint32_t> counts;  // by serial
    // The type of each serial counted, two bits each (four to a byte).
    std::vector<uint8_t> types;
    // With per_article, by serial: the document id of the first passage
    // of the article that last counted it (0: none).
    std::vector<uint32_t> last_article;
    // Adds `n` to the dense count of facet `id`.
    void Add(uint32_t id, uint32_t n = 1) {
      const uint32_t serial = id >> 2;
      counts[serial] += n;
      types[serial >> 2] |= static_cast<uint8_t>((id & 3) << (serial & 3) * 2);
    }
    // The facet id of a counted serial.
    schema::FacetId IdOf(size_t serial) const {
      return static_cast<schema::FacetId>(
          serial << 2 | (types[serial >> 2] >> (serial & 3) * 2 & 3));
    }
    // Facets joined to another (an acronym's expansion to the acronym:
    // schema.h, kMergesKey): a bit per id that is joined, and where to.
    // A passage (or article) naming both is counted once.
    std::vector<uint64_t> merged_bits;
    std::vector<std::pair<uint32_t, uint32_t>> merged_to;  // by `from`
    // `id` as counted: the facet it is joined to, or itself.
    uint32_t Joined(uint64_t id, bool* joined) const {
      if ((id >> 6) < merged_bits.size() &&
          (merged_bits[id >> 6] >> (id & 63) & 1)) {
        *joined = true;
        return std::lower_bound(merged_to.begin(), merged_to.end(),
                                std::pair<uint32_t, uint32_t>(
                                    static_cast<uint32_t>(id), 0))
            ->second;
      }
      return static_cast<uint32_t>(id);
    }
  };
  // The joins of every shard by facet key (expansion -> acronym), to merge
  // the shards' lists by key, and the names joined facets are listed under
  // (by acronym key); read when first needed.
  void LoadJoinNames();
  bool join_names_loaded_ = false;
  std::unordered_map<std::string, std::string> merged_keys_;
  std::unordered_map<std::string, std::string> join_names_;
  // The name facet `id` of `shard` is listed under.
  std::string ListedName(const Shard& shard, schema::FacetId id,
                         std::string* key);
  void MakeDense(Shard& shard) const;
  // The counted facets of `shard`, as (count, id), by type: all of them,
  // or (`keep` < SIZE_MAX) at least those that can be among the `keep`
  // largest counts of their type, ties included.
  using Counts = std::array<std::vector<std::pair<uint32_t, schema::FacetId>>, 4>;
  static void Counted(const Shard& shard, size_t keep, Counts* out);
  // Makes room in the dense arrays of `shard` for facet `id`.
  void Grow(Shard& shard, schema::FacetId id) const;
  void Count(Shard& shard, Xapian::docid did, std::string_view value);
  // Counts batch_ from the dense arrays of `shard`, whose column is in use.
  void CountBatch(Shard& shard);

  // Documents of the current shard waiting to be counted from its column:
  // a batch's reads are prefetched stage by stage (the column's index, its
  // values, the counts) so that their cache misses overlap.
  static constexpr size_t kBatch = 256;
  Xapian::docid batch_[kBatch];
  size_t batched_ = 0;
  // CountBatch's working space: the wanted ids of a batch, and with
  // per_article, the first document of the article of each.
  std::vector<uint32_t> batch_ids_;
  std::vector<uint32_t> batch_articles_;
  // Count()'s working space: one passage's ids.
  std::vector<uint32_t> passage_ids_;

  std::vector<Shard> shards_;
  // Counted() of each shard, made by Top() when seen_ was counted_at_.
  std::vector<Counts> counted_;
  size_t counted_at_ = SIZE_MAX;
  size_t counted_keep_ = 0;  // the `keep` they were made with
  bool wanted_[4] = {false, false, false, false};
  bool per_article_;
  size_t dense_after_;
  size_t current_ = 0;
  size_t seen_ = 0;
};

}  // namespace byline

#endif  // BYLINE_SEARCH_FACET_COUNTER_H_
