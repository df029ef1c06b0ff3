#include "byline/index/entity_extractor.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

#include "byline/index/date_extractor.h"
#include "byline/text.h"

namespace byline {
namespace {

struct Candidate {
  EntityType type;
  TextRange range;
  std::string key;   // FoldName(surface)
  std::string name;  // canonical, set last
};

EntityType FromNer(NerType t) {
  switch (t) {
    case NerType::kPerson: return EntityType::kPerson;
    case NerType::kOrg: return EntityType::kOrg;
    case NerType::kPlace: return EntityType::kPlace;
  }
  return EntityType::kPerson;
}

bool IsAlnumByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         static_cast<unsigned char>(c) >= 0x80;  // letters of other scripts
}

// Titles and honorifics that precede a person's name but are not part of
// it. Matched case-sensitively: they are capitalised in that position.
bool IsTitleWord(std::string_view w) {
  static const std::set<std::string_view> kTitles = {
      "President", "Prime", "Minister", "Secretary", "General", "Mr", "Mr.",
      "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady",
      "Chancellor", "King", "Queen", "Prince", "Princess", "Pope", "Senator",
      "Sen.", "Rep.", "Representative", "Governor", "Gov.", "Mayor", "Judge",
      "Justice", "Professor", "Prof.", "Foreign", "Defence", "Defense",
      "Finance", "Interior", "Health", "Deputy", "Vice", "Chief", "Executive",
      "Chairman", "Chairwoman", "Captain", "Capt.", "Gen.", "Colonel",
      "Col.", "Lieutenant", "Lt.", "Sergeant", "Sgt.", "Coach", "Rev.",
      "Reverend", "Ambassador", "Commissioner", "Director", "CEO",
      "Speaker", "Premier", "Councillor", "Inspector", "Detective", "Officer",
      "Biologist", "Economist", "Analyst", "Spokesman", "Spokeswoman"};
  return kTitles.count(w) > 0;
}

bool IsMonthOrWeekday(std::string_view key) {
  static const std::set<std::string_view> kWords = {
      "january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "monday",
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  return kWords.count(key) > 0;
}

// Word ranges of text[r] split at ASCII spaces.
std::vector<TextRange> Words(std::string_view text, TextRange r) {
  std::vector<TextRange> words;
  size_t i = r.start;
  while (i < r.end) {
    while (i < r.end && IsAsciiSpace(text[i])) ++i;
    const size_t s = i;
    while (i < r.end && !IsAsciiSpace(text[i])) ++i;
    if (i > s) words.push_back({s, i});
  }
  return words;
}

// Trims what is not part of a name from a tagged span: titles before a
// person, "the" before an organisation or place, possessive endings and
// stray punctuation. Returns an empty range when nothing is left.
TextRange CleanSpan(std::string_view text, TextRange r, EntityType type) {
  std::vector<TextRange> words = Words(text, r);
  size_t first = 0;
  const auto w = [&](size_t k) {
    return text.substr(words[k].start, words[k].size());
  };
  if (type == EntityType::kPerson) {
    while (first + 1 < words.size() && IsTitleWord(w(first))) ++first;
  } else if (!words.empty() && (w(0) == "the" || w(0) == "The") &&
             words.size() > 1) {
    first = 1;
  }
  if (first >= words.size()) return {r.start, r.start};
  TextRange out{words[first].start, words.back().end};
  for (std::string_view suffix : {"\u2019s", "'s", "\u2019", "'"}) {
    const std::string_view s = text.substr(out.start, out.size());
    if (s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix) {
      out.end -= suffix.size();
      break;
    }
  }
  while (out.end > out.start &&
         std::string_view(",;:\"()[]").find(text[out.end - 1]) !=
             std::string_view::npos) {
    --out.end;
  }
  while (out.end > out.start &&
         std::string_view("\"([").find(text[out.start]) !=
             std::string_view::npos) {
    ++out.start;
  }
  return out;
}

// The capitals that begin the capitalised words of `s`: "North Atlantic
// Treaty Organization" -> "NATO".
std::string Initials(std::string_view s) {
  std::string out;
  bool at_word = true;
  for (char c : s) {
    if (IsAsciiSpace(c) || c == '-') {
      at_word = true;
      continue;
    }
    if (at_word && std::isupper(static_cast<unsigned char>(c))) out += c;
    at_word = false;
  }
  return out;
}

bool IsAcronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 10) return false;
  size_t upper = 0;
  for (char c : s) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      ++upper;
    } else if (!std::islower(static_cast<unsigned char>(c)) && c != '&') {
      return false;
    }
  }
  return upper >= 2 && std::isupper(static_cast<unsigned char>(s[0]));
}

}  // namespace

