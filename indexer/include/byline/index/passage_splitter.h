// Turns an article's paragraphs into passages: a paragraph over
// `max_words` words is cut at sentence boundaries into pieces of about
// equal length; paragraphs under `min_words` are joined with the ones after
// them (or, at the article's end, before them) while the passage stays
// within `max_words`, so that hard-wrapped text with a blank line after
// every line, or wire copy of one-sentence paragraphs, makes passages of
// normal size. A passage is one range of the text: joined paragraphs keep
// what lies between them.
// Stateless and thread-safe. REQUIRES: ranges lie within `text`.
#ifndef BYLINE_INDEX_PASSAGE_SPLITTER_H_
#define BYLINE_INDEX_PASSAGE_SPLITTER_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "byline/passage.h"

namespace byline {

struct SplitOptions {
  size_t max_words = 250;  // a longer paragraph is cut; no piece runs past
                           // this unless one sentence alone is longer, in
                           // which case that sentence is cut between words
  size_t min_words = 30;   // shorter paragraphs are joined with their
                           // neighbours (0: never)
};

// Both levels of the split: `pieces`, a passage per paragraph (or per
// piece of a paragraph cut for length), numbered in order, and `passages`,
// the pieces joined as `min_words` asks; `passage_of_piece[i]` is the
// passage that holds piece i. Paragraph rules (datelines, a headline's
// date) read the pieces; the index holds the passages.
struct SplitResult {
  std::vector<Passage> pieces;
  std::vector<Passage> passages;
  std::vector<size_t> passage_of_piece;
};
SplitResult SplitIntoPassages(std::string_view text,
                              const std::vector<TextRange>& paragraphs,
                              const SplitOptions& options = {});

// SplitIntoPassages(...).passages.
std::vector<Passage> SplitPassages(std::string_view text,
                                   const std::vector<TextRange>& paragraphs,
                                   const SplitOptions& options = {});

// Byte offsets in `text` just past each sentence end found in `range`
// (after the closing punctuation and quotes). Exposed for tests.
std::vector<size_t> SentenceEnds(std::string_view text, TextRange range);

}  // namespace byline

#endif  // BYLINE_INDEX_PASSAGE_SPLITTER_H_
