#include "byline/search/searcher.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_set>

#include "byline/doc_data.h"
#include "byline/search/facet_counter.h"
#include "byline/search/formatter.h"
#include "byline/schema.h"
#include "byline/search/query_builder.h"
#include "byline/text.h"
#include "other_cpu_thread.h"
#include "second_stage.h"

namespace byline {

std::string ReplayUrl(std::string_view tmpl, std::string_view captured,
                      std::string_view url) {
  std::string timestamp;
  for (char c : captured) {
    if (c >= '0' && c <= '9' && timestamp.size() < 14) timestamp.push_back(c);
  }
  std::string out;
  for (size_t i = 0; i < tmpl.size();) {
    if (tmpl.substr(i, 11) == "{timestamp}") {
      out += timestamp;
      i += 11;
    } else if (tmpl.substr(i, 5) == "{url}") {
      out += url;
      i += 5;
    } else {
      out += tmpl[i++];
    }
  }
  return out;
}

namespace {

// One database a stub database file lists: a local directory ("auto DIR"
// or "glass DIR", relative to the stub's directory) or a remote one served
// by xapian-tcpsrv ("remote HOST:PORT").
struct StubPart {
  std::string path;   // local: the directory
  std::string host;   // remote: host and port
  unsigned port = 0;
  bool remote() const { return !host.empty(); }
};

// The databases a stub file lists, for a path that is the stub or a
// directory holding one as XAPIANDB; empty if it lists anything else (a
// remote program, another backend) or cannot be read.
std::vector<StubPart> StubParts(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path stub = path;
  if (fs::is_directory(stub, ec)) stub /= "XAPIANDB";
  std::ifstream in(stub);
  std::vector<StubPart> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t space = line.find(' ');
    const std::string kind = line.substr(0, space);
    const std::string rest =
        space == std::string::npos ? "" : line.substr(space + 1);
    if (kind == "auto" || kind == "glass") {
      const fs::path part = rest;
      out.push_back({part.is_absolute() ? part.string()
                                        : (stub.parent_path() / part).string(),
                     "", 0});
      continue;
    }
    const size_t colon = rest.rfind(':');
    if (kind != "remote" || colon == std::string::npos || colon == 0) {
      return {};
    }
    const std::string port = rest.substr(colon + 1);
    if (port.empty() || port.size() > 5 ||
        port.find_first_not_of("0123456789") != std::string::npos) {
      return {};
    }
    out.push_back({"", rest.substr(0, colon),
                   static_cast<unsigned>(std::stoul(port))});
  }
  return out;
}

// Adds to `*terms` the terms whose posting lists' union is exactly the set
// of documents `q` matches, and returns true, if `q` is such a query: a
// term, or OR, SYNONYM, AND_MAYBE (whose right side only weighs) and
// SCALE_WEIGHT of such queries. False for anything else (phrases, AND,
// filters, wildcards, everything).
bool UnionOfTerms(const Xapian::Query& q, std::vector<std::string>* terms) {
  switch (q.get_type()) {
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return true;
    case Xapian::Query::LEAF_TERM: {
      const std::string term = *q.get_terms_begin();
      if (term.empty()) return false;  // matches everything
      terms->push_back(term);
      return true;
    }
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
      for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
        if (!UnionOfTerms(q.get_subquery(i), terms)) return false;
      }
      return true;
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      return q.get_num_subqueries() > 0 &&
             UnionOfTerms(q.get_subquery(0), terms);
    default:
      return false;
  }
}

