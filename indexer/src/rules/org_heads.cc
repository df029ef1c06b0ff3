#include "rules/org_heads.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "byline/text.h"
#include "rules/word_lists.h"
#include "rules/words.h"

namespace byline::rules {

namespace {

// `name` without trailing spaces.
std::string_view Trimmed(std::string_view name) {
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  return name;
}

// The last word of `name` when it has two words or more; empty otherwise.
std::string_view LastOfSeveral(std::string_view name) {
  name = Trimmed(name);
  const size_t space = name.rfind(' ');
  return space == std::string_view::npos ? std::string_view()
                                         : name.substr(space + 1);
}

}  // namespace

bool EndsWithOrgHead(std::string_view name) {
  static const WordSet kHeads = {
      "Agency",       "Alliance",      "Association", "Associations",
      "Authority",    "Bureau",        "Coalition",   "Commission",
      "Committee",    "Confederation", "Consortium",  "Cooperative",
      "Co-operative", "Council",       "Federation",  "Forum",
      "Foundation",   "Institute",     "League",      "Lines",
      "Ministry",     "Movement",      "Network",     "Party",
      "Society",      "Syndicate",     "Trust"};
  return kHeads.count(LastOfSeveral(name)) > 0;
}

bool EndsWithCompanyHead(std::string_view name) {
  static const WordSet kHeads = {"Power",      "Energy",          "Airlines",
                                 "Airways",    "Motors",          "Holdings",
                                 "Industries", "Pharmaceuticals", "Group"};
  const std::string_view last = LastOfSeveral(name);
  return kHeads.count(last) > 0 || IsNewspaperWord(last);
}

bool EndsWithNewspaperName(std::string_view name) {
  // The newspaper heads that are surnames too, or words of a register.
  static const WordSet kSurnamesToo = {"Courier",  "Express", "Guardian",
                                       "Mail",     "Mercury", "Post",
                                       "Register", "Star",    "Sun"};
  const std::string_view last = LastOfSeveral(name);
  return IsNewspaperWord(last) && kSurnamesToo.count(last) == 0;
}

bool EndsWithLegislatureName(std::string_view name) {
  // National and regional parliaments' names in their own languages, as
  // English news writes them. Not "Cortes" (a surname) or "Diet" (a
  // word).
  static const WordSet kLegislatures = {
      "Althing",    "Althingi",   "Bundesrat",     "Bundestag",   "Congreso",
      "Dáil",       "Duma",       "Eduskunta",     "Folketing",   "Folketinget",
      "Kenesh",     "Khural",     "Knesset",       "Landtag",     "Løgting",
      "Majlis",     "Majles",     "Mazhilis",      "Nationalrat", "Oireachtas",
      "Rada",       "Riigikogu",  "Riksdag",       "Riksdagen",   "Sabor",
      "Saeima",     "Sangsad",    "Seanad",        "Seimas",      "Sejm",
      "Skupština",  "Skupshtina", "Sobranie",      "Sobranje",    "Storting",
      "Stortinget", "Tynwald",    "Verkhovna Rada"};
  return kLegislatures.count(Trimmed(name)) > 0 ||
         kLegislatures.count(LastOfSeveral(name)) > 0;
}

bool IsBankCompound(std::string_view name) {
  // One word of eight letters or more: "Commerzbank", "Sberbank"; not
  // "Burbank" or "Eubank".
  return name.size() >= 8 && name.ends_with("bank") &&
         std::isupper(static_cast<unsigned char>(name[0])) &&
         std::all_of(name.begin() + 1, name.end(), [](char ch) {
           return std::islower(static_cast<unsigned char>(ch));
         });
}

void TypeByOrgHeads(const ArticleText& a, std::vector<Candidate>* out) {
  std::vector<Candidate>& cands = *out;
  const auto slice = [&](TextRange r) { return a.Slice(r); };
  for (Candidate& c : cands) {
    // A bank named in one word, where the tagger saw a person or a place,
    // unless the lists know the name as a person's or a town.
    if (c.type != EntityType::kOrg && c.type != EntityType::kDate &&
        IsBankCompound(slice(c.range)) && RuleOn("bankword")) {
      const NerTagger::NameFacts f = a.tagger->LookUpName(slice(c.range));
      if (!f.person && !f.city) c.type = EntityType::kOrg;
      continue;
    }
    if (c.type != EntityType::kOrg && c.type != EntityType::kDate &&
        (EndsWithOrgHead(slice(c.range)) ||
         EndsWithLegislatureName(slice(c.range)) ||
         (c.type == EntityType::kPlace &&
          EndsWithCompanyHead(slice(c.range))) ||
         EndsWithNewspaperName(slice(c.range)))) {
      c.type = EntityType::kOrg;
    }
  }
  // A broadcaster's news service is named with it: "CBC News", "ABC
  // News" are one name where the tagger stopped before "News" (a
  // capitalised word after "News" makes it a longer name, left alone).
  const std::string_view text = a.text;
  for (Candidate& c : cands) {
    if (c.type != EntityType::kOrg || c.fixed ||
        text.substr(c.range.end, 5) != " News") {
      continue;
    }
    const size_t end = c.range.end + 5;
    if (end < text.size() && IsAlnumByte(text[end])) continue;  // "Newsom"
    size_t next = end;
    while (next < text.size() && text[next] == ' ') ++next;
    if (next > end && next < text.size() &&
        IsUpperInitial(text.substr(next, 2))) {
      continue;
    }
    const bool taken =
        std::any_of(cands.begin(), cands.end(), [&](const Candidate& o) {
          return &o != &c && o.range.start < end && c.range.end < o.range.end;
        });
    if (!taken) SetRange(text, {c.range.start, end}, &c);
  }
}

}  // namespace byline::rules
