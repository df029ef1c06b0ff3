// Builds the Xapian document of one passage, as docs/schema.md describes:
// positional stemmed terms of the title and passage text, title terms also
// under S, the unique term Q<article-id>#<n>, the article term, the terms
// and value of the passage's entities, and the stored passage record.
// Not thread-safe (it owns a TermGenerator): use one builder per thread.
#ifndef BYLINE_INDEX_DOCUMENT_BUILDER_H_
#define BYLINE_INDEX_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "byline/article.h"
#include "byline/entity.h"
#include "byline/index/near_dup.h"
#include "byline/passage.h"

namespace byline {

// An article's passages as Xapian documents, built on a reading thread,
// complete but for the copy group, which only the database can tell
// (IndexWriter::Write adds it with SetCopyGroup()).
// A facet of a passage (schema.h): its type, key and name as written.
struct FacetName {
  EntityType type;
  std::string key;
  std::string name;
  bool operator==(const FacetName&) const = default;
};

struct ArticleDocuments {
  std::string article_id;
  std::vector<Xapian::Document> passages;  // passage n at index n
  // The facets of passage n, distinct: its people, organisations and
  // places and the article's publication day. IndexWriter::Write() gives
  // them ids and stores them in kSlotFacets.
  std::vector<std::vector<FacetName>> facets;
  std::vector<std::string> word_hashes;    // PassageWordsHash() of each
  std::optional<MinHashSignature> signature;
  // Synonym-table entries (key, term) the article brings: the aliases of
  // its entities and the unaccented forms of its accented words.
  std::vector<std::pair<std::string, std::string>> synonyms;
  // The article's words for Xapian's spelling data ("did you mean"), as
  // the query parser sees them (Unicode-lowercased, unstemmed), each with
  // its count in the article: words of letters only, 3 to 32 bytes.
  std::vector<std::pair<std::string, uint32_t>> spellings;
  // The acronyms the article pairs with an expansion, as facet keys, and
  // the expansion as written: IndexWriter joins them across articles.
  struct Acronym {
    std::string acronym, expansion, expansion_name;
  };
  std::vector<Acronym> acronyms;
};

class DocumentBuilder {
 public:
  DocumentBuilder();

  // Every passage of `article`; `mentions` in text order.
  ArticleDocuments BuildArticle(const Article& article,
                                const std::vector<Passage>& passages,
                                const std::vector<Mention>& mentions,
                                std::optional<MinHashSignature> signature);

  // REQUIRES: `passage` is one of `article`'s passages; `mentions` are the
  // mentions inside it (any order, repeats allowed). `signature`, if any,
  // goes with the first passage. The passage's facets are appended to
  // `*facets` if it is not null.
  Xapian::Document Build(const Article& article, const Passage& passage,
                         std::span<const Mention> mentions = {},
                         const MinHashSignature* signature = nullptr,
                         std::vector<FacetName>* facets = nullptr);

 private:
  // Counts the words of `text` that spelling suggestions may offer.
  static void CountSpellings(std::string_view text,
                             std::unordered_map<std::string, uint32_t>* out);

  // Synonyms for one passage's texts and mentions, appended to `out`.
  void AddSynonyms(std::span<const std::string_view> texts,
                   std::span<const Mention> mentions,
                   std::vector<std::pair<std::string, std::string>>* out);

  Xapian::Stem stemmer_;
  Xapian::TermGenerator termgen_;
  // Accented words seen lately (FoldName() uses ICU, which is slow),
  // bounded: word -> (synonym key, term) (AddSynonyms()).
  std::unordered_map<std::string, std::pair<std::string, std::string>> folded_;
};

// Gives every passage the copy group `group` (slot 4), its copy key
// (slot 6), and the first passage the term XG<group>.
void SetCopyGroup(std::string_view group, ArticleDocuments* docs);

}  // namespace byline

#endif  // BYLINE_INDEX_DOCUMENT_BUILDER_H_
