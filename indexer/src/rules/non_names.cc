#include "rules/non_names.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "byline/text.h"
#include "rules/match_reports.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

namespace {

// A word formed from a place's name with a nationality's ending, which the
// demonym lists lack because the place's name is old or local:
// "Zairean" (Zaire), "Yugoslav" (Yugoslavia), where the place is a
// country or the article names it as a place. Not a word the lists know
// as a name, a given name ("Adrian": Adria) or a common word.
bool FormedFromPlaceName(const NerTagger* tagger, std::string_view w,
                         const std::set<std::string>& article_places) {
  if (w.size() < 5 || !IsUpperInitial(w)) return false;
  const NerTagger::WordFacts word = tagger->LookUpWord(w);
  if (word.given_name || word.common) return false;
  const NerTagger::NameFacts self = tagger->LookUpName(w);
  // (Silver training data tags some nationalities as places: "Yugoslav"
  // is one there; that does not count.)
  if (self.person || self.org || self.gazetteer_place || self.gazetteer_org)
    return false;
  // A country, or a place the article names ("Zaire", "Cochabamba").
  const auto place = [&](const std::string& p) {
    return article_places.count(FoldName(p)) > 0 ||
           tagger->LookUpName(p).country;
  };
  const std::string whole(w);
  // "Yugoslav" (Yugoslavia), "Czechoslovak": the forms that drop "ia".
  if ((w.back() == 'v' || w.back() == 'k') &&
      (place(whole + "ia") || place(whole + "a"))) {
    return true;
  }
  if (!w.ends_with("an") && !w.ends_with("ese")) return false;
  for (const std::string_view suffix : {"ean", "ian", "an", "ese"}) {
    if (!w.ends_with(suffix) || w.size() < suffix.size() + 3) continue;
    const std::string stem(w.substr(0, w.size() - suffix.size()));
    for (const char* add : {"", "a", "ia", "e", "o"}) {
      if (place(stem + add)) return true;
    }
  }
  return false;
}

}  // namespace

