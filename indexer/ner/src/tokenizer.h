// Tokenizer for the NER tagger: splits a byte range of UTF-8 text into
// words and punctuation with byte offsets. Words keep inner hyphens,
// apostrophes ("O'Brien") and dotted abbreviations ("U.S.", "D.C."); a
// possessive "'s" / "’s" is a token of its own so "Poland's" yields
// "Poland". Stateless and thread-safe; never allocates per token beyond the
// output vector's growth.
#ifndef BYLINE_NER_SRC_TOKENIZER_H_
#define BYLINE_NER_SRC_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "byline/passage.h"

namespace byline::ner {

struct Token {
  uint32_t start = 0;  // byte offsets into the whole text
  uint32_t end = 0;
};

// Appends the tokens of text[range] to *out (cleared first).
void Tokenize(std::string_view text, TextRange range, std::vector<Token>* out);

}  // namespace byline::ner

#endif  // BYLINE_NER_SRC_TOKENIZER_H_
