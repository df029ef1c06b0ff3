#include "byline/index/index_writer.h"

#include <nlohmann/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <span>

#include "byline/schema.h"
#include "byline/text.h"

namespace byline {

namespace {

// The facet column's hash of a passage's copy key (facet_column.h).
uint64_t CopyKeyOf(const Xapian::Document& passage) {
  return schema::CopyKeyHash(passage.get_value(schema::kSlotPassageCopyKey));
}

// True if `dir` holds what a database creation killed before its first
// commit leaves: Xapian's lock and table files but no revision file
// (iamglass), so nothing was ever committed to it. Anything else in the
// directory, or any error listing it, says no.
bool IsUnfinishedCreation(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  bool any = false;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name == "iamglass" || !it->is_regular_file(ec)) return false;
    // Xapian's files, and the facet column (facet_column.h), which is
    // derived from them.
    const bool xapian_file = name == "flintlock" || name.ends_with(".glass") ||
                             name.ends_with(".tmp") ||
                             name.starts_with("byline-facets.");
    if (!xapian_file) return false;
    any = true;
  }
  return !ec && any;
}

}  // namespace

IndexWriter::IndexWriter(std::string path, Xapian::WritableDatabase db)
    : path_(std::move(path)), db_(std::move(db)) {
  next_facet_ = static_cast<uint32_t>(schema::NextFacetSerial(db_));
  // A database without facets: every key this run meets is new.
  facet_ids_complete_ = next_facet_ == 0;
}

Status IndexWriter::DatabaseError(std::string_view what,
                                  const Xapian::Error& e) const {
  // A write that fails (disk full, read-only) leaves the database as its
  // last commit made it: Xapian writes a revision whole or not at all.
  return IoError(path_ + ": " + std::string(what) + ": " +
                 e.get_description() +
                 ". The database keeps what its last commit held; after the "
                 "cause is fixed, the next run goes on from there");
}

schema::FacetId IndexWriter::FacetIdOf(const FacetName& facet) {
  // Bounds the memory: about 100 bytes an entry.
  constexpr size_t kMaxCachedFacets = 500000;
  if (const auto it = facet_ids_.find(facet.key); it != facet_ids_.end()) {
    return it->second;
  }
  const auto remember = [&](schema::FacetId id) {
    if (facet_ids_.size() >= kMaxCachedFacets) {
      facet_ids_.clear();
      facet_ids_complete_ = false;
    }
    facet_ids_.emplace(facet.key, id);
    return id;
  };
  if (const std::optional<schema::FacetId> known = FindFacetId(facet.key)) {
    return remember(*known);
  }
  const schema::FacetId id = schema::MakeFacetId(next_facet_++, facet.type);
  counters_dirty_ = true;
  if (expansion_keys_.count(facet.key)) merges_dirty_ = true;
  if (expansions_.count(facet.key)) {
    merges_dirty_ = true;  // a join can now be made by id, and named
    acronyms_with_new_ids_.insert(facet.key);
  }
  db_.set_metadata(schema::FacetIdKey(facet.key), std::to_string(id));
  db_.set_metadata(schema::FacetNameKey(id), facet.key + '\n' + facet.name);
  return remember(id);
}

std::optional<schema::FacetId> IndexWriter::FindFacetId(
    const std::string& key) {
  if (const auto it = facet_ids_.find(key); it != facet_ids_.end()) {
    return it->second;
  }
  if (facet_ids_complete_) return std::nullopt;
  return schema::LookUpFacetId(db_, key);
}

void IndexWriter::LoadAcronyms() {
  // The value: the acronym's key, then its expansions' keys, a line each,
  // each with a tab and the expansion as written (the metadata key may be
  // cut: schema::AcronymKey()).
  const std::string prefix = schema::AcronymKey("");
  for (auto it = db_.metadata_keys_begin(prefix);
       it != db_.metadata_keys_end(prefix); ++it) {
    const std::string value = db_.get_metadata(*it);
    std::vector<std::string_view> lines = Split(value, '\n');
    if (lines.size() < 2) continue;
    auto& expansions = expansions_[std::string(lines[0])];
    for (size_t i = 1; i < lines.size(); ++i) {
      const size_t tab = lines[i].find('\t');
      const std::string key(lines[i].substr(0, tab));
      expansions.emplace(key, tab == std::string_view::npos
                                  ? std::string()
                                  : std::string(lines[i].substr(tab + 1)));
      expansion_keys_.insert(key);
    }
  }
}

