#include "byline/search/facet_counter.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <utility>

namespace byline {

namespace {

struct Named {
  std::string key;
  std::string name;
};

// The key of facet `id` of `db` and the name it is listed under; empty if
// it has none.
Named Lookup(const Xapian::Database& db, schema::FacetId id) {
  schema::FacetNameEntry entry =
      schema::ParseFacetNameEntry(db.get_metadata(schema::FacetNameKey(id)));
  return {std::move(entry.key), std::move(entry.listed)};
}

// The first document of the article of passage `did`, whose passage number
// is `passage`: an article's passages have consecutive ids. Never 0 (a
// damaged number names the passage alone).
uint32_t ArticleOf(Xapian::docid did, uint64_t passage) {
  return passage < did ? static_cast<uint32_t>(did - passage) : did;
}

}  // namespace

FacetCounter::FacetCounter(std::vector<Xapian::Database> shards,
                           const std::vector<EntityType>& types,
                           bool per_article, size_t dense_after)
    : per_article_(per_article), dense_after_(dense_after) {
  for (EntityType t : types) wanted_[static_cast<int>(t)] = true;
  for (Xapian::Database& db : shards) {
    Shard s;
    s.db = std::move(db);
    // Room for the serials the database had when the search began; a
    // writer may add more, which Grow() makes room for.
    s.known = schema::NextFacetSerial(s.db);
    std::vector<std::pair<schema::FacetId, schema::FacetId>> merges;
    if (schema::DecodeMerges(s.db.get_metadata(schema::kMergesKey), &merges)) {
      // Ids the database has not given are damage: left out, so that a
      // bad entry cannot size the arrays.
      std::erase_if(merges, [&](const auto& m) {
        return (m.first >> 2) >= s.known || (m.second >> 2) >= s.known;
      });
      for (const auto& [from, to] : merges) {
        if ((from >> 6) >= s.merged_bits.size()) {
          s.merged_bits.resize((from >> 6) + 1, 0);
        }
        s.merged_bits[from >> 6] |= uint64_t{1} << (from & 63);
      }
      s.merged_to.assign(merges.begin(), merges.end());  // sorted by from
    }
    shards_.push_back(std::move(s));
  }
}

void FacetCounter::LoadJoinNames() {
  if (join_names_loaded_) return;
  join_names_loaded_ = true;
  for (const Shard& s : shards_) {
    schema::ReadJoins(s.db, &merged_keys_, &join_names_);
  }
}

std::string FacetCounter::ListedName(const Shard& shard, schema::FacetId id,
                                     std::string* key) {
  // A facet others are joined to is listed under the name written out
  // ("North Atlantic Treaty Organization", not "NATO"): Lookup() reads it.
  Named named = Lookup(shard.db, id);
  *key = std::move(named.key);
  if (shards_.size() > 1) {
    // Another shard may have learnt the join.
    LoadJoinNames();
    if (const auto n = join_names_.find(*key); n != join_names_.end()) {
      return n->second;
    }
  }
  return std::move(named.name);
}

void FacetCounter::Grow(Shard& shard, schema::FacetId id) const {
  const size_t size =
      std::max<size_t>(size_t{id >> 2} + 1, shard.counts.size() * 3 / 2);
  shard.counts.resize(size, 0);
  shard.types.resize((size + 3) / 4, 0);
  if (per_article_) shard.last_article.resize(size, 0);
}

void FacetCounter::MakeDense(Shard& shard) const {
  size_t size = shard.known;
  for (const auto& [id, entry] : shard.sparse) {
    size = std::max<size_t>(size, size_t{id >> 2} + 1);
  }
  shard.counts.assign(size, 0);
  shard.types.assign((size + 3) / 4, 0);
  if (per_article_) shard.last_article.assign(size, 0);
  for (const auto& [id, entry] : shard.sparse) {
    shard.Add(id, entry.first);
    if (per_article_) shard.last_article[id >> 2] = entry.second;
  }
  shard.sparse.clear();
  shard.dense = true;
}

void FacetCounter::Reset(size_t k) {
  if (k == current_) batched_ = 0;
  counted_at_ = SIZE_MAX;
  Shard& s = shards_[k];
  s.dense = false;
  s.passages = 0;
  s.sparse.clear();
  s.counts.clear();
  s.types.clear();
  s.last_article.clear();
}

void FacetCounter::Counted(const Shard& s, size_t keep, Counts* out) {
  for (auto& list : *out) list.clear();
  if (!s.dense) {
    for (const auto& [id, entry] : s.sparse) {
      (*out)[id & 3].emplace_back(entry.first, id);
    }
    return;
  }
  // One pass over the counts for all four types, which are mixed: a pass
  // per type would read every cache line four times. With `keep`, a
  // min-heap per type holds the `keep` largest counts seen so far; a count
  // below the least of them cannot make the list and is passed over, so
  // the lists stay short (a query can count tens of thousands of names).
  std::array<std::vector<uint32_t>, 4> largest;
  uint32_t floor[4] = {1, 1, 1, 1};
  const uint32_t* counts = s.counts.data();
  for (size_t serial = 0; serial < s.counts.size(); ++serial) {
    const uint32_t c = counts[serial];
    if (c == 0) continue;
    const schema::FacetId id = s.IdOf(serial);
    const size_t t = id & 3;
    if (c < floor[t]) continue;
    auto& list = (*out)[t];
    list.emplace_back(c, id);
    if (keep == SIZE_MAX) continue;
    auto& heap = largest[t];
    if (heap.size() < keep) {
      heap.push_back(c);
      std::push_heap(heap.begin(), heap.end(), std::greater<>());
    } else if (c > heap.front()) {
      std::pop_heap(heap.begin(), heap.end(), std::greater<>());
      heap.back() = c;
      std::push_heap(heap.begin(), heap.end(), std::greater<>());
    }
    if (heap.size() == keep && heap.front() > floor[t]) {
      floor[t] = heap.front();
      if (list.size() > 4 * keep + 256) {
        std::erase_if(list, [&](const auto& e) { return e.first < floor[t]; });
      }
    }
  }
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  Shard& shard = shards_[current_];
  if (shard.column != nullptr) {
    CountFromColumn(doc.get_docid());
  } else {
    Count(shard, doc.get_docid(), doc.get_value(schema::kSlotFacets));
  }
}

void FacetCounter::Flush() {
  if (batched_ == 0) return;
  Shard& shard = shards_[current_];
  const FacetColumnReader& column = *shard.column;
  if (!shard.dense) {
    // The first passages of a shard, counted one by one in the map.
    size_t i = 0;
    while (i < batched_ && !shard.dense) {
      Count(shard, batch_[i], column.Get(batch_[i]));
      ++i;
    }
    std::copy(batch_ + i, batch_ + batched_, batch_);
    batched_ -= i;
    if (batched_ == 0) return;
  }
  CountBatch(shard);
  batched_ = 0;
}

void FacetCounter::Merge(FacetCounter& other) {
  other.Flush();
  Flush();
  for (size_t k = 0; k < shards_.size() && k < other.shards_.size(); ++k) {
    Shard& mine = shards_[k];
    const Shard& theirs = other.shards_[k];
    if (theirs.dense && !mine.dense) MakeDense(mine);
    if (theirs.dense) {
      // Array onto array.
      if (!theirs.counts.empty() &&
          theirs.counts.size() > mine.counts.size()) {
        Grow(mine, static_cast<schema::FacetId>(
                       (theirs.counts.size() - 1) << 2));
      }
      for (size_t serial = 0; serial < theirs.counts.size(); ++serial) {
        mine.counts[serial] += theirs.counts[serial];
      }
      for (size_t b = 0; b < theirs.types.size(); ++b) {
        mine.types[b] |= theirs.types[b];
      }
    } else {
      for (const auto& [id, entry] : theirs.sparse) {
        if (entry.first == 0) continue;
        if (mine.dense) {
          if ((id >> 2) >= mine.counts.size()) Grow(mine, id);
          mine.Add(id, entry.first);
        } else {
          mine.sparse[id].first += entry.first;
        }
      }
    }
    mine.passages += theirs.passages;
  }
  seen_ += other.seen_;
  counted_at_ = SIZE_MAX;
}

void FacetCounter::CountBatch(Shard& shard) {
  const FacetColumnReader& column = *shard.column;
  const size_t n = batched_;
  seen_ += n;
  shard.passages += n;
  // Stage 1: where each document's value is.
  for (size_t i = 0; i < n; ++i) column.Prefetch(batch_[i]);
  std::string_view values[kBatch];
  // Stage 2: the values.
  for (size_t i = 0; i < n; ++i) {
    values[i] = column.Get(batch_[i]);
    if (!values[i].empty()) __builtin_prefetch(values[i].data());
  }
  // Stage 3: the ids wanted, decoded; their counts fetched. A value of
  // b bytes holds fewer than b ids.
  size_t room = 0;
  for (size_t i = 0; i < n; ++i) room += values[i].size();
  if (batch_ids_.size() < room) batch_ids_.resize(room);
  if (per_article_ && batch_articles_.size() < room) {
    batch_articles_.resize(room);
  }
  const bool every_type = wanted_[0] && wanted_[1] && wanted_[2] && wanted_[3];
  size_t m = 0;
  for (size_t i = 0; i < n; ++i) {
    std::string_view value = values[i];
    uint64_t passage;
    if (!schema::ReadVarint(&value, &passage)) continue;
    const uint32_t article = ArticleOf(batch_[i], passage);
    const size_t first = m;
    bool joined = false;
    uint64_t id = 0;
    while (!value.empty()) {
      uint64_t delta;
      if (!schema::ReadVarint(&value, &delta)) break;
      id += delta;
      if ((!every_type && !wanted_[id & 3]) || id > UINT32_MAX) continue;
      const uint32_t counted = shard.Joined(id, &joined);
      if ((counted >> 2) >= shard.counts.size()) Grow(shard, counted);
      __builtin_prefetch(&shard.counts[counted >> 2], 1);
      batch_ids_[m] = counted;
      if (per_article_) {
        __builtin_prefetch(&shard.last_article[counted >> 2], 1);
        batch_articles_[m] = article;
      }
      ++m;
    }
    // A passage naming a facet and one joined to it counts it once (with
    // per_article, the article check below does that).
    if (joined && !per_article_) {
      std::sort(batch_ids_.begin() + first, batch_ids_.begin() + m);
      m = std::unique(batch_ids_.begin() + first, batch_ids_.begin() + m) -
          batch_ids_.begin();
    }
  }
  // Stage 4: the counts.
  if (per_article_) {
    for (size_t j = 0; j < m; ++j) {
      const uint32_t id = batch_ids_[j];
      // An article's passages come one after another.
      if (shard.last_article[id >> 2] == batch_articles_[j]) continue;
      shard.last_article[id >> 2] = batch_articles_[j];
      shard.Add(id);
    }
  } else {
    for (size_t j = 0; j < m; ++j) shard.Add(batch_ids_[j]);
  }
}

void FacetCounter::Count(Shard& shard, Xapian::docid did,
                         std::string_view value) {
  ++seen_;
  if (!shard.dense && ++shard.passages > dense_after_) MakeDense(shard);
  uint64_t passage;
  if (!schema::ReadVarint(&value, &passage)) return;
  const uint32_t article = ArticleOf(did, passage);
  // The passage's wanted ids as counted (joined), each once.
  std::vector<uint32_t>& ids = passage_ids_;
  ids.clear();
  bool joined = false;
  uint64_t read = 0;
  while (!value.empty()) {
    uint64_t delta;
    if (!schema::ReadVarint(&value, &delta)) break;
    read += delta;
    if (!wanted_[read & 3] || read > UINT32_MAX) continue;
    ids.push_back(shard.Joined(read, &joined));
  }
  if (joined) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  for (const uint32_t id : ids) {
    if (!shard.dense) {
      auto& [count, last] = shard.sparse[static_cast<uint32_t>(id)];
      if (per_article_) {
        if (last == article) continue;
        last = article;
      }
      ++count;
      continue;
    }
    if ((id >> 2) >= shard.counts.size()) Grow(shard, id);
    if (per_article_) {
      // An article's passages come one after another.
      if (shard.last_article[id >> 2] == article) continue;
      shard.last_article[id >> 2] = article;
    }
    shard.Add(id);
  }
}

bool MoreFrequent(const FacetCount& a, const FacetCount& b) {
  return a.count != b.count ? a.count > b.count : a.name < b.name;
}

std::vector<FacetCount> FacetCounter::Top(EntityType type, size_t limit) {
  Flush();
  const auto order = MoreFrequent;
  std::vector<FacetCount> out;
  if (limit == 0) return out;
  // Each shard's counts are listed by type once, for all the Top() calls
  // that follow until more is counted.
  // Merged by key, several shards need every counted facet of each.
  const size_t keep = shards_.size() == 1 ? limit : SIZE_MAX;
  if (counted_at_ != seen_ || counted_keep_ < keep) {
    counted_.resize(shards_.size());
    for (size_t k = 0; k < shards_.size(); ++k) {
      Counted(shards_[k], keep, &counted_[k]);
    }
    counted_at_ = seen_;
    counted_keep_ = keep;
  }
  if (shards_.size() == 1) {
    // Names are looked up only for the facets that can make the list: the
    // `limit` largest counts and every facet tied with the smallest of
    // them.
    const Shard& s = shards_[0];
    std::vector<std::pair<uint32_t, schema::FacetId>> counted =
        counted_[0][static_cast<int>(type)];
    if (counted.size() > limit) {
      std::nth_element(counted.begin(), counted.begin() + (limit - 1),
                       counted.end(), std::greater<>());
      const uint32_t least = counted[limit - 1].first;
      std::erase_if(counted, [&](const auto& c) { return c.first < least; });
    }
    std::string key;
    for (const auto& [count, id] : counted) {
      out.push_back({ListedName(s, id, &key), count});
    }
  } else {
    // Merged by key: every counted facet of each shard is looked up. A
    // join one shard knows applies to all (each shard joined its own ids),
    // and every part of a joined group is listed under the join's name.
    std::map<std::string, FacetCount> merged;
    LoadJoinNames();
    for (size_t k = 0; k < shards_.size(); ++k) {
      for (const auto& [count, id] : counted_[k][static_cast<int>(type)]) {
        std::string key;
        std::string name = ListedName(shards_[k], id, &key);
        if (const auto j = merged_keys_.find(key); j != merged_keys_.end()) {
          key = j->second;
          if (const auto n = join_names_.find(key); n != join_names_.end()) {
            name = n->second;
          }
        }
        FacetCount& c = merged[key];
        if (c.count == 0) c.name = std::move(name);
        c.count += count;
      }
    }
    for (auto& [key, c] : merged) out.push_back(std::move(c));
  }
  if (out.size() > limit) {
    std::partial_sort(out.begin(), out.begin() + limit, out.end(), order);
    out.resize(limit);
  } else {
    std::sort(out.begin(), out.end(), order);
  }
  return out;
}

}  // namespace byline