// Counts, into `counter`'s current shard (whose column is in use), every
// document of `db` from `first` to `last` on the posting list of one of
// `terms`, in document order: what the matcher would hand the counter,
// without the matcher.
void CountUnion(const Xapian::Database& db,
                const std::vector<std::string>& terms, Xapian::docid first,
                Xapian::docid last, FacetCounter* counter) {
  if (first > last) return;
  if (terms.size() == 1) {
    auto it = db.postlist_begin(terms[0]);
    const auto end = db.postlist_end(terms[0]);
    if (first > 1) it.skip_to(first);
    for (; it != end && *it <= last; ++it) counter->CountFromColumn(*it);
    return;
  }
  // Several: a bitmap of the range's document ids, then its set bits in
  // order.
  std::vector<uint64_t> bits((size_t{last} - first) / 64 + 1, 0);
  for (const std::string& term : terms) {
    auto it = db.postlist_begin(term);
    const auto end = db.postlist_end(term);
    if (first > 1) it.skip_to(first);
    for (; it != end && *it <= last; ++it) {
      const size_t bit = *it - first;
      bits[bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }
  for (size_t w = 0; w < bits.size(); ++w) {
    for (uint64_t word = bits[w]; word != 0; word &= word - 1) {
      counter->CountFromColumn(static_cast<Xapian::docid>(
          first + w * 64 + __builtin_ctzll(word)));
    }
  }
}

// Shows one copy of a paragraph several outlets ran, as collapsing on
// kSlotPassageCopyKey would, from the copy keys of the facet column
// (facet_column.h) rather than from a Xapian value read for every
// candidate, which costs a B-tree lookup (about 3 µs) each: of the
// candidates the matcher offers (those that can still make the page), the
// first of each copy key is kept and the rest refused. Copies have the
// same words and so the same weight, and the matcher offers documents in
// id order: the one kept is the first indexed, as collapsing keeps it.
// One database only: Xapian hands a decider each document numbered as in
// its own database, so over several it could not tell whose column to
// read.
class CopyFilter : public Xapian::MatchDecider {
 public:
  explicit CopyFilter(const FacetColumnReader* column) : column_(column) {}
  bool operator()(const Xapian::Document& doc) const override {
    const uint64_t key = column_->CopyKey(doc.get_docid());
    return key == 0 || seen_.insert(key).second;
  }

 private:
  const FacetColumnReader* column_;
  mutable std::unordered_set<uint64_t> seen_;
};

// The longest posting list of `terms` in `db`: the fewest documents a
// union of them matches.
Xapian::doccount Longest(const Xapian::Database& db,
                         const std::vector<std::string>& terms) {
  Xapian::doccount most = 0;
  for (const std::string& term : terms) {
    most = std::max(most, db.get_termfreq(term));
  }
  return most;
}

// Counts the facets of the passages `query` matches in `shards` (each in
// the directory of the same index in `dirs`, "" if none) into `counter`.
// Facets are counted by a match of their own, apart from the ranked one:
// every match must be seen, which costs little without weights and
// collapsing (collapsing would fetch a value for every match) and much
// with them. Xapian hands a match spy each document numbered as in its own
// database, so one spy over several could not tell whose ids it reads:
// each database is counted by a match of its own. Each database's facet
// column (facet_column.h) is read instead of Xapian's values while it is
// in step with the revision searched, before and after counting; else the
// count is made again from the values. A query that matches a union of
// terms (a word, words joined by OR, with the entity boost beside them) is
// counted from the posting lists, without the matcher, which costs several
// times more per match.
void CountFacets(const std::vector<Xapian::Database>& shards,
                 const std::vector<std::string>& dirs,
                 const Xapian::Query& query, FacetCounter* counter) {
  std::vector<std::string> terms;
  const bool union_of_terms = UnionOfTerms(query, &terms);
  for (size_t k = 0; k < shards.size(); ++k) {
    const Xapian::rev revision = shards[k].get_revision();
    std::unique_ptr<FacetColumnReader> column;
    if (!dirs[k].empty()) {
      column = FacetColumnReader::Open(dirs[k]);
      if (column && !column->InStep(revision)) column.reset();
    }
    counter->SetShard(k);
    counter->UseColumn(k, column.get());
    Xapian::Enquire one(shards[k]);
    one.set_query(query);
    one.set_weighting_scheme(Xapian::BoolWeight());
    one.add_matchspy(counter);
    if (column && union_of_terms) {
      counter->Expect(k, Longest(shards[k], terms));
      CountUnion(shards[k], terms, 1, shards[k].get_lastdocid(), counter);
    } else {
      one.get_mset(0, 0, shards[k].get_doccount());
    }
    counter->Flush();  // reads the column: before it is checked again
    if (column && !column->InStep(revision)) {
      counter->Reset(k);
      counter->UseColumn(k, nullptr);
      one.get_mset(0, 0, shards[k].get_doccount());
    }
    counter->UseColumn(k, nullptr);
  }
}

// The counting of a union-of-terms query that threads share: each
// database's document ids cut into ranges, each range starting at an
// article's first passage, and each counted by whichever thread takes it
// next (CountShared). The thread that counts facets starts on them while
// the other ranks, and the other joins in when its hits are ready: a query
// that matches most of the index is counted by both.
struct CountShare {
  struct Range {
    size_t shard;
    Xapian::docid first, last;
  };
  std::vector<std::string> terms;
  std::vector<Range> ranges;
  // By shard: the column, in step when the share was made, and the
  // longest posting list of `terms`.
  std::vector<std::shared_ptr<const FacetColumnReader>> columns;
  std::vector<Xapian::rev> revisions;
  std::vector<Xapian::doccount> longest;
  std::atomic<size_t> next{0};
  // Set by the ranking thread before it takes a range. The counting
  // thread, once no range is left, reads it: if it is not set, the ranking
  // thread took none (it sets it before asking `next`), so the counting
  // thread's counts are all of them, and it lists them there, beside the
  // ranking, rather than after it.
  std::atomic<bool> ranker_joined{false};
};

// A database's facet column by its index among the shards (null if it has
// none), opened once for all who read it in a search.
using ColumnOf =
    std::function<std::shared_ptr<const FacetColumnReader>(size_t shard)>;

// The share for `query` over `shards` (their columns from `column_of`), or
// null if it is not a union of terms or a database has no column in step.
std::unique_ptr<CountShare> ShareCount(
    const std::vector<Xapian::Database>& shards, const ColumnOf& column_of,
    const Xapian::Query& query, size_t range_docs) {
  auto share = std::make_unique<CountShare>();
  if (!UnionOfTerms(query, &share->terms)) return nullptr;
  for (size_t k = 0; k < shards.size(); ++k) {
    const Xapian::rev revision = shards[k].get_revision();
    std::shared_ptr<const FacetColumnReader> column = column_of(k);
    if (!column || !column->InStep(revision)) return nullptr;
    const Xapian::docid last = shards[k].get_lastdocid();
    // 16 ranges to a database of a million documents.
    const Xapian::docid step =
        range_docs > 0 ? static_cast<Xapian::docid>(range_docs)
                       : std::max<Xapian::docid>(1 << 14, last / 16);
    Xapian::docid first = 1;
    while (first <= last) {
      Xapian::docid next = first > last - std::min(last, step)
                               ? last + 1
                               : first + step;
      // Forward to an article's first passage: a value whose passage
      // number is 0. A passage without facets has no value, and may be
      // any passage of its article: passed over.
      while (next <= last) {
        std::string_view value = column->Get(next);
        uint64_t passage = 1;
        if (schema::ReadVarint(&value, &passage) && passage == 0) break;
        ++next;
      }
      share->ranges.push_back({k, first, next - 1});
      first = next;
    }
    share->columns.push_back(std::move(column));
    share->revisions.push_back(revision);
    share->longest.push_back(Longest(shards[k], share->terms));
  }
  return share;
}

// Counts the ranges of `share` that no thread has taken yet into
// `counter`, with this thread's handles on the databases, `shards`.
// `columns`: each shard's column, mapped by this thread (see the counting
// thread in SearchOnce) or the share's.
void CountShared(
    const std::vector<Xapian::Database>& shards, CountShare* share,
    const std::vector<std::shared_ptr<const FacetColumnReader>>& columns,
    FacetCounter* counter) {
  for (size_t i; (i = share->next.fetch_add(1)) < share->ranges.size();) {
    const CountShare::Range& r = share->ranges[i];
    counter->SetShard(r.shard);
    counter->UseColumn(r.shard, columns[r.shard].get());
    counter->Expect(r.shard, share->longest[r.shard]);
    CountUnion(shards[r.shard], share->terms, r.first, r.last, counter);
    counter->Flush();
    counter->UseColumn(r.shard, nullptr);
  }
}

// True if every column of `share` is still in step with the revision it
// was when the share was made: if not, a writer changed it while it was
// read, and the counts must be made again without it.
bool StillInStep(const CountShare& share) {
  for (size_t k = 0; k < share.columns.size(); ++k) {
    if (!share.columns[k]->InStep(share.revisions[k])) return false;
  }
  return true;
}

std::map<EntityType, std::vector<FacetCount>> ListTop(
    FacetCounter* counter, const SearchOptions& options) {
  std::map<EntityType, std::vector<FacetCount>> lists;
  for (EntityType t : options.facets) {
    lists[t] = counter->Top(t, options.facet_limit);
  }
  return lists;
}

// Counts the facets of the passages `query` matches in `shards` (see
// CountFacets) and lists the most frequent of each type `options` asks for.
std::map<EntityType, std::vector<FacetCount>> ListFacets(
    const std::vector<Xapian::Database>& shards,
    const std::vector<std::string>& dirs, const Xapian::Query& query,
    const SearchOptions& options) {
  FacetCounter counter(shards, options.facets, options.per_article > 0);
  CountFacets(shards, dirs, query, &counter);
  return ListTop(&counter, options);
}

// The facets of the passages `query` matches in `db` counted by Xapian's
// own ValueCountMatchSpy, which xapian-tcpsrv runs too: one spy counts the
// distinct lists of entity names (kSlotEntities) among the matches and
// another the publication days (kSlotPublished); each list's count is then
// added to each name on it, names merged by FoldName() and by the index's
// joins (`joins`, schema.h kMergedKeysKey). Exact (every
// match is seen), and names, not per-database ids, so shards need not
// agree; but a spy sees passages, so counts are of passages even when
// collapsing per article.
std::map<EntityType, std::vector<FacetCount>> FacetsFromValues(
    const Xapian::Database& db, const Xapian::Query& query,
    const SearchOptions& options,
    const std::unordered_map<std::string, std::string>& joins,
    const std::unordered_map<std::string, std::string>& join_names) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::ValueCountMatchSpy lists(schema::kSlotEntities);
  Xapian::ValueCountMatchSpy days(schema::kSlotPublished);
  enquire.add_matchspy(&lists);
  enquire.add_matchspy(&days);
  enquire.get_mset(0, 0, db.get_doccount());
  struct Name {
    size_t count = 0;
    std::string shown;  // the form most often counted
    size_t shown_count = 0;
    bool shown_own = false;  // `shown` is of the key itself, not joined
  };
  // The key each name as written counts under (FoldName, which is slow,
  // once for each form), joined names under the name they join; `own`:
  // the form's own key, not joined.
  struct Key {
    std::string key;
    bool own = true;
  };
  std::map<std::pair<EntityType, std::string>, Key> key_of;
  std::map<std::pair<EntityType, std::string>, size_t> forms;  // passages
  std::map<EntityType, std::map<std::string, Name>> names;  // by key
  std::set<std::pair<EntityType, std::string>> in_list;
  for (auto v = lists.values_begin(); v != lists.values_end(); ++v) {
    const size_t n = v.get_termfreq();
    in_list.clear();
    for (auto& [type, name] : schema::DecodeEntityList(*v)) {
      if (type == EntityType::kDate) continue;  // the date facet is days
      auto [it, added] = key_of.try_emplace({type, name});
      if (added) {
        it->second.key = schema::FacetKey(type, name);
        if (const auto j = joins.find(it->second.key); j != joins.end()) {
          it->second = {j->second, false};
        }
      }
      forms[{type, name}] += n;
      // A passage naming a name and one joined to it counts once.
      if (in_list.emplace(type, it->second.key).second) {
        names[type][it->second.key].count += n;
      }
    }
  }
  for (const auto& [form, n] : forms) {
    const auto& [key, own] = key_of[form];
    Name& name = names[form.first][key];
    if (std::make_tuple(own, n) > std::make_tuple(name.shown_own, name.shown_count) ||
        (own == name.shown_own && n == name.shown_count &&
         form.second < name.shown)) {
      name.shown = form.second;
      name.shown_count = n;
      name.shown_own = own;
    }
  }
  for (auto v = days.values_begin(); v != days.values_end(); ++v) {
    Name& day = names[EntityType::kDate][*v];
    day.count += v.get_termfreq();
    day.shown = *v;
  }
  std::map<EntityType, std::vector<FacetCount>> out;
  for (EntityType t : options.facets) {
    std::vector<FacetCount> list;
    for (const auto& [key, name] : names[t]) {
      // A facet others are joined to: listed under the name written out,
      // as the facet counter lists it; one only joined names were counted
      // under, else, under the name it was indexed under.
      std::string shown = name.shown;
      if (const auto n = join_names.find(key); n != join_names.end()) {
        shown = n->second;
      } else if (t != EntityType::kDate && !name.shown_own) {
        if (const auto id = schema::LookUpFacetId(db, key)) {
          schema::FacetNameEntry entry = schema::ParseFacetNameEntry(
              db.get_metadata(schema::FacetNameKey(*id)));
          if (!entry.key.empty()) shown = std::move(entry.listed);
        }
      }
      list.push_back({std::move(shown), name.count});
    }
    std::sort(list.begin(), list.end(), MoreFrequent);
    if (list.size() > options.facet_limit) list.resize(options.facet_limit);
    out[t] = std::move(list);
  }
  return out;
}

}  // namespace

