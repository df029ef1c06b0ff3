// Passage: a paragraph-sized piece of an article, the unit Byline indexes
// and ranks. It borrows nothing: it holds byte offsets into Article::text.
#ifndef BYLINE_PASSAGE_H_
#define BYLINE_PASSAGE_H_

#include <cstddef>

namespace byline {

// A half-open byte range [start, end) into an article's text.
struct TextRange {
  size_t start = 0;
  size_t end = 0;
  size_t size() const { return end - start; }
  bool operator==(const TextRange&) const = default;
};

struct Passage {
  size_t index = 0;  // 0-based position among the article's passages
  TextRange range;   // bytes of Article::text (for a UTF-8 .txt: of the file)
  bool operator==(const Passage&) const = default;
};

}  // namespace byline

#endif  // BYLINE_PASSAGE_H_
