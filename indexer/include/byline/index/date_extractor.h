// Finds dates written out in English news text and normalises them to ISO
// 8601: "14 July 2024", "July 14, 2024" -> 2024-07-14; "March 2023" ->
// 2023-03; "in 2019" -> 2019; "2024-07-14" as is. A day and month without a
// year take `default_year`, or stay partial ("--07-14") when it is 0.
// Plain C++, stateless and thread-safe.
#ifndef BYLINE_INDEX_DATE_EXTRACTOR_H_
#define BYLINE_INDEX_DATE_EXTRACTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "byline/passage.h"

namespace byline {

struct DateMention {
  TextRange range;  // bytes of the written date in the text
  std::string iso;  // "2024-07-14", "2024-07", "2024" or "--07-14"
  bool has_year = false;
  bool operator==(const DateMention&) const = default;
};

// Dates in text[range], in order. `default_year` (the article's year)
// completes day-month dates that name no year; when it is 0, the most
// recent year written before them is used (`*last_year`, when given, carries
// it across calls), and failing that they stay partial.
std::vector<DateMention> FindDates(std::string_view text, TextRange range,
                                   int default_year = 0,
                                   int* last_year = nullptr);

// The year of an ISO date string ("2024-07-14" -> 2024), or 0 if partial.
int YearOf(std::string_view iso);

}  // namespace byline

#endif  // BYLINE_INDEX_DATE_EXTRACTOR_H_
