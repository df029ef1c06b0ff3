#include "rules/vehicles.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

void DropVehicles(const ArticleText& a, std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const std::vector<TextRange>& ranges = a.ranges;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  static const WordSet kVehicles = {
      "ship",    "Ship",      "vessel",     "Vessel", "shuttle", "Shuttle",
      "orbiter", "Orbiter",   "spacecraft", "yacht",  "ferry",   "submarine",
      "frigate", "destroyer", "tanker",     "liner",  "rover",   "HMS",
      "USS",     "HMC",       "RMS",        "MV",     "SS"};
  // Named storms go the same way: no person, place or organisation
  // (CoNLL's MISC), "Hurricane Tilda" ... "Tilda made landfall"
  // (rule 'storm').
  static const WordSet kStorms = {
      "hurricane", "Hurricane", "cyclone", "Cyclone",
      "typhoon",   "Typhoon",   "storm",   "Storm"};
  const bool storms = RuleOn("storm");
  const auto is_vehicle_word = [&](std::string_view w) {
    return kVehicles.count(w) > 0 || (storms && kStorms.count(w) > 0);
  };
  // The word before text[pos], past spaces and commas; empty at the start.
  const auto word_before = [&](size_t pos) {
    size_t b = pos;
    while (b > 0 && (IsAsciiSpace(text[b - 1]) || text[b - 1] == ',')) --b;
    size_t a = b;
    while (a > 0 && !IsAsciiSpace(text[a - 1])) --a;
    return TextRange{a, b};
  };
  std::set<std::string> vehicles;
  for (const Candidate& c : cands) {
    // The storm word alone ("the Cyclone is almost certain to"), but
    // not "Storm", a name of teams and people too.
    if (storms && kStorms.count(slice(c.range)) && slice(c.range) != "Storm") {
      vehicles.insert(c.key);
    }
    TextRange before = word_before(c.range.start);
    if (before.size() == 0) continue;
    // "the vessel, the Annelie": the word before the article.
    if (slice(before) == "the") {
      const TextRange w = word_before(before.start);
      if (w.size() > 0) before = w;
    }
    const std::vector<TextRange> words = Words(text, c.range);
    // A capitalised vehicle word inside the name ("Space Shuttle
    // Tern"): the words after it name the vehicle.
    size_t inside = 0;
    for (size_t k = 0; k + 1 < words.size() && inside == 0; ++k) {
      if (is_vehicle_word(slice(words[k])) &&
          std::isupper(static_cast<unsigned char>(text[words[k].start])) &&
          slice(words[k]) != "Ship") {
        inside = k + 1;
      }
    }
    if (is_vehicle_word(slice(before)) || inside > 0) {
      vehicles.insert(c.key);
      if (inside > 0) {
        vehicles.insert(FoldName(slice({words[inside].start, c.range.end})));
      }
    }
  }
  // A model's designation, a name and its number before the kind of thing
  // it is ("the Ariane 6 rocket", "a Falcon 9 launcher", "Sojourn 3
  // satellites"), names a product, not its maker (rule 'designation').
  // Bodies numbered so ("Democrats 66", "Antena 3") are followed by other
  // nouns.
  static const WordSet kProductKinds = {
      "aircraft", "airliner",  "airliners",  "car",        "cars",
      "console",  "engine",    "engines",    "helicopter", "helicopters",
      "jet",      "jets",      "launcher",   "launchers",  "plane",
      "planes",   "probe",     "programme",  "program",    "rocket",
      "rockets",  "satellite", "satellites", "smartphone", "spacecraft",
      "tank",     "tanks",     "telescope",  "vehicle",    "vehicles"};
  if (RuleOn("designation")) {
    for (const Candidate& c : cands) {
      const std::string_view number = LastWord(text, c.range);
      if (c.type == EntityType::kDate || number.size() > 4 ||
          number.size() == slice(c.range).size() ||
          !std::all_of(number.begin(), number.end(), [](char ch) {
            return std::isdigit(static_cast<unsigned char>(ch));
          })) {
        continue;
      }
      const size_t at = c.range.end + 1;
      if (at >= text.size() || text[c.range.end] != ' ') continue;
      size_t e = at;
      while (e < text.size() &&
             std::islower(static_cast<unsigned char>(text[e])))
        ++e;
      if (kProductKinds.count(text.substr(at, e - at)) > 0)
        vehicles.insert(c.key);
    }
  }
  // The same after a vehicle word where the tagger tagged nothing
  // ("Space Shuttle Tern lifts off" ... "Tern and Heron"): the
  // capitalised words after it.
  for (size_t n = 0; n < ranges.size(); ++n) {
    const std::vector<TextRange>& words = a.range_words[n];
    for (size_t k = 0; k + 1 < words.size(); ++k) {
      if (!is_vehicle_word(slice(words[k])) ||
          words[k + 1].start != words[k].end + 1) {
        continue;
      }
      // Up to three words; a word ending with punctuation ends the
      // name ("Tern, which").
      size_t e = k + 1, end = 0;
      while (e < words.size() && e < k + 4 && IsUpperInitial(slice(words[e])) &&
             (e == k + 1 || words[e].start == words[e - 1].end + 1)) {
        end = words[e].end;
        while (end > words[e].start && !IsAlnumByte(text[end - 1])) --end;
        ++e;
        if (end < words[e - 1].end) break;
      }
      if (end > words[k + 1].start) {
        vehicles.insert(FoldName(slice({words[k + 1].start, end})));
      }
    }
  }
  std::erase_if(cands,
                [&](const Candidate& c) { return vehicles.count(c.key) > 0; });
}

}  // namespace byline::rules