void IndexWriter::SaveMerges() {
  if (!merges_dirty_) return;
  for (const std::string& acronym : acronyms_changed_) {
    std::string value = acronym;
    for (const auto& [e, name] : expansions_[acronym]) {
      value += '\n' + e + '\t' + name;
    }
    db_.set_metadata(schema::AcronymKey(acronym), value);
  }
  acronyms_changed_.clear();
  // A join where the acronym has one expansion and the expansion one
  // acronym: "PA" for two bodies, or one name given two acronyms, joins
  // nothing.
  std::map<std::string, size_t> acronyms_of;  // expansion -> how many
  for (const auto& [acronym, expansions] : expansions_) {
    for (const auto& [e, name] : expansions) ++acronyms_of[e];
  }
  // The joins in force before, to give back their acronym's own name where
  // one is undone.
  std::map<std::string, std::string> before;  // acronym key -> name listed
  for (schema::JoinedName& j : schema::DecodeMergedKeys(
           db_.get_metadata(schema::kMergedKeysKey))) {
    before.emplace(std::move(j.to), std::move(j.name));
  }
  std::map<std::string, std::string> listed;  // acronym key -> name listed
  std::string keys;
  std::vector<std::pair<schema::FacetId, schema::FacetId>> ids;
  for (const auto& [acronym, expansions] : expansions_) {
    if (expansions.size() != 1) continue;
    const auto& [e, name] = *expansions.begin();
    if (e == acronym || acronyms_of[e] != 1 || expansions_.count(e)) continue;
    keys += e + '\t' + acronym + '\t' + name + '\n';
    listed.emplace(acronym, name);
    const std::optional<schema::FacetId> from = FindFacetId(e);
    const std::optional<schema::FacetId> to = FindFacetId(acronym);
    if (from && to) ids.emplace_back(*from, *to);
  }
  // The acronym's facet is listed under the expansion (a third line of its
  // name entry, schema.h), or again under its own name.
  for (const auto& [acronym, was] : before) listed.try_emplace(acronym, "");
  for (const auto& [acronym, name] : listed) {
    // Unchanged since the last time, on a facet that had its id then.
    if (const auto b = before.find(acronym);
        b != before.end() && b->second == name &&
        !acronyms_with_new_ids_.count(acronym)) {
      continue;
    }
    const std::optional<schema::FacetId> id = FindFacetId(acronym);
    if (!id) continue;
    const std::string entry = db_.get_metadata(schema::FacetNameKey(*id));
    const schema::FacetNameEntry parsed = schema::ParseFacetNameEntry(entry);
    if (parsed.key.empty()) continue;
    const std::string own = parsed.key + '\n' + parsed.name;
    const std::string wanted = name.empty() ? own : own + '\n' + name;
    if (wanted != entry) db_.set_metadata(schema::FacetNameKey(*id), wanted);
  }
  db_.set_metadata(schema::kMergedKeysKey, keys);
  db_.set_metadata(schema::kMergesKey, schema::EncodeMerges(ids));
  acronyms_with_new_ids_.clear();
  merges_dirty_ = false;
}

void IndexWriter::SaveCounters() {
  if (!counters_dirty_) return;
  db_.set_metadata(schema::kFacetNextKey, std::to_string(next_facet_));
  counters_dirty_ = false;
}

