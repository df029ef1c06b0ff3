#include "rules/cues.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

namespace {

bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
         (static_cast<unsigned char>(c) >= 0x80);
}

// The last `n` words of `text`, last first; stops at anything but letters
// and single spaces (a comma, a full stop, a line break).
std::vector<std::string> LastWords(std::string_view text, size_t n) {
  return LastWordsLower(text, n, IsLetter);
}

// The first `n` words of `text` after ", " (an apposition), first first;
// stops at anything but letters and single spaces.
std::vector<std::string> AppositionWords(std::string_view text, size_t n) {
  std::vector<std::string> words;
  if (!text.starts_with(", ")) return words;
  size_t pos = 2;
  while (words.size() < n && pos < text.size()) {
    size_t end = pos;
    while (end < text.size() && IsLetter(text[end])) ++end;
    if (end == pos) break;
    words.push_back(AsciiLower(text.substr(pos, end - pos)));
    if (end >= text.size() || text[end] != ' ') break;
    pos = end + 1;
  }
  return words;
}

}  // namespace

std::optional<EntityType> TypeFromCues(std::string_view before,
                                       std::string_view after) {
  // Kinds of place a name follows with "of".
  static const WordSet kPlaceKinds = {
      "quarter",   "district",     "suburb",   "neighbourhood", "neighborhood",
      "borough",   "town",         "city",     "village",       "region",
      "province",  "municipality", "county",   "island",        "port",
      "valley",    "parish",       "commune",  "canton",        "hamlet",
      "districts", "suburbs",      "villages", "towns"};
  // Posts in a body a name follows with "of" or "for": a person holds the
  // post, the name is the body's.
  static const WordSet kPosts = {
      "director",    "directors",   "chairman",     "chairwoman", "chairperson",
      "spokesman",   "spokeswoman", "spokesperson", "founder",    "co-founder",
      "cofounder",   "employees",   "shareholders", "staff",      "members",
      "lawyers",     "executive",   "executives",   "boss",       "campaigners",
      "researchers", "analysts",    "economists",   "owner",      "owners",
      "board"};
  // What an apposition calls a part of a body: ", the Dutch branch of".
  static const WordSet kParts = {
      "branch", "arm",     "subsidiary", "affiliate", "division", "unit",
      "wing",   "chapter", "section",    "offshoot",  "member"};
  const std::vector<std::string> last = LastWords(before, 2);
  if (last.size() == 2 && (last[0] == "of" || last[0] == "for")) {
    if (last[0] == "of" && kPlaceKinds.count(last[1]))
      return EntityType::kPlace;
    if (kPosts.count(last[1])) return EntityType::kOrg;
  }
  const std::vector<std::string> next = AppositionWords(after, 6);
  if (!next.empty() &&
      (next[0] == "the" || next[0] == "a" || next[0] == "an")) {
    for (size_t k = 1; k + 1 < next.size(); ++k) {
      if (kParts.count(next[k]) && next[k + 1] == "of") return EntityType::kOrg;
    }
  }
  return std::nullopt;
}

void TypeByCues(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  for (Candidate& c : cands) {
    if (c.type != EntityType::kPerson || c.fixed ||
        slice(c.range).find_first_of(" \n") != std::string_view::npos) {
      continue;
    }
    if (const auto type = TypeFromCues(text.substr(0, c.range.start),
                                       text.substr(c.range.end))) {
      c.type = *type;
    }
  }
}

}  // namespace byline::rules
