// Words and runs of words in an article's text, as the rule stages read
// them: capitals, acronyms, initials, sentence starts. Pure text.
#ifndef BYLINE_INDEX_RULES_WORDS_H_
#define BYLINE_INDEX_RULES_WORDS_H_

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "byline/passage.h"
#include "byline/text.h"

namespace byline::rules {

// A fixed list of words the rules look up ("President", "Street"). The
// rules look up nearly every word of an archive in several lists: with
// std::set those lookups' string compares were about 15 % of extraction's
// samples, and std::unordered_set's hashing, division and nodes still
// showed (perf, session 20). This one is open addressing over
// string_views of the listed literals, and most words are turned away by
// their length before they are hashed.
class WordSet {
 public:
  // The words must outlive the set (literals, as the rules list them).
  WordSet(std::initializer_list<std::string_view> words)
      : WordSet(std::vector<std::string_view>(words)) {}
  explicit WordSet(const std::vector<std::string_view>& words);
  bool contains(std::string_view w) const {
    const size_t bit = std::min<size_t>(w.size(), 63);
    if ((lengths_ >> bit & 1) == 0) return false;
    for (size_t i = Hash(w) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].data() == nullptr) return false;
      if (slots_[i] == w) return true;
    }
  }
  size_t count(std::string_view w) const { return contains(w) ? 1 : 0; }

 private:
  static size_t Hash(std::string_view w) {
    uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return static_cast<size_t>(h ^ (h >> 29));
  }
  std::vector<std::string_view> slots_;  // a null data() marks a free slot
  size_t mask_ = 0;
  uint64_t lengths_ = 0;  // bit n: a word of n bytes (63: of 63 or more)
};

// Every byte an ASCII capital: "NASA", "SWITZERLAND".
bool AllUpper(std::string_view s);

// Words of capital letters, one or more, single spaces between: "CHELSEA",
// "NEW YORK"; not "U.K." (a code, which keeps its dots and capitals).
bool IsCapitalsRun(std::string_view w);

// A line written in capitals (a wire headline: "SOCCER - JAPAN GET LUCKY
// WIN"): no lowercase letter and four capitals or more in text[line].
bool IsCapitalsLine(std::string_view text, TextRange line);

bool IsAlnumByte(char c);

// The end of the run of initials with full stops ("U.N.", "U.K.") that
// starts at `i`, not past `end`; `i` itself if there is none.
size_t DottedInitialsEnd(std::string_view text, size_t i, size_t end);

// The last `n` words of `text`, lowercased, the last first: runs of bytes
// for which `in_word` holds, each followed by one space. Stops at
// anything else (a comma, a full stop, a line break).
std::vector<std::string> LastWordsLower(std::string_view text, size_t n,
                                        bool (*in_word)(char));

// Word ranges of text[r] split at ASCII spaces.
std::vector<TextRange> Words(std::string_view text, TextRange r);

// Calls f(line) for each line of text[r], in order: split at '\n' (not
// part of any line), the last ending with r. A name never crosses one.
template <typename F>
void ForEachLine(std::string_view text, TextRange r, F&& f) {
  r.end = std::min(r.end, text.size());
  const std::string_view upto = text.substr(0, r.end);
  for (size_t start = r.start; start < r.end;) {
    size_t end = upto.find('\n', start);
    if (end == std::string_view::npos) end = r.end;
    f(TextRange{start, end});
    start = end + 1;
  }
}

// Calls f(at) for each occurrence of `needle` inside text[r] that is a
// whole word (no letter or digit right before or after it), in text
// order, while f returns true.
template <typename F>
void ForEachWholeWord(std::string_view text, std::string_view needle,
                      TextRange r, F&& f) {
  if (needle.empty()) return;
  const std::string_view upto = text.substr(0, std::min(r.end, text.size()));
  for (size_t at = upto.find(needle, r.start); at != std::string_view::npos;
       at = upto.find(needle, at + 1)) {
    const size_t e = at + needle.size();
    if ((at > 0 && IsAlnumByte(text[at - 1])) ||
        (e < text.size() && IsAlnumByte(text[e]))) {
      continue;
    }
    if (!f(at)) return;
  }
}

// Whether text[pos] follows a sentence end, a line break or the text's
// start (spaces and opening quotes skipped).
bool AfterSentenceEnd(std::string_view text, size_t pos);

// Whether the word text[w] is an article before a name, not part of it:
// "the" or "The", or "A" or "An" opening a sentence ("A GB News report").
bool IsArticleBeforeName(std::string_view text, TextRange w);

// The capitals that begin the capitalised words of `s`: "North Atlantic
// Treaty Organization" -> "NATO". With `digits`, a number stands for
// itself: "Movement 5 Stars" -> "M5S".
std::string Initials(std::string_view s, bool digits = false);

bool IsAcronym(std::string_view s);

bool IsUpperInitial(std::string_view w);

// Capitals as a name is written: "NEW YORK" -> "New York", "AL-AIN" ->
// "Al-Ain" (ASCII).
std::string TitleCase(std::string_view capitals);

// The last space-separated word of text[r].
std::string_view LastWord(std::string_view text, TextRange r);

// The word before the last of text[r], or "".
std::string_view WordBeforeLast(std::string_view text, TextRange r);

// Strips trailing punctuation and a possessive from a word; `*cut` is set
// when something was stripped (the word ends a run of capitalised words).
std::string_view WordCore(std::string_view w, bool* cut);

// The end of the run of capitalised words that starts at text[pos], words
// separated by single spaces, within `limit`; with `allow_of`, "of" and
// "of the" may join two capitalised words ("Bureau of Weights and
// Measures"). At most `max_words` capitalised words. Returns pos when
// text[pos] starts no capitalised word.
size_t CapitalRunEnd(std::string_view text, size_t pos, size_t limit,
                     bool allow_of, size_t max_words = 8);

// The end of the range holding text position `pos`: `ranges` is the title's
// range, then the passages' in text order, none overlapping. The passages
// are searched by bisection, as an article may have a hundred thousand of
// them and this is asked for each name (a linear scan made 100,000
// one-word paragraphs take 21 s).
size_t RangeEndAt(const std::vector<TextRange>& ranges, size_t pos);

// Whether text[pos] starts a sentence: the range's first word, or the
// first after ". ", "! ", "? ", ": ", an opening quote or a bracket.
bool AtSentenceStart(std::string_view text, TextRange range, size_t pos);

// An acronym as news writing brackets it after a name: capitals and digits,
// starting with a capital ("UNHCR", "M5S"), two to eight characters.
bool IsBracketAcronym(std::string_view s);

// Whether `a` and `b` hold the same letters: an acronym of a name in another
// language has the initials of its translation in another order ("National
// Union of Consumers" (UNC) for "Unione Nazionale Consumatori").
bool SameLetters(std::string a, std::string b);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_WORDS_H_