Status IndexWriter::Open(const std::string& db_path,
                         std::unique_ptr<IndexWriter>* out,
                         DatabaseCheck check) {
  // Before Xapian reads it for writing: a damaged table can crash or hang
  // the run, or be written over.
  if (Status s = CheckDatabase(db_path, check); !s.ok()) return s;
  try {
    // A run killed while it created the database leaves table files and no
    // revision file; Xapian will not open that, and it holds nothing.
    if (IsUnfinishedCreation(db_path)) {
      std::error_code ec;
      for (const auto& entry : std::filesystem::directory_iterator(db_path)) {
        std::filesystem::remove(entry.path(), ec);
      }
    }
    // Xapian commits by itself after XAPIAN_FLUSH_THRESHOLD documents
    // (10000 by default), which could end a commit inside an article.
    // Byline commits itself, at article ends (IndexOptions::commit_every).
    ::setenv("XAPIAN_FLUSH_THRESHOLD", "2000000000", 1);
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OPEN);
    if (const std::string why = schema::SchemaMismatch(db, db_path);
        !why.empty()) {
      return InvalidArgument(why);
    }
    // Goes in with the first commit.
    db.set_metadata(schema::kSchemaVersionKey, schema::kSchemaVersion);
    std::unique_ptr<FacetColumnWriter> column;
    bool column_rebuilt = false;
    if (Status s = FacetColumnWriter::Open(db_path, db, &column,
                                           check != DatabaseCheck::kNone,
                                           &column_rebuilt);
        !s.ok()) {
      return IoError(db_path + ": " + s.message());
    }
    out->reset(new IndexWriter(db_path, std::move(db)));
    (*out)->LoadAcronyms();
    (*out)->column_ = std::move(column);
    (*out)->column_repaired_ = column_rebuilt;
    return Status::Ok();
  } catch (const Xapian::DatabaseLockError&) {
    return IoError(db_path + ": database is locked by another indexer");
  } catch (const Xapian::Error& e) {
    return IoError(db_path + ": cannot open database: " + e.get_description());
  }
}

Status IndexWriter::Write(ArticleDocuments& docs, bool* copy) {
  try {
    const std::string& id = docs.article_id;
    const std::string group =
        docs.signature ? CopyGroup(id, *docs.signature) : "";
    if (copy != nullptr) *copy = !group.empty() && group != id;
    SetCopyGroup(group.empty() ? id : group, &docs);
    // Facet ids, after the passage's number; kept for the facet column.
    std::vector<std::string> facet_values(docs.passages.size());
    for (size_t n = 0; n < docs.facets.size() && n < docs.passages.size();
         ++n) {
      if (docs.facets[n].empty()) continue;
      std::vector<schema::FacetId> ids;
      ids.reserve(docs.facets[n].size());
      for (const FacetName& f : docs.facets[n]) ids.push_back(FacetIdOf(f));
      facet_values[n] = schema::EncodeFacetValue(n, ids);
      docs.passages[n].add_value(schema::kSlotFacets, facet_values[n]);
    }
    // An article's passages keep consecutive document ids, which counting
    // facets by article relies on (schema.h, kSlotFacets): a new version
    // with no more passages than the old replaces them in place (and
    // deletes the rest: passages are numbered without gaps, so the old
    // ones are #0..#old-1); a longer one is deleted and added anew. An
    // article the database has never seen (the usual case in a first run)
    // is added outright: replacing by unique term costs a posting-list
    // lookup per passage.
    std::vector<Xapian::docid> old;  // of passage #0, #1, ...
    if (db_.term_exists(schema::ArticleTerm(id))) {
      for (;;) {
        const std::string term = schema::UniqueTerm(id, old.size());
        const Xapian::PostingIterator p = db_.postlist_begin(term);
        if (p == db_.postlist_end(term)) break;
        old.push_back(*p);
      }
    }
    if (!old.empty() && docs.passages.size() <= old.size()) {
      for (size_t n = 0; n < old.size(); ++n) {
        if (n < docs.passages.size()) {
          db_.replace_document(old[n], docs.passages[n]);
          column_->Put(old[n], facet_values[n], CopyKeyOf(docs.passages[n]));
        } else {
          db_.delete_document(old[n]);
        }
      }
    } else {
      if (!old.empty()) db_.delete_document(schema::ArticleTerm(id));
      for (size_t n = 0; n < docs.passages.size(); ++n) {
        column_->Put(db_.add_document(docs.passages[n]), facet_values[n],
                     CopyKeyOf(docs.passages[n]));
      }
    }
    for (const auto& [key, term] : docs.synonyms) {
      if (added_.insert(key + '\0' + term).second) {
        db_.add_synonym(key, term);
        if (key.starts_with(schema::kAliasKeyPrefix)) {
          aliases_[key].push_back(term);
        }
      }
    }
    for (const auto& [word, count] : docs.spellings) spellings_[word] += count;
    for (const ArticleDocuments::Acronym& a : docs.acronyms) {
      if (expansions_[a.acronym].emplace(a.expansion, a.expansion_name).second) {
        expansion_keys_.insert(a.expansion);
        acronyms_changed_.insert(a.acronym);
        merges_dirty_ = true;
      }
    }
    return Status::Ok();
  } catch (const Xapian::InvalidArgumentError& e) {
    // Something of this article only (a term, a value): leave none of it.
    try {
      db_.delete_document(schema::ArticleTerm(docs.article_id));
    } catch (const Xapian::Error&) {
    }
    return BadInput("cannot index this article: " + e.get_description());
  } catch (const Xapian::Error& e) {
    return DatabaseError("cannot write to it", e);
  }
}