namespace {

// The query for `text` with each filter "TYPE:VALUE" (alternatives
// "A|B") applied.
Status FullQuery(QueryBuilder& builder, const std::string& text,
                 const std::vector<std::string>& filters, Xapian::Query* out,
                 QueryParts* parts = nullptr) {
  Xapian::Query query;
  if (Status s = builder.Parse(text, &query, parts); !s.ok()) return s;
  for (const std::string& filter : filters) {
    const size_t colon = filter.find(':');
    const auto type = ParseEntityType(filter.substr(0, colon));
    if (colon == std::string::npos || !type) {
      return InvalidArgument("bad filter '" + filter +
                             "': use TYPE:VALUE with TYPE person, org, "
                             "place or date");
    }
    std::vector<Xapian::Query> any;
    for (const std::string_view value :
         Split(std::string_view(filter).substr(colon + 1), '|')) {
      any.push_back(builder.EntityFilter(*type, value));
    }
    if (std::string why = builder.TakeFilterError(); !why.empty()) {
      return InvalidArgument("bad filter '" + filter + "': " + why);
    }
    query = Xapian::Query(
        Xapian::Query::OP_FILTER, query,
        Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()));
  }
  *out = std::move(query);
  return Status::Ok();
}

// The weight of `q` for the one passage whose unique term is `unique`.
double WeightFor(const Xapian::Database& db, const Xapian::Weight& weighting,
                 const Xapian::Query& q, const std::string& unique) {
  if (q.empty()) return 0;
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(weighting);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(unique)));
  const Xapian::MSet mset = enquire.get_mset(0, 1);
  return mset.empty() ? 0 : mset.begin().get_weight();
}

