// Turns an article's paragraphs into passages: one per paragraph, and a
// paragraph over `max_words` words is cut at sentence boundaries into
// pieces of about equal length. Never joins two paragraphs.
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
};

std::vector<Passage> SplitPassages(std::string_view text,
                                   const std::vector<TextRange>& paragraphs,
                                   const SplitOptions& options = {});

// Byte offsets in `text` just past each sentence end found in `range`
// (after the closing punctuation and quotes). Exposed for tests.
std::vector<size_t> SentenceEnds(std::string_view text, TextRange range);

}  // namespace byline

#endif  // BYLINE_INDEX_PASSAGE_SPLITTER_H_
