// Rule stage `equipment`: weapons and other military equipment are not
// people, organisations or places. "National Advanced Surface-to-Air
// Missile System", "Patriot missile" or "Storm Shadow missiles" name a
// thing, which news names as it names a company; Byline's facets have no
// type for it, so such a name is no entity (with the acronym an article
// pairs with it: "NASAMS"). Pure text.
#ifndef BYLINE_INDEX_RULES_EQUIPMENT_H_
#define BYLINE_INDEX_RULES_EQUIPMENT_H_

#include <map>
#include <string>
#include <string_view>

#include "rules/candidate.h"

namespace byline::rules {

// Whether `name` (words split at spaces, any case) names military
// equipment: it ends with a weapon's class noun ("Missile", "Missiles",
// "Launcher", "Howitzer", "Torpedo", "Drone", "Warhead" and their
// plurals; not "Rockets", a team's name as often), or with "System" or
// "Systems" after "Missile", "Defence", "Defense", "Rocket", "Weapon" or
// "Artillery". Bodies named after weapons end with their own head
// ("Missile Defense Agency", "Strategic Rocket Forces": not equipment).
bool IsEquipmentName(std::string_view name);

// Weapons and other equipment are no names (rules/equipment.h), nor the
// acronyms the article pairs with them ("NASAMS").
// `acronym_of`: the acronym the article pairs with a name, by its key.
void DropEquipment(const ArticleText& a,
                   const std::map<std::string, std::string>& acronym_of,
                   std::vector<Candidate>* out);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_EQUIPMENT_H_
