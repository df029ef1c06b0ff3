// The word lists the rule stages share: titles, months and weekdays,
// opening words, heads of institutions, places and facilities, legal
// forms, newspapers. Pure text.
#ifndef BYLINE_INDEX_RULES_WORD_LISTS_H_
#define BYLINE_INDEX_RULES_WORD_LISTS_H_

#include <string_view>

namespace byline::rules {

// Titles and honorifics that precede a person's name but are not part of
// it. Matched case-sensitively: they are capitalised in that position.
bool IsTitleWord(std::string_view w);

bool IsMonthOrWeekday(std::string_view key);

// The capital of a sovereign state as English news writes it ("Kyiv",
// "Kiev", "Washington", "Mexico City"): the states of world-countries
// 5.x (npm, ODbL) that are independent or UN members, with a few
// spellings news also uses. Case-sensitive.
bool IsCapitalCity(std::string_view name);

// A capitalised month or weekday name ("March", "Friday").
bool IsMonthOrWeekdayWord(std::string_view w);

// Words that open sentences and never open a name: conjunctions,
// prepositions, pronouns, determiners and sentence adverbs, capitalised
// because they come first ("While Richardson was ...", "After Ana Berg ...").
bool IsOpeningWord(std::string_view w);

// A company's legal form: "Inc.", "Ltd", "GmbH". With `letter_codes`,
// also the continental two- and three-letter forms ("AG", "SA", "NV"),
// which are too often something else to call a name that is only one of
// them no company.
bool IsLegalForm(std::string_view w, bool letter_codes);

// "North", "southern", ...: words that make "South Korean" a nationality.
bool IsCompassWord(std::string_view folded);

// Heads of names of institutions, which take an "of" or "for" phrase as
// part of the name ("Society of Jesus", "Museum of Natural History",
// "Foundation for Economic Education").
bool IsInstitutionHead(std::string_view w);
// The last word of a company's name that says what it does ("Airlines",
// "Motors", "Industries"), as written in a name (title case).
bool IsCompanyKind(std::string_view w);

// Heads of place names that take an "of" phrase: "Bay of Pigs".
bool IsGeographicHead(std::string_view w);

// Last words of the names of buildings and other facilities, which the
// GUM style (like OntoNotes FAC) counts as places, whatever organisation
// runs them: "Azadi Stadium", "Lovell Space Center". `strict` leaves out
// those that are also common surnames ("Hall", "Park").
bool IsFacilityHead(std::string_view w, std::string_view before, bool strict);

// First words of institutions' names in other languages (Italian,
// Spanish, Portuguese, French, German): "Instituto X" is a school, not a
// person called Instituto X.
bool IsForeignInstitutionHead(std::string_view w);

// Saints in place and church names: "San Marco", "Santo Spirito",
// "Sainte-Chapelle" are places (a church, a town), never a person's name.
// "New" and "Old" in Polish, which begin town and district names ("Nowy
// Sącz", "Nowa Huta", "Stare Miasto") and no one's name.
bool IsPolishNewOrOld(std::string_view w);

bool IsSaintWord(std::string_view w);

// Street names in other languages: one word ending with a street word
// ("Friedrichstrasse", "Herrengasse", "Marienplatz") or a name starting
// with one ("Rue de Rivoli", "Via Appia", "Calle Mayor").
bool IsStreetName(std::string_view first, size_t words);

// Last words of newspapers' names: "Herald", "Gazette", "Times" ...
bool IsNewspaperWord(std::string_view w);

// Common nouns for an organisation that a name in apposition follows:
// "the magazine Nordlys", "the band X", "the schools A and B".
bool IsOrganisationNoun(std::string_view w);

// Small words inside long institutional names, in English and in the
// languages of IsForeignInstitutionHead().
bool IsNameLinkWord(std::string_view w);

}  // namespace byline::rules

#endif  // BYLINE_INDEX_RULES_WORD_LISTS_H_