// How the passage `unique` got its score: each part of the query weighed
// alone for it (the parts' weights add up to the score; Xapian sums the
// weights of OR and AND_MAYBE).
Explanation Explain(const Xapian::Database& db,
                    const Xapian::Weight& weighting, const QueryParts& parts,
                    const std::string& unique) {
  Explanation e;
  e.words = WeightFor(db, weighting, parts.words, unique);
  for (auto t = parts.words.get_unique_terms_begin();
       t != parts.words.get_unique_terms_end(); ++t) {
    const double w = WeightFor(db, weighting, Xapian::Query(*t), unique);
    if (w > 0) e.word_terms.push_back({*t, w});
  }
  e.headline = WeightFor(db, weighting, parts.headline, unique);
  e.entities = WeightFor(db, weighting, parts.entities, unique);
  for (const std::string& term : parts.entity_terms) {
    const double w = WeightFor(
        db, weighting,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term),
                      parts.entity_boost),
        unique);
    if (w > 0) e.entity_terms.push_back({term, w});
  }
  return e;
}

// Where a web-archive passage was captured; none for other sources.
std::optional<Hit::Provenance> ProvenanceOf(const StoredPassage& stored) {
  if (!stored.has_capture) return std::nullopt;
  return Hit::Provenance{stored.source, stored.capture_offset,
                         stored.record_id, stored.captured};
}

// The copy group of the passage `doc` of article `article_id` (its own id
// when it has no copies) and how many other articles are in it.
void CopiesOf(const Xapian::Database& db, const Xapian::Document& doc,
              const std::string& article_id, std::string* group,
              size_t* copies) {
  *group = doc.get_value(schema::kSlotCopyGroup);
  if (group->empty()) *group = article_id;
  const Xapian::doccount size =
      db.get_termfreq(schema::BooleanTerm(schema::kCopyGroupPrefix, *group));
  *copies = size > 1 ? size - 1 : 0;
}

// The passage's distinct entities, each with where its text (of
// `text_size` bytes) names it.
std::vector<EntityRef> EntitiesOf(const Xapian::Document& doc,
                                  size_t text_size) {
  std::vector<EntityRef> out;
  for (auto& [type, name] :
       schema::DecodeEntityList(doc.get_value(schema::kSlotEntities))) {
    out.push_back({type, std::move(name), {}});
  }
  for (const schema::MentionSpan& m :
       schema::DecodeMentionSpans(doc.get_value(schema::kSlotMentions))) {
    if (m.entity < out.size() && m.end <= text_size) {
      out[m.entity].spans.push_back({m.start, m.end});
    }
  }
  return out;
}

// The byte ranges of `text` that Xapian highlights for the query of
// `highlight`: the text is marked whole, as a snippet as long as itself,
// made plain again by SnippetToText() with a marker byte at each end of a
// match, and walked beside the text. Empty if the two do not line up,
// rather than wrong.
std::vector<Span> HighlightSpans(const Xapian::MSet& highlight,
                                 const std::string& text,
                                 const Xapian::Stem& stemmer) {
  constexpr char kOn = '\x01', kOff = '\x02';
  if (text.find_first_of("\x01\x02") != std::string::npos) return {};
  const std::string marked = SnippetToText(
      highlight.snippet(text, text.size() * 2 + 64, stemmer,
                        Xapian::MSet::SNIPPET_EXHAUSTIVE, "<b>", "</b>", ""),
      std::string_view(&kOn, 1), std::string_view(&kOff, 1));
  std::vector<Span> spans;
  size_t j = 0;  // in text
  size_t open = std::string::npos;
  for (const char c : marked) {
    if (c == kOn) {
      open = j;
    } else if (c == kOff) {
      if (open == std::string::npos) return {};
      spans.push_back({open, j});
      open = std::string::npos;
    } else if (j < text.size() && text[j] == c) {
      ++j;
    } else {
      return {};
    }
  }
  return spans;
}

