#include "rules/equipment.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

bool IsEquipmentName(std::string_view name) {
  static const WordSet kClasses = {
      "missile", "missiles",  "launcher", "launchers", "howitzer", "howitzers",
      "torpedo", "torpedoes", "drone",    "drones",    "warhead",  "warheads"};
  static const WordSet kSystemOf = {
      "missile", "defence", "defense",  "rocket",
      "weapon",  "weapons", "artillery"};
  std::vector<std::string> words;
  for (const std::string_view w : Split(name, ' ')) {
    if (!w.empty()) words.push_back(AsciiLower(w));
  }
  if (words.empty()) return false;
  const std::string& last = words.back();
  if (kClasses.count(last)) return true;
  return (last == "system" || last == "systems") && words.size() >= 2 &&
         kSystemOf.count(words[words.size() - 2]) > 0;
}

void DropEquipment(const ArticleText& a,
                   const std::map<std::string, std::string>& acronym_of,
                   std::vector<Candidate>* out) {
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  std::set<std::string> gone;  // keys of names and acronyms dropped
  for (const Candidate& c : cands) {
    if (!IsEquipmentName(slice(c.range))) continue;
    gone.insert(c.key);
    if (const auto acr = acronym_of.find(c.key); acr != acronym_of.end()) {
      gone.insert(FoldName(acr->second));
    }
  }
  if (!gone.empty()) {
    std::erase_if(cands, [&](const Candidate& c) {
      return gone.count(c.key) > 0 || gone.count(FoldName(c.name)) > 0;
    });
  }
}

}  // namespace byline::rules
