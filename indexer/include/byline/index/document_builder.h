// Builds the Xapian document of one passage, as docs/schema.md describes:
// positional stemmed terms of the title and passage text, title terms also
// under S, the unique term Q<article-id>#<n>, the article term, the terms
// and value of the passage's entities, and the stored passage record.
// Not thread-safe (it owns a TermGenerator): use one builder per thread.
#ifndef BYLINE_INDEX_DOCUMENT_BUILDER_H_
#define BYLINE_INDEX_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <span>
#include <string_view>

#include "byline/article.h"
#include "byline/entity.h"
#include "byline/index/near_dup.h"
#include "byline/passage.h"

namespace byline {

class DocumentBuilder {
 public:
  DocumentBuilder();

  // REQUIRES: `passage` is one of `article`'s passages; `mentions` are the
  // mentions inside it (any order, repeats allowed).
  // `group` is the article's copy group ("" = its own id); `signature`, if
  // any, is stored with the first passage.
  Xapian::Document Build(const Article& article, const Passage& passage,
                         std::span<const Mention> mentions = {},
                         std::string_view group = {},
                         const MinHashSignature* signature = nullptr);

 private:
  Xapian::TermGenerator termgen_;
};

}  // namespace byline

#endif  // BYLINE_INDEX_DOCUMENT_BUILDER_H_
