// Capitalised runs that end with a head word, found once per article: the
// search the `facfind` and `outlet` rules share.
#ifndef BYLINE_INDEX_RULES_HEADED_RUNS_H_
#define BYLINE_INDEX_RULES_HEADED_RUNS_H_

#include <string_view>
#include <vector>

#include "byline/entity.h"
#include "byline/passage.h"
#include "byline/text.h"
#include "rules/candidate.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

// Untagged runs of capitalised words in running text (not the title, which
// may be in title case) that end with a head word, `head(word, word
// before)`, become names of `type`: at most `max_before` words before the
// head. With `run_end`, the head must end the capitalised run ("the Tarnow
// Herald said", not "Herald Square"). Looks for the heads and walks back,
// so an article costs one pass over its words. `cands` are sorted and do
// not overlap; new ones are appended.
template <typename Head>
void FindHeadedRuns(std::string_view text, const std::vector<TextRange>& ranges,
                    Head head, EntityType type, size_t max_before, bool run_end,
                    std::vector<Candidate>* cands) {
  if (ranges.size() < 2) return;
  std::vector<TextRange> taken;
  for (const Candidate& c : *cands) taken.push_back(c.range);
  const auto free = [&](TextRange r) {
    for (const TextRange& t : taken) {
      if (t.start < r.end && r.start < t.end) return false;
    }
    return true;
  };
  for (size_t k = 1; k < ranges.size(); ++k) {
    const TextRange r = ranges[k];
    std::vector<TextRange> words;  // the capitalised run so far
    for (size_t i = r.start; i < r.end;) {
      while (i < r.end && IsAsciiSpace(text[i])) ++i;
      size_t e = i;
      while (e < r.end && !IsAsciiSpace(text[e])) ++e;
      if (e == i) break;
      // Most words are lowercase: turned away before WordCore(), which
      // keeps the first letter.
      if (!IsUpperInitial(text.substr(i, e - i))) {
        words.clear();
        i = e;
        continue;
      }
      bool cut = false;
      const std::string_view core = WordCore(text.substr(i, e - i), &cut);
      const bool joined =
          !words.empty() && words.back().end + 1 == i && text[i - 1] == ' ';
      if (!joined) words.clear();
      if (!IsUpperInitial(core) || IsMonthOrWeekdayWord(core) ||
          IsTitleWord(core)) {
        words.clear();
        i = e;
        continue;
      }
      if (!words.empty()) {
        const std::string_view before =
            text.substr(words.back().start, words.back().size());
        bool ends = true;
        if (run_end && !cut && e < r.end) {
          size_t n = e;
          while (n < r.end && IsAsciiSpace(text[n])) ++n;
          ends = n == e || n >= r.end || !IsUpperInitial(text.substr(n, 2));
        }
        if (ends && head(core, before)) {
          size_t first =
              words.size() > max_before ? words.size() - max_before : 0;
          // "The" opens the sentence, not the name: "The Blue Mosque"; a
          // head alone is no name ("The Stadium"). So does "A" or "An" at
          // a sentence's start ("A GB News report").
          if (IsArticleBeforeName(text, words[first])) ++first;
          if (first < words.size()) {
            const TextRange run{words[first].start, i + core.size()};
            if (free(run)) {
              cands->push_back({type, run,
                                FoldName(text.substr(run.start, run.size())),
                                ""});
              taken.push_back(run);
            }
          }
          words.clear();
          i = e;
          continue;
        }
      }
      words.push_back({i, i + core.size()});
      if (cut) words.clear();
      i = e;
    }
  }
}

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_HEADED_RUNS_H_