void DropNonNames(const ArticleText& a,
                  const std::map<std::string, std::string>& acronym_of,
                  std::vector<Candidate>* out) {
  const std::string_view text = a.text;
  const NerTagger* tagger = a.tagger;
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  // The lists know "South Korean"; then "Korean" is one too.
  // Looked up once a word: most candidates are names met before.
  std::unordered_map<std::string_view, bool> demonyms;
  // The article's places by key, gathered for the first word that needs
  // them.
  std::set<std::string> article_places;
  bool places_gathered = false;
  const auto demonym = [&](std::string_view word) {
    const auto [it, added] = demonyms.emplace(word, false);
    if (!added) return it->second;
    if (tagger->LookUpWord(word).demonym) return it->second = true;
    // Rule 'demonymform': "Zairean", "Yugoslav".
    if (RuleOn("demonymform") && word.size() >= 5 &&
        (word.ends_with("an") || word.ends_with("ese") || word.back() == 'v' ||
         word.back() == 'k')) {
      if (!places_gathered) {
        for (const Candidate& c : cands) {
          if (c.type == EntityType::kPlace) article_places.insert(c.key);
        }
        places_gathered = true;
      }
      if (FormedFromPlaceName(tagger, word, article_places))
        return it->second = true;
    }
    for (std::string_view c : {"North ", "South ", "East ", "West "}) {
      if (tagger->LookUpWord(std::string(c) + std::string(word)).demonym) {
        return it->second = true;
      }
    }
    return false;
  };
  // Faiths, their followers and feasts ("Islam", "Buddhist", "the
  // Hajj"), and the adjectives of home nations, regions and peoples that
  // the country lists lack ("English captain", "a Breton lighthouse",
  // "Kurdish fighters"; "Saudi", which they hold as a short name of the
  // country, is the nationality in news: "Saudi Arabia" names the
  // country): CoNLL's MISC, unless the word is part of a
  // longer person name in the article ("Christian Lund" ... "Christian
  // said"). Words that also name a club or a city ("Celtic", "Roma") are
  // not listed.
  static const WordSet kBeliefs = {
      "Islam",       "Christianity", "Buddhism",   "Hinduism",    "Judaism",
      "Sikhism",     "Jainism",      "Taoism",     "Catholicism", "Muslim",
      "Muslims",     "Christian",    "Christians", "Buddhist",    "Buddhists",
      "Hindu",       "Hindus",       "Jew",        "Jews",        "Jewish",
      "Sikh",        "Sikhs",        "Catholic",   "Catholics",   "Protestant",
      "Protestants", "Islamic",      "Mormon",     "Mormons",     "Sunni",
      "Sunnis",      "Shia",         "Shiite",     "Shiites",     "Hajj",
      "Ramadan",     "Eid",          "Easter",     "Christmas",   "Passover",
      "Diwali",      "Hanukkah",     "English",    "Scottish",    "Welsh",
      "Scots",       "Cornish",      "Breton",     "Bretons",     "Basque",
      "Basques",     "Catalan",      "Catalans",   "Flemish",     "Walloon",
      "Bavarian",    "Corsican",     "Sardinian",  "Sicilian",    "Alsatian",
      "Galician",    "Frisian",      "Andalusian", "Tyrolean",    "Kashubian",
      "Silesian",    "Sorbian",      "Occitan",    "Kurdish",     "Kurds",
      "Tamil",       "Tamils",       "Tibetan",    "Tibetans",    "Uyghur",
      "Uyghurs",     "Chechen",      "Chechens",   "Tatar",       "Tatars",
      "Pashtun",     "Berber",       "Bedouin",    "Druze",       "Rohingya",
      "Yoruba",      "Igbo",         "Hausa",      "Zulu",        "Maori",
      "Māori",       "Sámi",         "Inuit",      "Saudi",       "Saudis"};
  const std::set<std::string_view> person_words =
      WordsOfLongerNames(a, cands, EntityType::kPerson);
  std::erase_if(cands, [&](const Candidate& c) {
    const std::vector<TextRange> words = Words(text, c.range);
    // In capitals as written elsewhere ("SAUDI" in a headline).
    const std::string_view one = slice(words[0]);
    const std::string as_written =
        words.size() == 1 && one.size() > 2 && AllUpper(one) ? TitleCase(one)
                                                             : std::string(one);
    if (RuleOn("belief") && words.size() == 1 && kBeliefs.count(as_written) &&
        !person_words.count(one)) {
      return true;
    }
    // Abbreviations of common nouns are no names, whatever the tagger
    // made of them ("DNA", "GDP", "the CEO", rule 'abbrev'), unless the
    // article spells one out as a name ("International Cycling Union
    // (ICU)").
    static const WordSet kCommonAbbreviations = {
        "AIDS", "ATM", "BBQ", "CCTV", "CD",  "CEO", "CFO", "COO", "CPU",  "CTO",
        "DIY",  "DJ",  "DNA", "DVD",  "ECG", "FAQ", "GDP", "GPS", "GPU",  "HIV",
        "HTML", "ICU", "ID",  "IQ",   "ISP", "IVF", "LCD", "LED", "LGBT", "MBA",
        "MRI",  "NGO", "PDF", "PhD",  "PIN", "RAM", "RNA", "RSS", "SIM",  "SMS",
        "SUV",  "UFO", "URL", "USB",  "VAT", "VIP", "VR"};
    if (RuleOn("abbrev") && words.size() == 1 &&
        kCommonAbbreviations.count(slice(c.range)) &&
        !acronym_of.count(c.key)) {
      return true;
    }
    // A country's code on its currency ("US$ 20", "NZ $26 million") is
    // part of an amount, not a mention of the place (rule 'currency').
    if (RuleOn("currency") && c.type == EntityType::kPlace &&
        words.size() == 1 && IsAcronym(slice(c.range))) {
      size_t p = c.range.end;
      if (p < text.size() && text[p] == ' ') ++p;
      if (p < text.size() && text[p] == '$') return true;
    }
    if (words.empty() || !demonym(slice(words.back()))) return false;
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      if (!IsCompassWord(FoldName(slice(words[i])))) return false;
    }
    return true;
  });
}

}  // namespace byline::rules