std::string IndexWriter::CopyGroup(const std::string& article_id,
                                   const MinHashSignature& signature) {
  // A band that very many articles share (a story run by every outlet) is
  // not looked through to the end: its first candidates are the earliest
  // articles, which are the ones copies join.
  constexpr size_t kMaxCandidatesPerBand = 8;
  double best = 0;
  std::string group;
  std::set<Xapian::docid> seen;
  for (const std::string& term : BandTerms(signature)) {
    size_t looked = 0;
    for (auto it = db_.postlist_begin(term);
         it != db_.postlist_end(term) && looked < kMaxCandidatesPerBand;
         ++it, ++looked) {
      if (!seen.insert(*it).second) continue;
      const Xapian::Document doc = db_.get_document(*it);
      if (doc.get_value(schema::kSlotArticleId) == article_id) continue;
      MinHashSignature other;
      if (!DecodeSignature(doc.get_value(schema::kSlotMinHash), &other)) {
        continue;
      }
      // Ties go to the earliest article (lowest docid comes first).
      if (const double s = Similarity(signature, other); s > best) {
        best = s;
        group = doc.get_value(schema::kSlotCopyGroup);
      }
    }
  }
  return best >= kCopySimilarity ? group : "";
}

bool IndexWriter::HasPayloadOfAnotherArticle(const Article& article) {
  if (!article.capture) return false;
  const std::string term = schema::BooleanTerm(
      schema::kDigestPrefix, article.capture->payload_digest);
  try {
    auto it = db_.postlist_begin(term);
    return it != db_.postlist_end(term) &&
           db_.get_document(*it).get_value(schema::kSlotArticleId) !=
               article.article_id;
  } catch (const Xapian::Error&) {
    return false;  // not knowing is no reason to lose the article
  }
}

namespace {

// Metadata key of a file's state: "F" + the id of its path (paths can be
// longer than a key may be).
std::string FileKey(const std::string& source) {
  return "F" + ArticleIdForSource(source);
}

// Reads a file state written by PutFileState(); false if `value` is not one.
bool ParseFileState(std::string_view value, IndexWriter::FileState* out) {
  const auto j = nlohmann::json::parse(value, nullptr, false);
  if (!j.is_object()) return false;
  try {
    out->source = j.at("source").get<std::string>();
    out->size = j.at("size").get<uint64_t>();
    out->mtime_ns = j.at("mtime_ns").get<int64_t>();
    out->hash = j.at("hash").get<std::string>();
    out->article_ids = j.at("articles").get<std::vector<std::string>>();
    out->content_bytes = j.value("content_bytes", uint64_t{0});
    out->version = j.value("version", 1);
    out->complete = j.value("complete", true);
    if (j.contains("resume")) {
      const auto& r = j.at("resume");
      out->resume.raw = r.at("raw").get<uint64_t>();
      out->resume.content = r.at("content").get<uint64_t>();
      out->resume.hash = std::stoull(r.at("hash").get<std::string>(), nullptr, 16);
      out->resume.skip = r.at("skip").get<uint64_t>();
      out->resume.line = r.at("line").get<uint64_t>();
    }
    out->stale_ids = j.value("stale", std::vector<std::string>());
  } catch (const nlohmann::json::exception&) {
    return false;
  } catch (const std::logic_error&) {  // std::stoull
    return false;
  }
  return true;
}

}  // namespace

