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

// The key and name of facet `id` of `db`; empty if it has none.
Named Lookup(const Xapian::Database& db, schema::FacetId id) {
  const std::string value = db.get_metadata(schema::FacetNameKey(id));
  const size_t nl = value.find('\n');
  if (nl == std::string::npos) return {};
  return {value.substr(0, nl), value.substr(nl + 1)};
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
    // Room for the ids the database had when the search began; a writer
    // may add more, which Grow() makes room for.
    s.known = schema::NextFacetSerial(s.db) * 4;
    shards_.push_back(std::move(s));
  }
}

void FacetCounter::Grow(Shard& shard, schema::FacetId id) const {
  const size_t size = std::max<size_t>(size_t{id} + 1, shard.counts.size() * 3 / 2);
  shard.counts.resize(size, 0);
  if (per_article_) shard.last_article.resize(size, 0);
}

void FacetCounter::MakeDense(Shard& shard) const {
  size_t size = shard.known;
  for (const auto& [id, entry] : shard.sparse) {
    size = std::max<size_t>(size, size_t{id} + 1);
  }
  shard.counts.assign(size, 0);
  if (per_article_) shard.last_article.assign(size, 0);
  for (const auto& [id, entry] : shard.sparse) {
    shard.counts[id] = entry.first;
    if (per_article_) shard.last_article[id] = entry.second;
  }
  shard.sparse.clear();
  shard.dense = true;
}

void FacetCounter::Reset(size_t k) {
  Shard& s = shards_[k];
  s.dense = false;
  s.passages = 0;
  s.sparse.clear();
  s.counts.clear();
  s.last_article.clear();
}

std::vector<std::pair<uint32_t, schema::FacetId>> FacetCounter::Counted(
    const Shard& s, EntityType type) {
  std::vector<std::pair<uint32_t, schema::FacetId>> out;
  const size_t first = static_cast<size_t>(type);
  if (s.dense) {
    for (size_t id = first; id < s.counts.size(); id += 4) {
      if (s.counts[id] > 0) {
        out.emplace_back(s.counts[id], static_cast<schema::FacetId>(id));
      }
    }
  } else {
    for (const auto& [id, entry] : s.sparse) {
      if ((id & 3) == first) out.emplace_back(entry.first, id);
    }
  }
  return out;
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  Shard& shard = shards_[current_];
  if (shard.column != nullptr) {
    Count(shard, doc.get_docid(), shard.column->Get(doc.get_docid()));
  } else {
    Count(shard, doc.get_docid(), doc.get_value(schema::kSlotFacets));
  }
}

void FacetCounter::CountFromColumn(Xapian::docid did) {
  Shard& shard = shards_[current_];
  Count(shard, did, shard.column->Get(did));
}

void FacetCounter::Count(Shard& shard, Xapian::docid did,
                         std::string_view value) {
  ++seen_;
  if (!shard.dense && ++shard.passages > dense_after_) MakeDense(shard);
  uint64_t passage;
  if (!schema::ReadVarint(&value, &passage)) return;
  // An article's passages have consecutive ids: this names the article.
  const uint64_t article = did - passage;
  uint64_t id = 0;
  while (!value.empty()) {
    uint64_t delta;
    if (!schema::ReadVarint(&value, &delta)) return;
    id += delta;
    if (!wanted_[id & 3] || id > UINT32_MAX) continue;
    if (!shard.dense) {
      auto& [count, last] = shard.sparse[static_cast<uint32_t>(id)];
      if (per_article_) {
        if (last == article + 1) continue;
        last = article + 1;
      }
      ++count;
      continue;
    }
    if (id >= shard.counts.size()) Grow(shard, static_cast<schema::FacetId>(id));
    if (per_article_) {
      // An article's passages come one after another.
      if (shard.last_article[id] == article + 1) continue;
      shard.last_article[id] = article + 1;
    }
    ++shard.counts[id];
  }
}

std::vector<FacetCount> FacetCounter::Top(EntityType type,
                                          size_t limit) const {
  const auto order = [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  };
  std::vector<FacetCount> out;
  if (limit == 0) return out;
  if (shards_.size() == 1) {
    // Names are looked up only for the facets that can make the list: the
    // `limit` largest counts and every facet tied with the smallest of
    // them.
    const Shard& s = shards_[0];
    std::vector<std::pair<uint32_t, schema::FacetId>> counted = Counted(s, type);
    if (counted.size() > limit) {
      std::nth_element(counted.begin(), counted.begin() + (limit - 1),
                       counted.end(), std::greater<>());
      const uint32_t least = counted[limit - 1].first;
      std::erase_if(counted, [&](const auto& c) { return c.first < least; });
    }
    for (const auto& [count, id] : counted) {
      out.push_back({Lookup(s.db, id).name, count});
    }
  } else {
    // Merged by key: every counted facet of each shard is looked up.
    std::map<std::string, FacetCount> merged;
    for (const Shard& s : shards_) {
      for (const auto& [count, id] : Counted(s, type)) {
        Named named = Lookup(s.db, id);
        FacetCount& c = merged[named.key];
        if (c.count == 0) c.name = std::move(named.name);
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
