#include "rules/bylines.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

namespace {

// The separators of a byline's fields, with the spaces around them.
constexpr std::string_view kSeparators[] = {" | ", " \u00b7 ", " \u2022 "};

// Where the next separator starts at or after `from`, and its length.
std::pair<size_t, size_t> NextSeparator(std::string_view line, size_t from) {
  std::pair<size_t, size_t> best{std::string_view::npos, 0};
  for (std::string_view s : kSeparators) {
    const size_t at = line.find(s, from);
    if (at < best.first) best = {at, s.size()};
  }
  return best;
}

// A field that reads as a date or a time ("3 May 2025", "Updated 10:42").
bool IsDateField(std::string_view field) {
  if (std::any_of(field.begin(), field.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      })) {
    return true;
  }
  for (const TextRange& w : Words(field, {0, field.size()})) {
    if (IsMonthOrWeekdayWord(field.substr(w.start, w.size()))) return true;
  }
  return false;
}

// One to four words, each capitalised or a short lowercase joiner inside
// a place's name ("Vila Nova de Gaia", "Frankfurt am Main").
bool IsNameField(std::string_view field) {
  const std::vector<TextRange> words = Words(field, {0, field.size()});
  if (words.empty() || words.size() > 4) return false;
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string_view w = field.substr(words[k].start, words[k].size());
    const bool inner = k > 0 && k + 1 < words.size();
    if (IsUpperInitial(w)) continue;
    if (inner && w.size() <= 3 && std::all_of(w.begin(), w.end(), [](char c) {
          return std::islower(static_cast<unsigned char>(c));
        })) {
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace

void TypeBylinePlaces(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  std::set<std::string> place_keys;
  std::vector<Candidate> added;
  for (const TextRange& r : a.ranges) {
    ForEachLine(text, r, [&](TextRange line_range) {
      const std::string_view line = a.Slice(line_range);
      const size_t at_line = line_range.start;
      if (!line.starts_with("By ") || line.size() < 4 ||
          !IsUpperInitial(line.substr(3))) {
        return;
      }
      // The fields after the writer's.
      auto [sep, sep_size] = NextSeparator(line, 0);
      while (sep != std::string_view::npos) {
        const size_t field_start = sep + sep_size;
        std::tie(sep, sep_size) = NextSeparator(line, field_start);
        const size_t field_end =
            sep == std::string_view::npos ? line.size() : sep;
        const std::string_view field =
            line.substr(field_start, field_end - field_start);
        if (IsDateField(field) || !IsNameField(field)) continue;
        const TextRange range{at_line + field_start, at_line + field_end};
        const NerTagger::NameFacts facts = tagger->LookUpName(field);
        if (facts.gazetteer_org || (facts.org && !facts.place)) continue;
        const bool listed =
            facts.gazetteer_place || facts.city || facts.country || facts.place;
        const std::string key = FoldName(field);
        bool here = false, named = false;
        for (const Candidate& c : cands) {
          here = here ||
                 (c.range.start == range.start && c.range.end == range.end);
          named = named || c.key == key;
        }
        if (!listed && !named) continue;
        place_keys.insert(key);
        if (!here) {
          // Nothing else may overlap the field.
          const bool overlaps =
              std::any_of(cands.begin(), cands.end(), [&](const Candidate& c) {
                return c.range.start < range.end && range.start < c.range.end;
              });
          if (!overlaps) {
            added.push_back({EntityType::kPlace, range, key, ""});
          }
        }
      }
    });
  }
  for (Candidate& c : added) cands.push_back(std::move(c));
  if (place_keys.empty()) return;
  for (Candidate& c : cands) {
    if (place_keys.count(c.key) > 0 && !c.fixed) c.type = EntityType::kPlace;
  }
}

}  // namespace byline::rules
