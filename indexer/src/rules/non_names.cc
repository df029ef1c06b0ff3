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
  const auto demonym = [&](std::string_view word) {
    const auto [it, added] = demonyms.emplace(word, false);
    if (!added) return it->second;
    if (tagger->LookUpWord(word).demonym) return it->second = true;
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
  // "Kurdish fighters"): CoNLL's MISC, unless the word is part of a
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
      "Māori",       "Sámi",         "Inuit"};
  std::set<std::string_view> person_words;
  for (const Candidate& c : cands) {
    if (c.type != EntityType::kPerson) continue;
    const std::vector<TextRange> words = Words(text, c.range);
    if (words.size() < 2) continue;
    for (const TextRange& w : words) person_words.insert(slice(w));
  }
  std::erase_if(cands, [&](const Candidate& c) {
    const std::vector<TextRange> words = Words(text, c.range);
    if (RuleOn("belief") && words.size() == 1 &&
        kBeliefs.count(slice(words[0])) &&
        !person_words.count(slice(words[0]))) {
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