bool IndexWriter::GetFileState(const std::string& source, FileState* out) {
  try {
    return ParseFileState(db_.get_metadata(FileKey(source)), out) &&
           out->source == source;
  } catch (const Xapian::Error&) {
    return false;
  }
}

Status IndexWriter::PutFileState(const FileState& state) {
  nlohmann::ordered_json j;
  j["source"] = state.source;
  j["size"] = state.size;
  j["mtime_ns"] = state.mtime_ns;
  j["hash"] = state.hash;
  j["content_bytes"] = state.content_bytes;
  j["version"] = state.version;
  j["complete"] = state.complete;
  j["resume"] = {{"raw", state.resume.raw},
                 {"content", state.resume.content},
                 {"hash", Hex64(state.resume.hash)},
                 {"skip", state.resume.skip},
                 {"line", state.resume.line}};
  j["articles"] = state.article_ids;
  if (!state.stale_ids.empty()) j["stale"] = state.stale_ids;
  try {
    db_.set_metadata(FileKey(state.source),
                     j.dump(-1, ' ', false,
                            nlohmann::json::error_handler_t::replace));
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return DatabaseError("cannot write to it", e);
  }
}

std::vector<IndexWriter::FileState> IndexWriter::AllFileStates() {
  std::vector<FileState> states;
  try {
    for (auto k = db_.metadata_keys_begin("F"); k != db_.metadata_keys_end("F");
         ++k) {
      FileState st;
      if (ParseFileState(db_.get_metadata(*k), &st)) {
        states.push_back(std::move(st));
      }
    }
  } catch (const Xapian::Error&) {
  }
  return states;
}

Status IndexWriter::DeleteArticle(const std::string& article_id) {
  try {
    db_.delete_document(schema::ArticleTerm(article_id));
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return DatabaseError("cannot write to it", e);
  }
}

Status IndexWriter::DeleteFile(const FileState& state) {
  for (const std::string& id : state.article_ids) {
    if (Status s = DeleteArticle(id); !s.ok()) return s;
  }
  try {
    db_.set_metadata(FileKey(state.source), "");
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return DatabaseError("cannot write to it", e);
  }
}

Status IndexWriter::Commit() {
  try {
    SaveCounters();
    SaveAliasMetadata();
    SaveMerges();
    if (spellings_.size() >= kSpellingFlushWords) FlushSpellings();
    if (Status s = column_->BeforeCommit(); !s.ok()) return s;
    db_.commit();
    if (Status s = column_->AfterCommit(db_.get_revision()); !s.ok()) return s;
    if (added_.size() > 200000) added_.clear();  // bounds the memory
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return DatabaseError("cannot commit", e);
  }
}

size_t IndexWriter::PassageCount() const {
  try {
    return db_.get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

void IndexWriter::SaveAliasMetadata() {
  for (const auto& [key, terms] : aliases_) {
    const std::string mkey = schema::AliasMetadataKey(key);
    std::string value = db_.get_metadata(mkey);
    std::set<std::string> have;
    for (const std::string_view line : Split(value, '\n')) have.emplace(line);
    bool changed = false;
    for (const std::string& term : terms) {
      if (!have.insert(term).second) continue;
      if (!value.empty()) value.push_back('\n');
      value += term;
      changed = true;
    }
    if (changed) db_.set_metadata(mkey, value);
  }
  aliases_.clear();
}

void IndexWriter::FlushSpellings() {
  for (const auto& [word, count] : spellings_) db_.add_spelling(word, count);
  spellings_.clear();
}

Status IndexWriter::Close() {
  try {
    FlushSpellings();
  } catch (const Xapian::Error& e) {
    return DatabaseError("cannot write to it", e);
  }
  if (Status s = Commit(); !s.ok()) return s;
  try {
    db_.close();
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return DatabaseError("cannot close it", e);
  }
}

}  // namespace byline
