#include "rules/equipment.h"

#include <set>
#include <string>
#include <vector>

#include "byline/text.h"

namespace byline::rules {

bool IsEquipmentName(std::string_view name) {
  static const std::set<std::string_view> kClasses = {
      "missile",  "missiles",  "launcher", "launchers", "howitzer",
      "howitzers", "torpedo",  "torpedoes", "drone",    "drones",
      "warhead",  "warheads"};
  static const std::set<std::string_view> kSystemOf = {
      "missile", "defence", "defense", "rocket", "weapon", "weapons",
      "artillery"};
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

}  // namespace byline::rules
