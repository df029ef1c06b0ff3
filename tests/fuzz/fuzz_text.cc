// libFuzzer target: text as an article's body, through the stages that
// work on text alone: paragraphs (blank-line separated) split into
// passages with short ones joined, sentence ends, and dates.
#include <cstdint>
#include <string_view>
#include <vector>

#include "byline/index/date_extractor.h"
#include "byline/index/passage_splitter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<byline::TextRange> paragraphs;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) paragraphs.push_back({start, end});
    start = end + 2;
  }
  byline::SplitOptions options;
  options.min_words = 30;
  const byline::SplitResult split =
      byline::SplitIntoPassages(text, paragraphs, options);
  for (const byline::Passage& p : split.passages) {
    if (p.range.end > text.size() || p.range.start > p.range.end) {
      __builtin_trap();  // a passage outside the text
    }
  }
  int last_year = 0;
  for (const byline::TextRange& r : paragraphs) {
    (void)byline::SentenceEnds(text, r);
    for (const byline::DateMention& d :
         byline::FindDates(text, r, 0, &last_year)) {
      (void)byline::YearOf(d.iso);
    }
  }
  return 0;
}
