#include "rules/place_names.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

bool IsPlaceLinkWord(std::string_view w) {
  static const WordSet kLinks = {
      "de", "da", "do",  "dos", "das", "del", "della",
      "di", "du", "des", "sur", "am",  "im",  "upon"};
  return kLinks.count(w) > 0;
}

void KeepCapitalThe(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  std::vector<Candidate>& cands = *out;
  const auto the_before = [&](const Candidate& c) {
    return c.range.start >= 4 && text.substr(c.range.start - 4, 4) == "The ";
  };
  std::set<std::string> with_the;  // keys of such places
  for (const Candidate& c : cands) {
    if (c.type == EntityType::kPlace && the_before(c) &&
        !AfterSentenceEnd(text, c.range.start - 4)) {
      with_the.insert(c.key);
    }
  }
  for (Candidate& c : cands) {
    if (c.type != EntityType::kPlace || !with_the.count(c.key)) continue;
    if (!c.name.starts_with("The ")) c.name = "The " + c.name;
    if (the_before(c)) c.range.start -= 4;
  }
}

void JoinLinkedPlaces(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  std::vector<Candidate>& cands = *out;
  for (size_t i = 0; i + 1 < cands.size(); ++i) {
    Candidate& a = cands[i];
    const Candidate& b = cands[i + 1];
    if (a.type != EntityType::kPlace || b.type != EntityType::kPlace ||
        b.range.start <= a.range.end + 2) {
      continue;
    }
    const std::string_view between =
        text.substr(a.range.end, b.range.start - a.range.end);
    if (between.size() < 4 || between.front() != ' ' || between.back() != ' ' ||
        !IsPlaceLinkWord(between.substr(1, between.size() - 2))) {
      continue;
    }
    SetRange(text, {a.range.start, b.range.end}, &a);
    cands.erase(cands.begin() + static_cast<ptrdiff_t>(i + 1));
  }
}

}  // namespace byline::rules
