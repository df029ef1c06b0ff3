#include "rules/word_lists.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/candidate.h"
#include "rules/words.h"

namespace byline::rules {

bool IsTitleWord(std::string_view w) {
  static const WordSet kTitles = {"President",
                                  "Prime",
                                  "Minister",
                                  "Secretary",
                                  "General",
                                  "Mr",
                                  "Mr.",
                                  "Mrs",
                                  "Mrs.",
                                  "Ms",
                                  "Ms.",
                                  "Dr",
                                  "Dr.",
                                  "Sir",
                                  "Dame",
                                  "Lord",
                                  "Lady",
                                  "Chancellor",
                                  "King",
                                  "Queen",
                                  "Prince",
                                  "Princess",
                                  "Pope",
                                  "Senator",
                                  "Sen.",
                                  "Rep.",
                                  "Representative",
                                  "Governor",
                                  "Gov.",
                                  "Mayor",
                                  "Judge",
                                  "Justice",
                                  "Professor",
                                  "Emeritus",
                                  "Prof.",
                                  "Foreign",
                                  "Defence",
                                  "Defense",
                                  "Finance",
                                  "Interior",
                                  "Health",
                                  "Deputy",
                                  "Vice",
                                  "Chief",
                                  "Executive",
                                  "Chairman",
                                  "Chairwoman",
                                  "Captain",
                                  "Capt.",
                                  "Gen.",
                                  "Colonel",
                                  "Col.",
                                  "Lieutenant",
                                  "Lt.",
                                  "Sergeant",
                                  "Sgt.",
                                  "Coach",
                                  "Rev.",
                                  "Reverend",
                                  "Ambassador",
                                  "Commissioner",
                                  "Director",
                                  "CEO",
                                  "Speaker",
                                  "Premier",
                                  "Councillor",
                                  "Inspector",
                                  "Detective",
                                  "Officer",
                                  "Biologist",
                                  "Economist",
                                  "Analyst",
                                  "Spokesman",
                                  "Spokeswoman",
                                  "Undersecretary",
                                  "Under-Secretary",
                                  // Players' roles in sports copy ("Paceman
                                  // Wasim Akram", "Striker Alan Shearer").
                                  "Paceman",
                                  "Spinner",
                                  "Leg-spinner",
                                  "Seamer",
                                  "Skipper",
                                  "Striker",
                                  "Midfielder",
                                  "Defender",
                                  "Goalkeeper",
                                  "Winger",
                                  "Quarterback",
                                  "Pitcher"};
  return kTitles.count(w) > 0;
}

bool IsCapitalCity(std::string_view name) {
  // clang-format off
  static const WordSet kCapitals = {
      "Abu Dhabi", "Abuja", "Accra", "Addis Ababa", "Algiers", "Amman",
      "Amsterdam", "Andorra la Vella", "Ankara", "Antananarivo", "Apia",
      "Ashgabat", "Asmara", "Astana", "Asunción", "Athens", "Baghdad", "Baku",
      "Bamako", "Bandar Seri Begawan", "Bangkok", "Bangui", "Banjul",
      "Basseterre", "Beijing", "Beirut", "Belgrade", "Belmopan", "Berlin",
      "Bern", "Bishkek", "Bissau", "Bloemfontein", "Bogotá", "Brasília",
      "Bratislava", "Brazzaville", "Bridgetown", "Brussels", "Bucharest",
      "Budapest", "Buenos Aires", "Cairo", "Canberra", "Cape Town", "Caracas",
      "Castries", "Chișinău", "City of San Marino", "Colombo", "Conakry",
      "Copenhagen", "Dakar", "Damascus", "Delhi", "Dhaka", "Dili", "Djibouti",
      "Dodoma", "Doha", "Dublin", "Dushanbe", "Freetown", "Funafuti",
      "Gaborone", "Georgetown", "Gitega", "Guatemala City", "Hanoi", "Harare",
      "Havana", "Helsinki", "Honiara", "Islamabad", "Jakarta", "Jerusalem",
      "Juba", "Kabul", "Kampala", "Kathmandu", "Khartoum", "Kiev", "Kigali",
      "Kingston", "Kingstown", "Kinshasa", "Kuala Lumpur", "Kuwait City",
      "Kyiv", "Libreville", "Lilongwe", "Lima", "Lisbon", "Ljubljana",
      "Lobamba", "Lomé", "London", "Luanda", "Lusaka", "Luxembourg", "Madrid",
      "Majuro", "Malabo", "Malé", "Managua", "Manama", "Manila", "Maputo",
      "Maseru", "Mexico City", "Minsk", "Mogadishu", "Monaco", "Monrovia",
      "Montevideo", "Moroni", "Moscow", "Muscat", "N'Djamena", "Nairobi",
      "Nassau", "Naypyidaw", "New Delhi", "Ngerulmud", "Niamey", "Nicosia",
      "Nouakchott", "Nuku'alofa", "Oslo", "Ottawa", "Ouagadougou", "Palikir",
      "Panama City", "Paramaribo", "Paris", "Phnom Penh", "Podgorica",
      "Port Louis", "Port Moresby", "Port Vila", "Port of Spain",
      "Port-au-Prince", "Porto-Novo", "Prague", "Praia", "Pretoria", "Pristina",
      "Pyongyang", "Quito", "Rabat", "Rangoon", "Reykjavik", "Riga", "Riyadh",
      "Rome", "Roseau", "Saint John's", "San José", "San Salvador", "Sana'a",
      "Santiago", "Santo Domingo", "Sarajevo", "Seoul", "Singapore", "Skopje",
      "Sofia", "South Tarawa", "St. George's", "Stockholm", "Sucre", "Suva",
      "São Tomé", "Taipei", "Tallinn", "Tashkent", "Tbilisi", "Tegucigalpa",
      "Tehran", "Thimphu", "Tirana", "Tokyo", "Tripoli", "Tunis", "Ulaanbaatar",
      "Ulan Bator", "Vaduz", "Valletta", "Vatican City", "Victoria", "Vienna",
      "Vientiane", "Vilnius", "Warsaw", "Washington", "Washington D.C.",
      "Wellington", "Windhoek", "Yamoussoukro", "Yangon", "Yaoundé", "Yaren",
      "Yerevan", "Zagreb"};
  // clang-format on
  return kCapitals.count(name) > 0;
}

bool IsMonthOrWeekday(std::string_view key) {
  static const WordSet kWords = {
      "january",  "february", "march",    "april",     "may",
      "june",     "july",     "august",   "september", "october",
      "november", "december", "monday",   "tuesday",   "wednesday",
      "thursday", "friday",   "saturday", "sunday"};
  return kWords.count(key) > 0;
}

bool IsMonthOrWeekdayWord(std::string_view w) {
  static const WordSet kWords = {
      "January",  "February", "March",    "April",     "May",
      "June",     "July",     "August",   "September", "October",
      "November", "December", "Monday",   "Tuesday",   "Wednesday",
      "Thursday", "Friday",   "Saturday", "Sunday"};
  return kWords.count(w) > 0;
}

bool IsOpeningWord(std::string_view w) {
  static const WordSet kWords = {
      "After",     "Also",    "Although",  "And",    "As",       "At",
      "Because",   "Before",  "But",       "By",     "Despite",  "During",
      "Each",      "Even",    "Every",     "For",    "From",     "Had",
      "Has",       "Have",    "He",        "Her",    "Here",     "His",
      "How",       "However", "If",        "In",     "Instead",  "Its",
      "Meanwhile", "My",      "Now",       "Once",   "Only",     "Or",
      "Our",       "Perhaps", "She",       "Since",  "So",       "Still",
      "That",      "Their",   "Then",      "There",  "These",    "They",
      "This",      "Those",   "Though",    "Thus",   "Today",    "Unlike",
      "Until",     "We",      "What",      "When",   "Whenever", "Where",
      "Whether",   "Which",   "While",     "Whilst", "Who",      "Why",
      "With",      "Without", "Yesterday", "Yet",    "You",      "Your"};
  return kWords.count(w) > 0;
}

bool IsLegalForm(std::string_view w, bool letter_codes) {
  static const WordSet kForms = {"Inc",   "Inc.", "Ltd", "Ltd.", "LLC", "Corp",
                                 "Corp.", "Co.",  "plc", "PLC",  "Plc", "GmbH"};
  static const WordSet kLetterCodes = {"AG",  "SA",  "S.A.", "NV", "N.V.",
                                       "ASA", "LLP", "Pty",  "Co"};
  return kForms.count(w) > 0 || (letter_codes && kLetterCodes.count(w) > 0);
}

bool IsCompassWord(std::string_view folded) {
  for (std::string_view w : {"north", "south", "east", "west", "northern",
                             "southern", "eastern", "western", "central"}) {
    if (folded == w) return true;
  }
  return false;
}

bool IsInstitutionHead(std::string_view w) {
  static const WordSet kHeads = {
      "Academy",      "Agency",    "Army",        "Assembly",    "Association",
      "Bank",         "Board",     "Brotherhood", "Bureau",      "Center",
      "Centre",       "Chamber",   "Church",      "College",     "Commission",
      "Committee",    "Company",   "Congress",    "Corporation", "Corps",
      "Council",      "Court",     "Daughters",   "Department",  "Federation",
      "Foundation",   "Friends",   "Fund",        "Gallery",     "Hospital",
      "Institute",    "Knights",   "League",      "Library",     "Ministry",
      "Museum",       "Navy",      "Office",      "Order",       "Orchestra",
      "Parliament",   "Party",     "School",      "Senate",      "Society",
      "Sons",         "Trust",     "Union",       "University",  "Organisation",
      "Organization", "Authority", "Service",     "Alliance",    "Front",
      "Movement",     "Guard",     "Force",       "Forces",      "Unions",
      "Municipality", "House"};
  return kHeads.count(w) > 0;
}

bool IsCompanyKind(std::string_view w) {
  static const WordSet kKinds = {
      "Airlines",   "Airways",         "Motors",  "Holdings",
      "Industries", "Pharmaceuticals", "Telecom", "Telecommunications"};
  return kKinds.count(w) > 0;
}

bool IsGeographicHead(std::string_view w) {
  static const WordSet kHeads = {
      "Bay",   "Cape",   "City",    "Commonwealth", "County",   "District",
      "Gulf",  "Island", "Islands", "Isle",         "Kingdom",  "Lake",
      "Mount", "Plains", "Port",    "Province",     "Republic", "Sea",
      "State", "Strait", "Straits", "Valley"};
  return kHeads.count(w) > 0;
}

bool IsFacilityHead(std::string_view w, std::string_view before, bool strict) {
  static const WordSet kHeads = {
      "Airport",   "Arena",   "Avenue",  "Boulevard", "Bridge", "Castle",
      "Cathedral", "Complex", "Hotel",   "Mosque",    "Palace", "Planetarium",
      "Road",      "Stadium", "Station", "Street",    "Temple"};
  static const WordSet kLoose = {"Hall",  "Park",   "Square",
                                 "Tower", "Towers", "Base"};
  // A centre is a place when it is a venue ("Space Center", "Convention
  // Centre"), not a research body ("Centre for Social Evolution").
  static const WordSet kVenues = {
      "Space",    "Science",    "Convention",    "Visitor",    "Shopping",
      "Trade",    "Art",        "Arts",          "Civic",      "Community",
      "Cultural", "Exhibition", "Sports",        "Conference", "Aquatic",
      "Heritage", "Events",     "Entertainment", "Performing", "Media",
      "Press",    "Leisure"};
  if (w == "Center" || w == "Centre") return kVenues.count(before) > 0;
  return kHeads.count(w) > 0 || (!strict && kLoose.count(w) > 0);
}

bool IsForeignInstitutionHead(std::string_view w) {
  static const WordSet kHeads = {
      "Instituto", "Istituto", "Institut", "Colegio", "Collegio", "Colégio",
      "Liceo", "Lycée", "Escuela", "Escola", "Scuola", "École", "Universidad",
      "Università", "Universidade", "Universität", "Université", "Hochschule",
      "Gymnasium", "Academia", "Accademia", "Akademie", "Académie", "Museo",
      "Musée", "Museu", "Banco", "Banca", "Banque", "Partido", "Partito",
      "Movimento", "Movimiento", "Ministerio", "Ministero", "Ministère",
      "Fundación", "Fondazione", "Fondation", "Stiftung", "Fundação", "Comune",
      "Ayuntamiento", "Prefeitura", "Confederación", "Confederazione",
      "Sindicato", "Sindacato",
      // Networks, associations, federations and councils in French,
      // Italian, Spanish, Portuguese, German and Polish.
      "Réseau", "Rete", "Association", "Associazione", "Asociación",
      "Associação", "Verein", "Verband", "Gesellschaft", "Syndicat",
      "Fédération", "Federación", "Federazione", "Comité", "Comitato",
      "Conseil", "Consiglio", "Consejo", "Stowarzyszenie", "Fundacja",
      "Związek"};
  return kHeads.count(w) > 0;
}

bool IsPolishNewOrOld(std::string_view w) {
  static const WordSet kWords = {"Nowy",  "Nowa",  "Nowe",
                                 "Stary", "Stara", "Stare"};
  return kWords.count(w) > 0;
}

bool IsSaintWord(std::string_view w) {
  static const WordSet kWords = {"San",  "Santo", "Santa",  "Santi", "Sant'",
                                 "São",  "Saint", "Sainte", "Sankt", "St.",
                                 "Ste.", "St",    "Ste"};
  return kWords.count(w) > 0;
}

bool IsStreetName(std::string_view first, size_t words) {
  static const WordSet kPrefixes = {
      "Rue",   "Via",   "Viale", "Piazza",    "Calle",  "Avenida", "Rua",
      "Plaza", "Praça", "Largo", "Boulevard", "Avenue", "Allee",   "Corso"};
  if (words >= 2) return kPrefixes.count(first) > 0;
  const std::string lower = AsciiLower(first);
  for (std::string_view suffix :
       {"strasse", "stra\u00dfe", "gasse", "platz", "allee", "damm", "ufer"}) {
    if (lower.size() > suffix.size() + 2 && lower.ends_with(suffix)) {
      return true;
    }
  }
  return false;
}

bool IsNewspaperWord(std::string_view w) {
  static const WordSet kWords = {
      "Advertiser", "Bulletin",  "Chronicle", "Courier",  "Dispatch",
      "Examiner",   "Express",   "Gazette",   "Guardian", "Herald",
      "Inquirer",   "Journal",   "Ledger",    "Mail",     "Mercury",
      "Observer",   "Post",      "Register",  "Sentinel", "Star",
      "Sun",        "Telegraph", "Times",     "Tribune"};
  return kWords.count(w) > 0;
}

bool IsOrganisationNoun(std::string_view w) {
  static const WordSet kNouns = {
      "school",       "schools",       "college",       "company",
      "companies",    "firm",          "group",         "band",
      "magazine",     "newspaper",     "newspapers",    "daily",
      "party",        "hospital",      "bank",          "charity",
      "club",         "team",          "broadcaster",   "network",
      "airline",      "publisher",     "label",         "organisation",
      "organization", "association",   "movement",      "carmaker",
      "automaker",    "retailer",      "startup",       "broadcasters",
      "charities",    "organisations", "organizations", "clubs",
      "teams",        "parties",       "banks",         "colleges",
      "universities", "university",    "militia",       "union"};
  return kNouns.count(w) > 0;
}

bool IsNameLinkWord(std::string_view w) {
  static const WordSet kWords = {"of",    "the",   "for", "and", "&",     "on",
                                 "in",    "de",    "di",  "del", "della", "dei",
                                 "degli", "delle", "des", "du",  "der",   "die",
                                 "und",   "y",     "e",   "et",  "da",    "do",
                                 "dos",   "das",   "la",  "le",  "per"};
  return kWords.count(w) > 0;
}

}  // namespace byline::rules
