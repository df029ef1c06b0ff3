// libFuzzer target: a query string through the query builder (Xapian's
// parser with Byline's fields, date ranges, entity aliases, the
// highlight query and spelling suggestions) against a small database holding the terms, aliases and spelling data the builder
// looks up.
#include <unistd.h>
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "byline/schema.h"
#include "byline/search/query_builder.h"

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
      doc.add_term("Zmissil");
      doc.add_term("Zstoltenberg");
      doc.add_term("XPERjens stoltenberg");
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
    (void)enquire.get_mset(0, 10);
  }
  (void)builder.HighlightQuery(text);
  if (text.size() <= byline::kMaxQueryBytes) (void)builder.Suggest(text);
  return 0;
}
