// libFuzzer target: a query string through the query builder (Xapian's
// parser with Byline's fields, date ranges, entity aliases, the
// highlight query and spelling suggestions) and the second stage of
// ranking (searcher/src/second_stage.h), against a small database holding
// the terms, positions, articles, aliases and spelling data they look up.
#include <unistd.h>
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "byline/schema.h"
#include "byline/search/query_builder.h"
#include "second_stage.h"

namespace {

// A glass database (the in-memory backend keeps no spelling data), made
// afresh in /tmp for each process and removed when it exits.
struct TempDbDir {
  std::string path = "/tmp/byline-fuzz-query-" + std::to_string(::getpid());
  ~TempDbDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

const Xapian::Database& Db() {
  static const TempDbDir dir;
  static const Xapian::WritableDatabase db = [] {
    Xapian::WritableDatabase w(dir.path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (const char* date : {"2024", "2024-07", "2024-07-16", "2023-12-01"}) {
      Xapian::Document doc;
      doc.add_boolean_term(std::string(byline::schema::kDatePrefix) + date);
      doc.add_posting("Zmissil", 1);
      doc.add_posting("Zstoltenberg", 2);
      doc.add_posting("Zmissil", 5);
      doc.add_term("XPERjens stoltenberg");
      // Passages of two articles.
      const std::string article = date[3] == '3' ? "a" : "b";
      doc.add_term(byline::schema::ArticleTerm(article));
      doc.add_value(byline::schema::kSlotArticleId, article);
      w.add_document(doc);
    }
    w.add_synonym("XALIASstoltenberg", "XPERjens stoltenberg");
    w.add_synonym("Zzurich", "Zzürich");
    w.add_spelling("missiles", 3);
    w.add_spelling("stoltenberg", 2);
    w.commit();
    return w;
  }();
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  byline::QueryBuilder builder(Db());
  Xapian::Query query;
  byline::QueryParts parts;
  if (builder.Parse(text, &query, &parts).ok()) {
    Xapian::Enquire enquire(Db());
    enquire.set_query(query);
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    std::vector<Xapian::docid> hits;
    for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back(*it);
    (void)byline::SecondStage(
        Db(), byline::StemmedWordsInOrder(Db(), parts.words),
        parts.entity_terms, hits, /*article=*/true, byline::IsQuestion(text));
  }
  (void)builder.HighlightQuery(text);
  if (text.size() <= byline::kMaxQueryBytes) (void)builder.Suggest(text);
  return 0;
}