std::string FindArticleDate(const Article& article,
                            const std::vector<Passage>& passages) {
  const std::string& pub = article.published;
  if (pub.size() >= 10 && pub[4] == '-' && pub[7] == '-') {
    return pub.substr(0, 10);  // the source's own publication date
  }
  std::vector<TextRange> ranges{article.title_range};
  for (size_t i = 0; i < passages.size() && i < 3; ++i) {
    const TextRange r = passages[i].range;
    if (CountWords(article.Slice(r)) <= 25) ranges.push_back(r);
  }
  for (const TextRange& r : ranges) {
    for (const DateMention& d : FindDates(article.text, r)) {
      if (d.iso.size() == 10 && d.has_year) return d.iso;
    }
  }
  return "";
}

ExtractedEntities EntityExtractor::Extract(
    const Article& article, const std::vector<Passage>& passages) const {
  ExtractedEntities result;
  const std::string_view text = article.text;
  std::vector<TextRange> ranges{article.title_range};
  for (const Passage& p : passages) ranges.push_back(p.range);

  std::vector<Candidate> cands;
  const auto slice = [&](TextRange r) {
    return text.substr(r.start, r.size());
  };
  const auto add = [&](EntityType type, TextRange r) {
    r = CleanSpan(text, r, type);
    if (r.size() == 0) return;
    cands.push_back({type, r, FoldName(slice(r)), ""});
  };
  if (tagger_ != nullptr) {
    // The whole article at once, so a name in one paragraph helps tag it in
    // the others.
    for (const std::vector<NerSpan>& spans : tagger_->TagDocument(text, ranges)) {
      for (const NerSpan& s : spans) add(FromNer(s.type), {s.start, s.end});
    }
  }

  // Acronyms the article pairs with their expansion: "Expansion (ACR)".
  std::map<std::string, std::string> acronym_of;  // key of expansion -> ACR
  const size_t tagged = cands.size();
  for (size_t i = 0; i < tagged; ++i) {
    const Candidate& c = cands[i];
    size_t p = c.range.end;
    while (p < text.size() && text[p] == ' ') ++p;
    if (p >= text.size() || text[p] != '(') continue;
    const size_t close = text.find(')', p);
    if (close == std::string_view::npos || close - p > 12) continue;
    const std::string_view acr = text.substr(p + 1, close - p - 1);
    if (!IsAcronym(acr) || Initials(slice(c.range)) != acr) continue;
    acronym_of[c.key] = std::string(acr);
    acronym_of[FoldName(acr)] = std::string(acr);
    cands.push_back({c.type, {p + 1, close}, FoldName(acr), ""});
  }

  // Acronyms of names the article spells out ("Korean Central News Agency"
  // ... "KCNA"), where the tagger missed them: same type as the name.
  {
    std::map<std::string, EntityType> by_initials;
    for (size_t i = 0; i < tagged; ++i) {
      const Candidate& c = cands[i];
      if (c.type == EntityType::kPerson) continue;
      const std::string initials = Initials(slice(c.range));
      if (initials.size() >= 2) by_initials.emplace(initials, c.type);
    }
    for (const TextRange& r : ranges) {
      size_t i = r.start;
      while (i < r.end) {
        if (!std::isupper(static_cast<unsigned char>(text[i])) ||
            (i > r.start && IsAlnumByte(text[i - 1]))) {
          ++i;
          continue;
        }
        size_t e = i;
        while (e < r.end && std::isupper(static_cast<unsigned char>(text[e]))) ++e;
        if (e - i >= 2 && (e == r.end || !IsAlnumByte(text[e]))) {
          auto it = by_initials.find(std::string(text.substr(i, e - i)));
          if (it != by_initials.end()) {
            cands.push_back({it->second, {i, e}, FoldName(text.substr(i, e - i)), ""});
          }
        }
        i = e;
      }
    }
  }

  // Overlaps (a tagger span inside another, an acronym tagged twice): keep
  // the earlier, longer one.
  std::sort(cands.begin(), cands.end(), [](const Candidate& a,
                                           const Candidate& b) {
    return a.range.start != b.range.start ? a.range.start < b.range.start
                                          : a.range.size() > b.range.size();
  });
  {
    std::vector<Candidate> kept;
    for (Candidate& c : cands) {
      if (!kept.empty() && c.range.start < kept.back().range.end) continue;
      kept.push_back(std::move(c));
    }
    cands.swap(kept);
  }

  // One type per name: the majority of its tagged mentions.
  std::map<std::string, std::array<int, 4>> votes;
  for (const Candidate& c : cands) ++votes[c.key][static_cast<int>(c.type)];
  // A word that ends a person's full name in this article is that person
  // wherever it stands alone ("Mark Rathbun" ... "Rathbun"), whatever the
  // tagger guessed there.
  for (const Candidate& c : cands) {
    if (c.type != EntityType::kPerson) continue;
    const std::vector<TextRange> words = Words(text, c.range);
    if (words.size() < 2) continue;
    auto it = votes.find(FoldName(slice(words.back())));
    if (it != votes.end()) it->second[static_cast<int>(EntityType::kPerson)] += 1000;
  }
  const auto majority = [&](const std::string& key) {
    const auto& v = votes[key];
    return static_cast<EntityType>(std::max_element(v.begin(), v.end()) -
                                   v.begin());
  };
  for (Candidate& c : cands) c.type = majority(c.key);

  // Find tagged names again where the tagger missed them. A one-word name
  // that also occurs in lowercase is a common word ("Bank", "Storm"), and
  // month or day names are dates: those are not propagated.
  std::set<std::string> surfaces;
  for (const Candidate& c : cands) surfaces.insert(std::string(slice(c.range)));
  std::vector<bool> covered(text.size() + 1, false);
  for (const Candidate& c : cands) {
    for (size_t i = c.range.start; i < c.range.end; ++i) covered[i] = true;
  }
  for (const std::string& s : surfaces) {
    const std::string key = FoldName(s);
    if (s.find(' ') == std::string::npos) {
      if (IsMonthOrWeekday(key) || s.size() < 2) continue;
      std::string lower = key;
      bool common = false;
      for (const TextRange& r : ranges) {
        const std::string_view part = slice(r);
        for (size_t at = part.find(lower); at != std::string_view::npos && !common;
             at = part.find(lower, at + 1)) {
          const bool left = at == 0 || !IsAlnumByte(part[at - 1]);
          const size_t e = at + lower.size();
          const bool right = e == part.size() || !IsAlnumByte(part[e]);
          common = left && right;
        }
      }
      if (common) continue;
    }
    const EntityType type = majority(key);
    for (const TextRange& r : ranges) {
      for (size_t at = text.find(s, r.start); at != std::string_view::npos &&
                                              at + s.size() <= r.end;
           at = text.find(s, at + 1)) {
        const size_t e = at + s.size();
        if ((at > 0 && IsAlnumByte(text[at - 1])) ||
            (e < text.size() && IsAlnumByte(text[e]))) {
          continue;
        }
        bool free = true;
        for (size_t i = at; i < e && free; ++i) free = !covered[i];
        if (!free) continue;
        for (size_t i = at; i < e; ++i) covered[i] = true;
        cands.push_back({type, {at, e}, key, ""});
      }
    }
  }

  // Canonical names: acronyms for paired expansions, full names for the
  // short forms of people.
  std::map<std::string, std::string> full_by_last;  // last word key -> name
  std::set<std::string> ambiguous;
  for (const Candidate& c : cands) {
    if (c.type != EntityType::kPerson) continue;
    const std::vector<TextRange> words = Words(text, c.range);
    if (words.size() < 2) continue;
    const std::string last = FoldName(slice(words.back()));
    const std::string full = CollapseWhitespace(slice(c.range));
    auto [it, inserted] = full_by_last.emplace(last, full);
    if (!inserted && FoldName(it->second) != c.key) ambiguous.insert(last);
  }
  for (Candidate& c : cands) {
    if (auto a = acronym_of.find(c.key); a != acronym_of.end()) {
      c.name = a->second;
    } else if (c.type == EntityType::kPerson &&
               c.key.find(' ') == std::string::npos &&
               full_by_last.count(c.key) && !ambiguous.count(c.key)) {
      c.name = full_by_last[c.key];
    } else {
      c.name = CollapseWhitespace(slice(c.range));
    }
  }

  // Nationality words are not names in the CoNLL style ("Australian",
  // "the Greeks"), whatever type the tagger gave them.
  if (tagger_ != nullptr) {
    std::erase_if(cands, [&](const Candidate& c) {
      return c.key.find(' ') == std::string::npos &&
             tagger_->LookUpWord(slice(c.range)).demonym;
    });
  }

  // Dates, with the article's year completing day-month dates.
  result.article_date = FindArticleDate(article, passages);
  const int year = YearOf(result.article_date);
  int last_year = 0;
  for (const TextRange& r : ranges) {
    for (DateMention& d : FindDates(text, r, year, &last_year)) {
      Candidate c{EntityType::kDate, d.range, d.iso, d.iso};
      cands.push_back(std::move(c));
    }
  }

  std::sort(cands.begin(), cands.end(), [](const Candidate& a,
                                           const Candidate& b) {
    return a.range.start < b.range.start;
  });
  for (const Candidate& c : cands) {
    Mention m;
    m.type = c.type;
    m.name = c.name;
    m.text = std::string(slice(c.range));
    m.start = c.range.start;
    m.end = c.range.end;
    // The last passage starting at or before the mention (passages are in
    // text order), if the mention lies inside it.
    auto p = std::upper_bound(
        passages.begin(), passages.end(), m.start,
        [](size_t pos, const Passage& ps) { return pos < ps.range.start; });
    if (p != passages.begin() && m.end <= std::prev(p)->range.end) {
      m.passage = std::prev(p)->index;
    }
    result.mentions.push_back(std::move(m));
  }
  return result;
}

}  // namespace byline
