#include "byline/index/date_extractor.h"

#include "byline/schema.h"

#include <array>
#include <cctype>
#include <cstdio>

namespace byline {
namespace {

struct Token {
  size_t start, end;
};

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)); }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)); }

// 1..12 for an English month name or abbreviation ("Sept", "Jan."), else 0.
int MonthNumber(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (w.size() < 3 || !std::isupper(static_cast<unsigned char>(w[0]))) {
    return 0;  // "may" the verb; "march" the walk
  }
  std::string lower;
  for (char c : w) lower.push_back(static_cast<char>(std::tolower(
                        static_cast<unsigned char>(c))));
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (lower == kMonths[m]) return static_cast<int>(m) + 1;
    if (lower.size() == 3 && m != 4 && kMonths[m].substr(0, 3) == lower) {
      return static_cast<int>(m) + 1;
    }
  }
  if (lower == "sept") return 9;
  return 0;
}

int Number(std::string_view w) {
  if (w.empty() || w.size() > 4) return -1;
  int n = 0;
  for (char c : w) {
    if (!IsDigit(c)) return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

// "14", "14th", "1st" -> the day; else 0.
int DayNumber(std::string_view w) {
  size_t digits = 0;
  while (digits < w.size() && IsDigit(w[digits])) ++digits;
  if (digits == 0 || digits > 2) return 0;
  const std::string_view suffix = w.substr(digits);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" &&
      suffix != "th") {
    return 0;
  }
  const int d = Number(w.substr(0, digits));
  return d >= 1 && d <= 31 ? d : 0;
}

int YearNumber(std::string_view w) {
  if (w.size() != 4) return 0;
  const int y = Number(w);
  return y >= 1800 && y <= 2199 ? y : 0;
}

std::string Iso(int year, int month, int day) {
  char buf[16];
  if (year && month && day) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else if (month && day) {
    std::snprintf(buf, sizeof buf, "--%02d-%02d", month, day);
  } else if (year && month) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", year);
  }
  return buf;
}

// Words before a bare year that make it a date ("in 2019", "since 2014").
bool IsYearCue(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kCues = {
      "in",    "since", "by",    "until", "from",   "during", "before",
      "after", "early", "late",  "of",    "summer", "winter", "spring"};
  std::string lower;
  for (char c : w) lower.push_back(static_cast<char>(std::tolower(
                        static_cast<unsigned char>(c))));
  for (std::string_view cue : kCues) {
    if (lower == cue) return true;
  }
  return lower == "autumn";
}

}  // namespace

int YearOf(std::string_view iso) {
  return iso.size() >= 4 && iso[0] != '-' ? Number(iso.substr(0, 4)) : 0;
}

std::vector<DateMention> FindDates(std::string_view text, TextRange range,
                                   int default_year, int* last_year) {
  std::vector<Token> toks;
  for (size_t i = range.start; i < range.end;) {
    if (!IsAlnum(text[i])) {
      ++i;
      continue;
    }
    const size_t s = i;
    while (i < range.end && IsAlnum(text[i])) ++i;
    toks.push_back({s, i});
  }
  const auto word = [&](size_t k) {
    return text.substr(toks[k].start, toks[k].end - toks[k].start);
  };
  // Only spaces, or ", " / "," between two tokens.
  const auto joined = [&](size_t k, bool comma_ok) {
    std::string_view gap =
        text.substr(toks[k].end, toks[k + 1].start - toks[k].end);
    if (comma_ok && !gap.empty() && gap[0] == ',') gap.remove_prefix(1);
    if (!gap.empty() && gap[0] == '.') gap.remove_prefix(1);  // "Sept. 4"
    return gap.size() <= 2 && gap.find_first_not_of(' ') == std::string::npos &&
           (!gap.empty() || comma_ok);
  };
  std::vector<DateMention> out;
  int year_seen = last_year ? *last_year : 0;
  const auto emit = [&](size_t first, size_t last, int y, int m, int d) {
    if (d && !schema::ValidDay(y, m, d)) return false;
    DateMention dm;
    dm.range = {toks[first].start, toks[last].end};
    dm.has_year = y != 0;
    if (y) year_seen = y;
    if (!y && d) y = default_year ? default_year : year_seen;
    dm.iso = Iso(y, m, d);
    out.push_back(std::move(dm));
    return true;
  };
  for (size_t k = 0; k < toks.size(); ++k) {
    const size_t n = toks.size();
    const std::string_view w = word(k);
    // ISO 2024-07-14 (three tokens joined by '-').
    if (YearNumber(w) && k + 2 < n && toks[k + 1].start == toks[k].end + 1 &&
        text[toks[k].end] == '-' && toks[k + 2].start == toks[k + 1].end + 1 &&
        text[toks[k + 1].end] == '-' && word(k + 1).size() == 2 &&
        word(k + 2).size() == 2) {
      const int m = Number(word(k + 1)), d = Number(word(k + 2));
      if (m >= 1 && m <= 12 && d >= 1 &&
          emit(k, k + 2, YearNumber(w), m, d)) {
        k += 2;
        continue;
      }
    }
    // 14 July 2024 / 14 July
    if (const int d = DayNumber(w); d && k + 1 < n && joined(k, false)) {
      if (const int m = MonthNumber(word(k + 1))) {
        if (k + 2 < n && joined(k + 1, true) && YearNumber(word(k + 2))) {
          emit(k, k + 2, YearNumber(word(k + 2)), m, d);
          k += 2;  // an impossible day is no date, nor is its month
          continue;
        }
        emit(k, k + 1, 0, m, d);
        ++k;
        continue;
      }
    }
    // July 14, 2024 / July 14 / July 2024
    if (const int m = MonthNumber(w); m && k + 1 < n && joined(k, false)) {
      if (const int y = YearNumber(word(k + 1))) {
        emit(k, k + 1, y, m, 0);
        ++k;
        continue;
      }
      if (const int d = DayNumber(word(k + 1))) {
        if (k + 2 < n && joined(k + 1, true) && YearNumber(word(k + 2))) {
          if (emit(k, k + 2, YearNumber(word(k + 2)), m, d)) {
            k += 2;
            continue;
          }
        } else if (emit(k, k + 1, 0, m, d)) {
          ++k;
          continue;
        }
      }
    }
    // in 2019
    if (const int y = YearNumber(w); y && k > 0 && IsYearCue(word(k - 1)) &&
                                     joined(k - 1, false) &&
                                     (k + 1 == n || toks[k + 1].start >
                                                        toks[k].end + 1 ||
                                      text[toks[k].end] != '-')) {
      emit(k, k, y, 0, 0);
    }
  }
  if (last_year) *last_year = year_seen;
  return out;
}

}  // namespace byline