// Xapian's reading errors (a bad block, a failed inflate, a short read)
// mean damage, or a disk that fails: said after Xapian's message.
std::string DamageHint(const Xapian::Error& e) {
  const std::string_view type = e.get_type();
  if (type == "DatabaseCorruptError" || type == "DatabaseError") {
    return " (the database may be damaged: `xapian-check` on it shows "
           "where; index the files again into a new database)";
  }
  return "";
}

}  // namespace

Status ParseFacetTypes(std::string_view list, std::vector<EntityType>* out) {
  out->clear();
  if (list == "none" || list.empty()) return Status::Ok();
  for (const std::string_view name : Split(list, ',')) {
    const auto type = ParseEntityType(name);
    if (!type) {
      out->clear();
      return InvalidArgument("unknown entity type '" + std::string(name) +
                             "' (use person, org, place, date or none)");
    }
    out->push_back(*type);
  }
  return Status::Ok();
}

Status Searcher::Open(const std::vector<std::string>& db_paths,
                      std::unique_ptr<Searcher>* out) {
  if (db_paths.empty()) return InvalidArgument("no database given");
  Xapian::Database db;
  std::vector<Xapian::Database> shards;
  std::vector<std::string> dirs;  // each shard's directory, "" if unknown
  std::vector<bool> remote;       // each shard's: served by xapian-tcpsrv
  for (const std::string& path : db_paths) {
    // An indexer that commits twice between the open and the schema check
    // discards the revision the check reads (DatabaseModifiedError): open
    // the latest commit and check again.
    for (int attempt = 0;; ++attempt) {
      try {
        const Xapian::Database one(path);
        if (const std::string why = schema::SchemaMismatch(one, path);
            !why.empty()) {
          return InvalidArgument(why);
        }
        // A stub file (a sharded database, local or served by
        // xapian-tcpsrv): its parts are opened one by one, so that facets
        // can be counted in each and remote ones told apart.
        const std::vector<StubPart> parts = StubParts(path);
        if (!parts.empty() && parts.size() == one.size()) {
          for (const StubPart& part : parts) {
            const Xapian::Database opened =
                part.remote() ? Xapian::Remote::open(part.host, part.port)
                              : Xapian::Database(part.path);
            db.add_database(opened);
            shards.push_back(opened);
            dirs.push_back(part.path);
            remote.push_back(part.remote());
          }
          break;
        }
        db.add_database(one);
        shards.push_back(one);
        std::error_code ec;
        dirs.push_back(std::filesystem::is_directory(path, ec) ? path : "");
        remote.push_back(false);
        break;
      } catch (const Xapian::DatabaseModifiedError& e) {
        if (attempt == 4) {
          return IoError(path + ": cannot open database: it kept changing: " +
                         e.get_description());
        }
      } catch (const Xapian::DatabaseNotFoundError&) {
        return IoError(path + ": no Byline database here (run byline-index)");
      } catch (const Xapian::Error& e) {
        return IoError(path + ": cannot open database: " +
                       e.get_description() + DamageHint(e));
      }
    }
  }
  std::string label;
  for (const std::string& path : db_paths) {
    label += (label.empty() ? "" : ", ") + path;
  }
  out->reset(new Searcher(std::move(label), std::move(db), std::move(shards),
                          std::move(dirs), std::move(remote)));
  return Status::Ok();
}

Status Searcher::ReadError(std::string_view what,
                           const Xapian::Error& e) const {
  return IoError(label_ + ": " + std::string(what) + ": " +
                 e.get_description() + DamageHint(e));
}

Status Searcher::Search(const SearchOptions& options,
                        SearchResults* results) {
  return OnLatestRevision("search failed",
                          [&] { return SearchOnce(options, results); });
}

template <typename Read>
Status Searcher::OnLatestRevision(const char* what, const Read& read) {
  // An indexer that commits twice while this reads may discard the
  // revision it started on; it then starts again on the latest commit.
  for (int attempt = 0;; ++attempt) {
    try {
      return read();
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt == 4) {
        return IoError(label_ + ": " + what +
                       ": the database kept changing under it: " +
                       e.get_description());
      }
      try {
        db_.reopen();
      } catch (const Xapian::Error& r) {
        return ReadError(what, r);
      }
    }
  }
}

Status Searcher::Reopen() {
  try {
    db_.reopen();  // the shards share its databases' internals
  } catch (const Xapian::Error& e) {
    return ReadError("cannot reopen the database", e);
  }
  return Status::Ok();
}

Status Searcher::Describe(std::vector<DatabaseInfo>* out) {
  out->clear();
  try {
    for (size_t k = 0; k < shards_.size(); ++k) {
      out->push_back({shard_dirs_[k], shards_[k].get_doccount(),
                      shards_[k].get_revision()});
    }
  } catch (const Xapian::Error& e) {
    return ReadError("cannot read the database", e);
  }
  return Status::Ok();
}

Status Searcher::GetArticle(const std::string& article_id,
                            ArticleResult* out) {
  return OnLatestRevision("cannot read the article", [&]() -> Status {
    try {
      *out = ArticleResult();
      const std::string term = schema::ArticleTerm(article_id);
      std::unordered_map<std::string, std::string> records;
      for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term);
           ++p) {
        const Xapian::Document doc = db_.get_document(*p);
        StoredPassage stored;
        if (!ReadStoredPassage(doc, &records, &stored)) {
          return IoError(label_ + ": document " + std::to_string(*p) +
                         " is not a Byline passage: the database is "
                         "damaged (see xapian-check) or was not written "
                         "by byline-index");
        }
        if (out->passages.empty()) {
          out->article_id = stored.article_id;
          out->source = stored.source;
          out->record = stored.record;
          out->title = stored.title;
          out->url = stored.url;
          out->published = stored.published;
          out->author = stored.author;
          out->provenance = ProvenanceOf(stored);
          CopiesOf(db_, doc, out->article_id, &out->copy_group,
                   &out->copies);
        }
        ArticlePassage passage{stored.passage, stored.start, stored.end,
                               std::move(stored.text), {}};
        passage.entities = EntitiesOf(doc, passage.text.size());
        out->passages.push_back(std::move(passage));
      }
      if (out->passages.empty()) {
        return NotFound("no article '" + article_id + "' in the index");
      }
      // Document order is indexing order, which for a re-indexed article
      // need not be passage order.
      std::sort(out->passages.begin(), out->passages.end(),
                [](const ArticlePassage& a, const ArticlePassage& b) {
                  return a.passage < b.passage;
                });
      return Status::Ok();
    } catch (const Xapian::DatabaseModifiedError&) {
      throw;  // OnLatestRevision reopens and reads again
    } catch (const Xapian::Error& e) {
      return ReadError("cannot read the article", e);
    }
  });
}

