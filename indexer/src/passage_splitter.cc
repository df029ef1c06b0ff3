#include "byline/index/passage_splitter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "byline/text.h"

namespace byline {
namespace {

struct Word {
  size_t start, end;       // bytes in the article text
  bool ends_sentence = false;
};

// Words whose trailing '.' does not end a sentence in news copy.
constexpr std::array<std::string_view, 40> kAbbreviations = {
    "mr",   "mrs",  "ms",   "dr",   "prof", "sen",  "rep",  "gen",
    "gov",  "st",   "jr",   "sr",   "vs",   "no",   "inc",  "ltd",
    "co",   "corp", "jan",  "feb",  "mar",  "apr",  "jun",  "jul",
    "aug",  "sep",  "sept", "oct",  "nov",  "dec",  "lt",   "col",
    "capt", "sgt",  "u.s",  "e.g",  "i.e",  "approx", "fig", "mt"};

bool IsClosing(char c) {
  return c == '"' || c == '\'' || c == ')' || c == ']';
}

// True if the word `w` ends with sentence punctuation that is not part of
// an abbreviation or an initial.
bool EndsWithTerminator(std::string_view w) {
  size_t e = w.size();
  // Closing quotes/brackets after the stop: ASCII, or UTF-8 ” ’ » (3/2 bytes).
  for (;;) {
    if (e > 0 && IsClosing(w[e - 1])) {
      --e;
    } else if (e >= 3 && (w.substr(e - 3, 3) == "\u201d" ||
                          w.substr(e - 3, 3) == "\u2019")) {
      e -= 3;
    } else if (e >= 2 && w.substr(e - 2, 2) == "\u00bb") {
      e -= 2;
    } else {
      break;
    }
  }
  if (e == 0) return false;
  const char stop = w[e - 1];
  if (stop == '!' || stop == '?') return true;
  if (stop != '.') return false;
  std::string stem;
  for (char c : w.substr(0, e - 1)) {
    if (c == '(' || c == '"' || c == '\'') continue;
    stem.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (stem.size() == 1 && std::isalpha(static_cast<unsigned char>(stem[0]))) {
    return false;  // an initial: "J. Smith"
  }
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), stem) ==
         kAbbreviations.end();
}

// A sentence may start with anything but a lowercase ASCII letter.
bool CanStartSentence(std::string_view w) {
  size_t i = 0;
  while (i < w.size() && (w[i] == '"' || w[i] == '\'' || w[i] == '(')) ++i;
  return i < w.size() && !std::islower(static_cast<unsigned char>(w[i]));
}

std::vector<Word> Words(std::string_view text, TextRange range) {
  std::vector<Word> words;
  size_t i = range.start;
  while (i < range.end) {
    while (i < range.end && IsAsciiSpace(text[i])) ++i;
    if (i == range.end) break;
    const size_t start = i;
    while (i < range.end && !IsAsciiSpace(text[i])) ++i;
    words.push_back({start, i});
  }
  for (size_t k = 0; k + 1 < words.size(); ++k) {
    const auto view = [&](const Word& w) {
      return text.substr(w.start, w.end - w.start);
    };
    words[k].ends_sentence =
        EndsWithTerminator(view(words[k])) && CanStartSentence(view(words[k + 1]));
  }
  return words;
}

}  // namespace

std::vector<size_t> SentenceEnds(std::string_view text, TextRange range) {
  std::vector<size_t> ends;
  for (const Word& w : Words(text, range)) {
    if (w.ends_sentence) ends.push_back(w.end);
  }
  return ends;
}

std::vector<Passage> SplitPassages(std::string_view text,
                                   const std::vector<TextRange>& paragraphs,
                                   const SplitOptions& options) {
  return SplitIntoPassages(text, paragraphs, options).passages;
}

SplitResult SplitIntoPassages(std::string_view text,
                              const std::vector<TextRange>& paragraphs,
                              const SplitOptions& options) {
  const size_t max_words = std::max<size_t>(options.max_words, 1);
  const size_t min_words = std::min(options.min_words, max_words);
  // Pieces first: each paragraph whole, or cut if it is too long. A piece
  // of a cut paragraph is never joined to another.
  struct Piece {
    TextRange range;
    size_t words;
    bool joinable;
    bool ends_sentence;  // its last word ends a sentence
  };
  std::vector<Piece> pieces;
  for (const TextRange& para : paragraphs) {
    const std::vector<Word> words = Words(text, para);
    if (words.size() <= max_words) {
      if (!words.empty()) {
        const Word& w = words.back();
        pieces.push_back(
            {{words.front().start, w.end},
             words.size(),
             true,
             EndsWithTerminator(text.substr(w.start, w.end - w.start))});
      }
      continue;
    }
    // Cut into the fewest pieces that fit, each near an equal share: pick
    // the sentence end closest to the share that keeps the piece in bounds.
    size_t first = 0;  // index of the first word of the current piece
    while (first < words.size()) {
      const size_t remaining = words.size() - first;
      if (remaining <= max_words) {
        pieces.push_back(
            {{words[first].start, words.back().end}, remaining, false, true});
        break;
      }
      const size_t count = (remaining + max_words - 1) / max_words;
      const size_t share = (remaining + count - 1) / count;
      size_t best = 0;  // words in the piece; 0 = no sentence end fits
      for (size_t n = 1; n <= max_words; ++n) {
        if (!words[first + n - 1].ends_sentence) continue;
        const auto distance = [&](size_t m) {
          return m > share ? m - share : share - m;
        };
        if (best == 0 || distance(n) < distance(best)) best = n;
      }
      if (best == 0) best = share;  // one sentence longer than max_words
      pieces.push_back(
          {{words[first].start, words[first + best - 1].end}, best, false,
           true});
      first += best;
    }
  }
  SplitResult result;
  result.pieces.reserve(pieces.size());
  for (const Piece& p : pieces) {
    result.pieces.push_back({result.pieces.size(), p.range});
  }
  // Then a paragraph joined with the next while it is under min_words, or
  // while it does not end a sentence and the next is short too (lines of
  // hard-wrapped text), and the two fit in max_words.
  // `p` may be joined to `last` if neither is a piece of a cut paragraph
  // and the two fit in max_words; then `last` takes it in.
  const auto can_join = [&](const Piece& last, const Piece& p) {
    return last.joinable && p.joinable && last.words + p.words <= max_words;
  };
  const auto join = [](Piece& last, const Piece& p) {
    last.range.end = p.range.end;
    last.words += p.words;
    last.ends_sentence = p.ends_sentence;
  };
  std::vector<Piece> joined;
  for (const Piece& p : pieces) {
    if (!joined.empty() && can_join(joined.back(), p) &&
        (joined.back().words < min_words ||
         (!joined.back().ends_sentence && p.words < min_words))) {
      join(joined.back(), p);
    } else {
      joined.push_back(p);
    }
    result.passage_of_piece.push_back(joined.size() - 1);
  }
  // A short passage left at the end goes with the one before it.
  if (joined.size() >= 2 && joined.back().words < min_words &&
      can_join(joined[joined.size() - 2], joined.back())) {
    join(joined[joined.size() - 2], joined.back());
    joined.pop_back();
    for (size_t& n : result.passage_of_piece) {
      if (n == joined.size()) n = joined.size() - 1;
    }
  }
  result.passages.reserve(joined.size());
  for (const Piece& p : joined) {
    result.passages.push_back({result.passages.size(), p.range});
  }
  return result;
}

}  // namespace byline
