#include "byline/index/index_writer.h"

#include <span>

#include "byline/schema.h"

namespace byline {

Status IndexWriter::Open(const std::string& db_path,
                         std::unique_ptr<IndexWriter>* out) {
  try {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OPEN);
    out->reset(new IndexWriter(std::move(db)));
    return Status::Ok();
  } catch (const Xapian::DatabaseLockError&) {
    return IoError(db_path + ": database is locked by another indexer");
  } catch (const Xapian::Error& e) {
    return IoError(db_path + ": cannot open database: " + e.get_description());
  }
}

Status IndexWriter::Write(const Article& article,
                          const std::vector<Passage>& passages,
                          const std::vector<Mention>& mentions) {
  try {
    auto next = mentions.begin();
    for (const Passage& p : passages) {
      // Mentions are in text order; skip the title's and take this
      // passage's run.
      while (next != mentions.end() && (next->passage == Mention::kNoPassage ||
                                        next->passage < p.index)) {
        ++next;
      }
      auto end = next;
      while (end != mentions.end() && end->passage == p.index) ++end;
      const Xapian::Document doc =
          builder_.Build(article, p, std::span<const Mention>(next, end));
      AddSynonyms(doc, {next, end});
      next = end;
      db_.replace_document(schema::UniqueTerm(article.article_id, p.index),
                           doc);
    }
    // Passages are numbered without gaps, so the stale ones of a longer
    // earlier version are exactly #n, #n+1, ... up to the first missing id.
    for (size_t n = passages.size();; ++n) {
      const std::string term = schema::UniqueTerm(article.article_id, n);
      if (!db_.term_exists(term)) break;
      db_.delete_document(term);
    }
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return IoError("cannot write to database: " + e.get_description());
  }
}

void IndexWriter::AddSynonyms(const Xapian::Document& doc,
                              const std::vector<Mention>& mentions) {
  for (const Mention& m : mentions) {
    if (m.type == EntityType::kDate) continue;
    const std::string term = schema::EntityTerms(m.type, m.name).front();
    for (const std::string& alias : {FoldName(m.text), FoldName(m.name)}) {
      const std::string key = std::string(schema::kAliasKeyPrefix) + alias;
      if (added_.insert(key + '\0' + term).second) db_.add_synonym(key, term);
    }
  }
  // Accented words: let the unaccented spelling find them. Plain terms
  // start with a lowercase letter or a non-ASCII byte; prefixed ones with
  // a capital. Each term is folded once per commit.
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string& term = *t;
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
    bool ascii = true;
    for (char c : term) ascii &= static_cast<unsigned char>(c) < 0x80;
    if (ascii || !added_.insert(term).second) continue;
    const std::string folded = FoldName(term);
    if (folded != term) db_.add_synonym(folded, term);
  }
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

Status IndexWriter::Commit() {
  try {
    db_.commit();
    added_.clear();
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return IoError("cannot commit: " + e.get_description());
  }
}

Status IndexWriter::Close() {
  try {
    db_.close();  // commits pending changes first
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return IoError("cannot close database: " + e.get_description());
  }
}

}  // namespace byline