bool Searcher::ReadStoredPassage(
    const Xapian::Document& doc,
    std::unordered_map<std::string, std::string>* records,
    StoredPassage* out) {
  if (!DecodePassageValue(doc.get_value(schema::kSlotPassageText), out)) {
    return false;
  }
  out->passage = static_cast<size_t>(Xapian::sortable_unserialise(
      doc.get_value(schema::kSlotPassageIndex)));
  // The article's record is kept with its first passage; a page often
  // holds several passages of one article, so each record is read once.
  const std::string id = doc.get_value(schema::kSlotArticleId);
  auto record = records->find(id);
  if (record == records->end()) {
    std::string data;
    if (out->passage == 0) {
      data = doc.get_data();
    } else {
      const std::string first = schema::UniqueTerm(id, 0);
      auto p = db_.postlist_begin(first);
      if (p == db_.postlist_end(first)) return false;
      data = db_.get_document(*p).get_data();
    }
    record = records->emplace(id, std::move(data)).first;
  }
  return DecodeArticleData(record->second, out);
}

void Searcher::OpenCountingShards() {
  if (count_shards_.size() != shard_dirs_.size()) {
    count_shards_.clear();
    for (const std::string& dir : shard_dirs_) count_shards_.emplace_back(dir);
    return;
  }
  for (Xapian::Database& shard : count_shards_) shard.reopen();
}

Status Searcher::SearchOnce(const SearchOptions& options,
                            SearchResults* results) {
  *results = SearchResults();
  results->query = options.query;
  results->offset = options.offset;
  try {
    QueryBuilder builder(db_, options.ranking);
    std::vector<Xapian::Database> remote_parts;
    for (size_t k = 0; k < shards_.size(); ++k) {
      if (remote_[k]) remote_parts.push_back(shards_[k]);
    }
    const bool any_remote = !remote_parts.empty();
    builder.set_remote_parts(std::move(remote_parts));
    builder.set_join_sources(shards_);
    Xapian::Query query;
    QueryParts parts;
    if (Status s = FullQuery(builder, options.query, options.filters, &query,
                             &parts);
        !s.ok()) {
      return s;
    }
    const Xapian::BM25Weight weighting(options.ranking.bm25_k1, 0, 1,
                                       options.ranking.bm25_b, 0.5);

    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(weighting);
    if (options.per_article > 0) {
      enquire.set_collapse_key(options.all_copies ? schema::kSlotArticleId
                                                  : schema::kSlotCopyGroup,
                               options.per_article);
    }
    // Each database's facet column, opened at most once a search: the copy
    // filter and the shared counting read the same one.
    std::vector<std::shared_ptr<const FacetColumnReader>> columns(
        shards_.size());
    std::vector<bool> opened(shards_.size(), false);
    const ColumnOf column_of = [&](size_t k) {
      if (!opened[k] && !shard_dirs_[k].empty()) {
        columns[k] = FacetColumnReader::Open(shard_dirs_[k]);
      }
      opened[k] = true;
      return columns[k];
    };
    // Copies collapsed by the column's copy keys when one database is
    // searched and its column is in step (checked again after the match),
    // else by Xapian.
    std::shared_ptr<const FacetColumnReader> copy_column;
    Xapian::rev copy_revision = 0;
    std::unique_ptr<CopyFilter> copy_filter;
    if (options.per_article == 0 && !options.all_copies) {
      if (shards_.size() == 1 && shards_[0].size() == 1) {
        copy_revision = shards_[0].get_revision();
        copy_column = column_of(0);
        if (copy_column && copy_column->HasCopyKeys() &&
            copy_column->InStep(copy_revision)) {
          copy_filter = std::make_unique<CopyFilter>(copy_column.get());
        }
      }
      if (!copy_filter) enquire.set_collapse_key(schema::kSlotPassageCopyKey);
    }
    size_t check_at_least = options.offset + options.check_at_least;
    // The facets, when asked for, are counted and listed either here,
    // before the ranked match, or on a thread of their own while this one
    // ranks; that thread's error, if any, is thrown here once it ended.
    std::map<EntityType, std::vector<FacetCount>> facet_lists;
    bool count_here = false;
    std::unique_ptr<CountShare> share;      // counting shared by both threads
    std::unique_ptr<FacetCounter> counter;  // the counting thread's share
    bool listed_apart = false;  // facet_lists made by the counting thread
    std::exception_ptr counting_error;
    // On another processor than this one's at once (OtherCpuThread).
    std::optional<OtherCpuThread> counting;
    if (!options.facets.empty()) {
      for (const Xapian::Database& shard : shards_) {
        if (shard.size() != 1) {
          // A stub file naming several databases: the counter must tell
          // them apart, and sees one.
          return InvalidArgument(
              "entity facets cannot be counted through a stub file that "
              "names several databases; give each with its own --db, or "
              "search with --facets none");
        }
      }
      count_here =
          any_remote || !options.count_facets_apart ||
          std::thread::hardware_concurrency() < 2 ||
          std::any_of(shard_dirs_.begin(), shard_dirs_.end(),
                      [](const std::string& d) { return d.empty(); });
      if (!count_here) {
        // Xapian's objects may not be shared between threads: the thread
        // has databases of its own (count_shards_, opened by directory)
        // and a copy of the query. Its counts must be of the revisions
        // this thread ranks: if a writer has committed since, the search
        // starts again on the latest (Search()).
        std::vector<Xapian::rev> revisions;
        for (const Xapian::Database& shard : shards_) {
          revisions.push_back(shard.get_revision());
        }
        share = ShareCount(shards_, column_of, query,
                           options.facet_range_docs);
        counting.emplace([this, &options, &facet_lists, &counter,
                          &listed_apart, &counting_error, share = share.get(),
                          serialised = query.serialise(),
                          revisions = std::move(revisions)] {
          try {
            OpenCountingShards();
            for (size_t k = 0; k < count_shards_.size(); ++k) {
              if (count_shards_[k].get_revision() != revisions[k]) {
                throw Xapian::DatabaseModifiedError(
                    "a commit came between opening the database to rank "
                    "and to count facets");
              }
            }
            if (share != nullptr) {
              // Counted here and, once it has its hits, on the ranking
              // thread; listed there, or here if it took no range. This
              // thread maps the columns for itself, and the mappings are
              // taken down here, as it ends: that costs in proportion to
              // the pages read (about 0.4 ms for a common word at a million
              // passages), which this thread pays beside the ranking.
              std::vector<std::shared_ptr<const FacetColumnReader>> own(
                  count_shards_.size());
              for (size_t k = 0; k < own.size(); ++k) {
                own[k] = FacetColumnReader::Open(shard_dirs_[k]);
                if (!own[k] || !own[k]->InStep(share->revisions[k])) {
                  own[k] = share->columns[k];
                }
              }
              counter = std::make_unique<FacetCounter>(
                  count_shards_, options.facets, options.per_article > 0);
              CountShared(count_shards_, share, own, counter.get());
              if (!share->ranker_joined.load()) {
                facet_lists = ListTop(counter.get(), options);
                listed_apart = true;
              }
            } else {
              facet_lists = ListFacets(count_shards_, shard_dirs_,
                                       Xapian::Query::unserialise(serialised),
                                       options);
            }
          } catch (...) {
            counting_error = std::current_exception();
          }
        });
      }
    }
    // The second stage orders the top rerank_depth hits again (article
    // evidence; proximity for questions): all of them are fetched when the
    // page asked for starts among them. Not through xapian-tcpsrv, where
    // each passage's positions and each article's passages would be a
    // round trip.
    const QueryOptions& ranking = options.ranking;
    const bool question =
        ranking.proximity_weight > 0 && IsQuestion(options.query);
    const bool second_stage =
        !any_remote && options.limit > 0 && ranking.rerank_depth > 0 &&
        options.offset < ranking.rerank_depth &&
        (ranking.article_weight > 0 || question);
    const size_t first = second_stage ? 0 : options.offset;
    const size_t wanted =
        second_stage ? std::max(ranking.rerank_depth,
                                options.offset + options.limit)
                     : std::max<size_t>(options.limit, 1);
    Xapian::MSet mset;
    try {
      if (count_here) {
        facet_lists = any_remote ? FacetsFromValues(db_, query, options, builder.Joins(),
                                             builder.JoinNames())
                                 : ListFacets(shards_, shard_dirs_, query,
                                              options);
      }
      // --limit 0 (counts only) still asks for one hit, which it does not
      // show: with none to fill, the matcher cannot skip documents that
      // could not make the list, and weighs and collapses every match.
      mset = enquire.get_mset(
          static_cast<Xapian::doccount>(first),
          static_cast<Xapian::doccount>(wanted),
          static_cast<Xapian::doccount>(check_at_least), nullptr,
          copy_filter.get());
      if (copy_filter && !copy_column->InStep(copy_revision)) {
        throw Xapian::DatabaseModifiedError(
            "a commit came while copies were collapsed");
      }
    } catch (const Xapian::UnimplementedError& e) {
      if (!count_here) throw;
      // xapian-tcpsrv cannot run a match spy it does not know.
      return InvalidArgument(
          "entity facets cannot be counted on a remote database "
          "(xapian-tcpsrv); search it with --facets none");
    }
    results->matches_estimated = mset.get_matches_estimated();
    results->matches_lower_bound = mset.get_matches_lower_bound();
    results->matches_upper_bound = mset.get_matches_upper_bound();
    // The matcher stops early only after check_at_least documents; with
    // fewer it saw every match, so the collapsed count it kept is exact
    // (Xapian leaves the upper bound loose when collapsing), and so are
    // the facets, which see every match, collapsed or not.
    if (mset.get_uncollapsed_matches_lower_bound() < check_at_least) {
      results->matches_estimated = results->matches_lower_bound;
      results->matches_upper_bound = results->matches_lower_bound;
    }

    // "Did you mean": when little matches, a spelling of the query that
    // matches more (with the same filters).
    if (results->matches_estimated < options.suggest_below) {
      const std::string corrected = builder.Suggest(options.query);
      Xapian::Query better;
      if (!corrected.empty() && corrected != options.query &&
          FullQuery(builder, corrected, options.filters, &better).ok()) {
        Xapian::Enquire count(db_);
        count.set_query(better);
        if (count.get_mset(0, 0, options.suggest_below)
                .get_matches_estimated() > results->matches_estimated) {
          results->suggestion = corrected;
        }
      }
    }

    // Snippets come from an MSet of the highlight query (its statistics,
    // no documents): see QueryBuilder::HighlightQuery().
    Xapian::MSet highlight;
    if (!mset.empty() && options.limit > 0) {
      Xapian::Enquire words(db_);
      words.set_query(builder.HighlightQuery(options.query));
      highlight = words.get_mset(0, 0);
    }
    // The hits in the order shown (indexes into mset) and their scores.
    std::vector<Xapian::doccount> order(mset.size());
    std::vector<double> scores(mset.size());
    std::vector<SecondStageEvidence> evidence;
    for (Xapian::doccount i = 0; i < mset.size(); ++i) {
      order[i] = i;
      scores[i] = mset[i].get_weight();
    }
    size_t shown_from = 0;
    if (second_stage) {
      const size_t n = std::min<size_t>(ranking.rerank_depth, mset.size());
      std::vector<Xapian::docid> top;
      for (size_t i = 0; i < n; ++i) top.push_back(*mset[i]);
      evidence = SecondStage(db_, StemmedWordsInOrder(db_, parts.words),
                             parts.entity_terms, top,
                             ranking.article_weight > 0, question);
      for (size_t i = 0; i < n; ++i) {
        scores[i] += ranking.article_weight * evidence[i].article +
                     ranking.proximity_weight * evidence[i].proximity;
      }
      std::stable_sort(order.begin(), order.begin() + n,
                       [&](Xapian::doccount a, Xapian::doccount b) {
                         return scores[a] > scores[b];
                       });
      shown_from = options.offset;
    }
    size_t rank = options.offset;
    std::unordered_map<std::string, std::string> records;  // by article id
    for (size_t k = shown_from;
         k < order.size() && k < shown_from + options.limit; ++k) {
      const Xapian::MSetIterator it = mset[order[k]];
      const Xapian::Document doc = it.get_document();
      StoredPassage stored;
      if (!ReadStoredPassage(doc, &records, &stored)) {
        return IoError(label_ + ": document " + std::to_string(*it) +
                       " is not a Byline passage: the database is "
                       "damaged (see xapian-check) or was not written by "
                       "byline-index");
      }
      Hit hit;
      hit.rank = ++rank;
      hit.score = scores[order[k]];
      hit.provenance = ProvenanceOf(stored);
      hit.article_id = std::move(stored.article_id);
      hit.source = std::move(stored.source);
      hit.title = std::move(stored.title);
      hit.record = std::move(stored.record);
      hit.url = std::move(stored.url);
      hit.published = std::move(stored.published);
      hit.author = std::move(stored.author);
      if (hit.provenance && !options.replay_template.empty()) {
        hit.replay_url = ReplayUrl(options.replay_template,
                                   hit.provenance->captured, hit.url);
      }
      hit.passage = stored.passage;
      hit.start = stored.start;
      hit.end = stored.end;
      // No SNIPPET_BACKGROUND_MODEL: it looks up the frequency of every
      // word of the text (about 150 B-tree reads a passage, most of a
      // search's time at a million passages) to prefer windows of rare
      // words, and a passage is a paragraph, mostly shorter than the
      // snippet: the window of the query's words is the choice anyway.
      hit.snippet = highlight.snippet(stored.text, options.snippet_bytes,
                                      builder.stemmer(),
                                      Xapian::MSet::SNIPPET_EXHAUSTIVE, "<b>",
                                      "</b>", "...");
      hit.text = std::move(stored.text);
      hit.collapsed = options.per_article > 0 ? it.get_collapse_count() : 0;
      CopiesOf(db_, doc, hit.article_id, &hit.copy_group, &hit.copies);
      hit.entities = EntitiesOf(doc, hit.text.size());
      if (options.highlight_offsets) {
        hit.highlights = HighlightSpans(highlight, hit.text, builder.stemmer());
      }
      if (options.explain) {
        hit.explanation = Explain(
            db_, weighting, parts,
            schema::UniqueTerm(hit.article_id, hit.passage));
        if (order[k] < evidence.size()) {
          hit.explanation->article =
              ranking.article_weight * evidence[order[k]].article;
          hit.explanation->proximity =
              ranking.proximity_weight * evidence[order[k]].proximity;
        }
      }
      results->hits.push_back(std::move(hit));
    }
    std::unique_ptr<FacetCounter> mine;  // this thread's share
    if (share) {
      share->ranker_joined.store(true);
      mine = std::make_unique<FacetCounter>(shards_, options.facets,
                                            options.per_article > 0);
      CountShared(shards_, share.get(), share->columns, mine.get());
    }
    if (counting) {
      counting->join();
      if (counting_error) std::rethrow_exception(counting_error);
    }
    if (share) {
      if (!StillInStep(*share)) {
        facet_lists = ListFacets(shards_, std::vector<std::string>(shards_.size()),
                                 query, options);
      } else if (!listed_apart) {
        counter->Merge(*mine);
        facet_lists = ListTop(counter.get(), options);
      }
    }
    if (!options.facets.empty()) {
      results->facets = std::move(facet_lists);
      // Through xapian-tcpsrv passages are counted, even per article.
      results->facets_count_articles = options.per_article > 0 && !any_remote;
      // Every match is seen, by each database's own match.
      results->facets_exact = true;
    }
  } catch (const Xapian::DatabaseModifiedError&) {
    throw;  // Search() reopens and tries again
  } catch (const Xapian::DocNotFoundError& e) {
    // Seen, rarely, while an indexer commits every few articles and
    // replaces some (tests/cli/crash_test.cc): a document of the revision
    // searched is gone. If a database has moved on since, search the
    // latest as for a modified database; if not, it is an error.
    for (size_t k = 0; k < shards_.size(); ++k) {
      if (shard_dirs_[k].empty()) continue;
      try {
        if (Xapian::Database(shard_dirs_[k]).get_revision() !=
            shards_[k].get_revision()) {
          throw Xapian::DatabaseModifiedError(e.get_msg());
        }
      } catch (const Xapian::DatabaseModifiedError&) {
        throw;
      } catch (const Xapian::Error&) {
      }
    }
    return ReadError("search failed", e);
  } catch (const Xapian::Error& e) {
    return ReadError("search failed", e);
  }
  return Status::Ok();
}

}  // namespace byline
