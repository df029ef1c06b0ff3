// Each rule stage of the entity extractor (indexer/src/rules/, in the
// order docs/ner-model.md lists) on a made-up sentence where it matters:
// with the stage on, the extractor reports a mention it does not report
// with the stage off (or, for the stages that drop names, the other way
// round). The tagger is a list of made-up names (ListTagger) with the
// facts its name and word lists would give.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "byline/article.h"
#include "byline/index/entity_extractor.h"
#include "byline/index/passage_splitter.h"
#include "byline/index/txt_reader.h"
#include "support/list_tagger.h"

namespace byline {
namespace {

using Facts = NerTagger::NameFacts;
using WordFacts = NerTagger::WordFacts;
constexpr NerType kPer = NerType::kPerson, kOrg = NerType::kOrg,
                  kLoc = NerType::kPlace;

class StageTagger : public testing::ListTagger {
 public:
  StageTagger(std::vector<std::pair<std::string, NerType>> names,
              std::map<std::string, Facts> facts,
              std::map<std::string, WordFacts> words)
      : ListTagger(std::move(names)),
        facts_(std::move(facts)),
        words_(std::move(words)) {}
  Facts LookUpName(std::string_view name) const override {
    const auto it = facts_.find(std::string(name));
    return it == facts_.end() ? Facts() : it->second;
  }
  WordFacts LookUpWord(std::string_view word) const override {
    const auto it = words_.find(std::string(word));
    return it == words_.end() ? WordFacts() : it->second;
  }

 private:
  std::map<std::string, Facts> facts_;
  std::map<std::string, WordFacts> words_;
};

struct StageCase {
  const char* rule;
  std::vector<std::pair<std::string, NerType>> tagged;
  std::map<std::string, Facts> facts;
  std::map<std::string, WordFacts> words;
  const char* body;     // the article's text after its title
  const char* mention;  // "type name <- text"
  bool drops = false;   // the stage takes `mention` away
};

void PrintTo(const StageCase& c, std::ostream* os) { *os << c.rule; }

// "type name <- text" for each mention of `body` under a title.
std::vector<std::string> Mentions(const StageCase& c) {
  const StageTagger tagger(c.tagged, c.facts, c.words);
  Article article;
  EXPECT_TRUE(
      ParsePlainText(std::string("Title\n\n") + c.body + "\n", {}, &article)
          .ok());
  SplitOptions one_per_paragraph;
  one_per_paragraph.min_words = 0;
  const std::vector<Passage> passages =
      SplitPassages(article.text, article.paragraphs, one_per_paragraph);
  std::vector<std::string> out;
  for (const Mention& m :
       EntityExtractor(&tagger).Extract(article, passages).mentions) {
    out.push_back(std::string(EntityTypeName(m.type)) + " " + m.name + " <- " +
                  m.text);
  }
  return out;
}

bool Has(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// Mentions(c) with c's rule switched on, as it is by default for most
// rules (a few are off by default: candidate.cc, kRulesOffByDefault).
std::vector<std::string> MentionsWithRuleOn(const StageCase& c) {
  SetEntityRule(c.rule, true);
  std::vector<std::string> m = Mentions(c);
  ResetEntityRules();
  return m;
}

// Mentions(c) with c's rule switched off.
std::vector<std::string> MentionsWithRuleOff(const StageCase& c) {
  SetEntityRule(c.rule, false);
  std::vector<std::string> m = Mentions(c);
  ResetEntityRules();
  return m;
}

// The mentions ("type name <- text") a stage's case must and must not
// give with its rule on, and with it off.
struct Expected {
  std::vector<std::string> on = {}, not_on = {}, off = {}, not_off = {};
};

void ExpectStage(const StageCase& c, const Expected& e) {
  const std::vector<std::string> on = MentionsWithRuleOn(c);
  const std::vector<std::string> off = MentionsWithRuleOff(c);
  for (const std::string& x : e.on)
    EXPECT_TRUE(Has(on, x)) << x << " in " << ::testing::PrintToString(on);
  for (const std::string& x : e.not_on)
    EXPECT_FALSE(Has(on, x)) << x << " in " << ::testing::PrintToString(on);
  for (const std::string& x : e.off)
    EXPECT_TRUE(Has(off, x)) << x << " off: " << ::testing::PrintToString(off);
  for (const std::string& x : e.not_off)
    EXPECT_FALSE(Has(off, x)) << x << " off: " << ::testing::PrintToString(off);
}

Facts Place() {
  Facts f;
  f.gazetteer_place = true;
  return f;
}
Facts City() {
  Facts f = Place();
  f.city = true;
  return f;
}
Facts Country() {
  Facts f = Place();
  f.country = true;
  return f;
}
// A place by the training data only (silver sets tag some nationalities
// so).
Facts TrainingPlace() {
  Facts f;
  f.place = true;
  return f;
}
Facts ListedOrg() {
  Facts f;
  f.gazetteer_org = true;
  return f;
}
// What the training data also named as an organisation.
Facts KnownOrgToo(Facts f) {
  f.org = true;
  return f;
}
Facts ListedOrgAndPlace() {
  Facts f = ListedOrg();
  f.gazetteer_place = true;
  return f;
}
WordFacts Capital() {
  WordFacts f;
  f.dictionary_capital = true;
  return f;
}
WordFacts Common() {
  WordFacts f;
  f.common = true;
  return f;
}

class EntityStageTest : public ::testing::TestWithParam<StageCase> {};

TEST_P(EntityStageTest, TheStageMakesTheDifference) {
  const StageCase& c = GetParam();
  const std::vector<std::string> on = MentionsWithRuleOn(c);
  const std::vector<std::string> off = MentionsWithRuleOff(c);
  if (c.drops) {
    EXPECT_FALSE(Has(on, c.mention)) << ::testing::PrintToString(on);
    EXPECT_TRUE(Has(off, c.mention)) << ::testing::PrintToString(off);
  } else {
    EXPECT_TRUE(Has(on, c.mention)) << ::testing::PrintToString(on);
    EXPECT_FALSE(Has(off, c.mention)) << ::testing::PrintToString(off);
  }
}

const StageCase kCases[] = {
    {"countrycode",
     {},
     {{"U.K.", Country()}},
     {},
     "Trade with the U.K. rose in May.",
     "place U.K. <- U.K."},
    {"honorific",
     {},
     {},
     {},
     "The plan was backed by Mr Brannock on Monday.",
     "person Brannock <- Brannock"},
    {"gazorg",
     {},
     {{"Interpolis", ListedOrg()}},
     {},
     "Officers from Interpolis arrived in the port.",
     "org Interpolis <- Interpolis"},
    {"party",
     {},
     {},
     {},
     "Voters backed the Green party in the city.",
     "org Green party <- Green party"},
    {"hyphengiven",
     {{"Lam", kPer}},
     {},
     {},
     "The plan was drawn up by Lam Wai-keung last year.",
     "person Lam Wai-keung <- Lam Wai-keung"},
    {"ofphrase",
     {{"Museum", kOrg}, {"Coastal History", kOrg}},
     {},
     {},
     "The Museum of Coastal History opened a new wing.",
     "org Museum of Coastal History <- Museum of Coastal History"},
    {"heads",
     {{"Instituto Velmar", kPer}},
     {},
     {},
     "Researchers at the Instituto Velmar said so.",
     "org Instituto Velmar <- Instituto Velmar"},
    {"placenoun",
     {{"Dravna", kOrg}},
     {},
     {},
     "Floods hit the Dravna region overnight.",
     "place Dravna <- Dravna"},
    {"appos",
     {},
     {},
     {},
     "Fans cheered the band Velvet Harbour at the festival.",
     "org Velvet Harbour <- Velvet Harbour"},
    {"cityperson",
     {{"Kyivar", kPer}},
     {{"Kyivar", City()}},
     {},
     "Talks with Kyivar resumed on Monday.",
     "place Kyivar <- Kyivar"},
    {"placeprior",
     {{"Portel", kOrg}},
     {{"Portel", Place()}},
     {},
     "Tourists crowd the old streets of Portel in summer.",
     "place Portel <- Portel"},
    {"restate",
     {{"Harbour Court", kOrg}, {"Velmar Raad", kPer}},
     {},
     {},
     "The case went to the Harbour Court, the Velmar Raad, which ruled.",
     "org Velmar Raad <- Velmar Raad"},
    {"designation",
     {{"Corvane 6", kOrg}},
     {},
     {},
     "Delays to the Corvane 6 rocket left Europe without a launcher.",
     "org Corvane 6 <- Corvane 6",
     true},
    {"govplace",
     {{"Velmoria", kOrg}},
     {{"Velmoria", KnownOrgToo(Country())}},
     {},
     "Allies support Velmoria in different ways.",
     "place Velmoria <- Velmoria"},
    {"orgrole",
     {{"Velmor", kLoc}, {"Ada Lind", kPer}},
     {},
     {},
     "Velmor founder Ada Lind sold her shares.",
     "org Velmor <- Velmor"},
    {"legalform",
     {{"Tarsk Mills Ltd", kOrg}},
     {},
     {},
     "Tarsk Mills Ltd cut its prices.",
     "org Tarsk Mills <- Tarsk Mills Ltd"},
    {"qualified",
     {{"UN Fisheries Council", kOrg}, {"Fisheries Council", kOrg}},
     {{"UN", ListedOrgAndPlace()}},
     {},
     "The UN Fisheries Council met. Later the Fisheries Council voted.",
     "org UN Fisheries Council <- Fisheries Council"},
    {"surname",
     {{"Ana Lindqvist", kPer}},
     {},
     {},
     "Ana Lindqvist spoke first. Lindqvist said the port would open.",
     "person Ana Lindqvist <- Lindqvist"},
    {"placeshort",
     {{"North Varia", kLoc}, {"North", kLoc}},
     {},
     {},
     "Rain fell on North Varia. In the North roads closed.",
     "place North Varia <- North"},
    {"abbrev",
     {{"GDP", kOrg}},
     {},
     {},
     "The GDP of the region rose.",
     "org GDP <- GDP",
     true},
    {"currency",
     {{"NZ", kLoc}},
     {},
     {},
     "The deal cost NZ $26 million.",
     "place NZ <- NZ",
     true},
    {"belief",
     {{"Buddhist", kPer}},
     {},
     {},
     "The Buddhist monks prayed.",
     "person Buddhist <- Buddhist",
     true},
    {"common",
     {{"University", kOrg}},
     {},
     {{"University", Common()}},
     "University exhibits open today. Her university is large.",
     "org University <- University",
     true},
    {"vehicle",
     {{"Nordstjerna", kOrg}},
     {},
     {},
     "Passengers left the cruise ship Nordstjerna in the port.",
     "org Nordstjerna <- Nordstjerna",
     true},
    {"plural",
     {{"Lumas", kOrg}, {"Luma", kOrg}},
     {},
     {},
     "She bought two Lumas. A Luma costs little.",
     "org Lumas <- Lumas",
     true},
    {"agency",
     {{"Norvia", kLoc}},
     {{"Norvia", Country()}},
     {},
     "The figures from Statistics Norvia were published.",
     "org Statistics Norvia <- Statistics Norvia"},
    {"papername",
     {{"Tarnow", kLoc}, {"Times", kOrg}},
     {},
     {},
     "The Tarnow Times reported the fire.",
     "org Tarnow Times <- Times"},
    {"bankword",
     {{"Tarskbank", kPer}},
     {},
     {},
     "Economists at Tarskbank expected no change.",
     "org Tarskbank <- Tarskbank"},
    {"newsagency",
     {{"Tarsk-Press news", kOrg}},
     {},
     {},
     "Tarsk-Press news agency said the talks ended.",
     "org Tarsk-Press <- Tarsk-Press"},
    {"officecue",
     {{"Ana Berg", kPer}},
     {},
     {},
     "Velmora spokesman Ana Berg declined to comment.",
     "org Velmora <- Velmora"},
    {"legalext",
     {{"Tarskwerk", kPer}},
     {},
     {},
     "Tarskwerk AG said profits rose.",
     "org Tarskwerk <- Tarskwerk AG"},
    {"acrin",
     {{"Council for Tarsk Cooperation", kOrg}, {"Velmor", kLoc}},
     {},
     {},
     "The Council for Tarsk Cooperation in Velmor met. The CTCV said so.",
     "org Council for Tarsk Cooperation in Velmor <- Council for Tarsk "
     "Cooperation in Velmor"},
    {"legaltype",
     {{"Velmor Tarsk Corp", kPer}},
     {},
     {},
     "Velmor Tarsk Corp said profits rose.",
     "org Velmor Tarsk <- Velmor Tarsk Corp"},
    {"legalshort",
     {{"Tarskwerk AG", kOrg}, {"Tarskwerk", kPer}},
     {},
     {},
     "Tarskwerk AG said so. Later Tarskwerk said more.",
     "org Tarskwerk <- Tarskwerk"},
    {"credit",
     {{"Lindenallee", kLoc}},
     {},
     {},
     "A ferry at dawn. Photo: Lindenallee.",
     "person Lindenallee <- Lindenallee"},
    {"possessive",
     {{"Korean People", kOrg}, {"Army", kOrg}},
     {},
     {},
     "Units of the Korean People's Army moved north.",
     "org Korean People's Army <- Korean People's Army"},
    {"partyshort",
     {{"Harbour Party", kOrg}, {"Harbour", kOrg}},
     {},
     {},
     "The Harbour Party won. Support for Harbour rose.",
     "org Harbour Party <- Harbour"},
    {"theplace",
     {{"Haagen", kLoc}},
     {},
     {},
     "The court in The Haagen ruled.",
     "place The Haagen <- The Haagen"},
    {"placelink",
     {{"Vila Serra", kLoc}, {"Tavo", kLoc}},
     {},
     {},
     "Visitors cross to Vila Serra de Tavo.",
     "place Vila Serra de Tavo <- Vila Serra de Tavo"},
    {"cue",
     {{"Kazmark", kPer}},
     {},
     {},
     "The race ran through the old quarter of Kazmark.",
     "place Kazmark <- Kazmark"},
    {"orghead",
     {{"Ashcombe Heritage Forum", kLoc}},
     {},
     {},
     "The Ashcombe Heritage Forum met on Monday.",
     "org Ashcombe Heritage Forum <- Ashcombe Heritage Forum"},
    {"opener",
     {{"While Brannock", kPer}},
     {},
     {},
     "The port reopened. While Brannock was away, nothing moved.",
     "person Brannock <- Brannock"},
    {"storm",
     {{"Tilda", kPer}},
     {},
     {},
     "Hurricane Tilda reached the coast. Tilda made landfall at noon.",
     "person Tilda <- Tilda",
     true},
    {"dateline",
     {{"Tarsk", kPer}},
     {{"Tarsk", Place()}},
     {},
     "TARSK, Velmoria (AP) - The port reopened on Monday.",
     "place Tarsk <- TARSK"},
    {"bylineplace",
     {{"Tarsk", kPer}},
     {},
     {},
     "By Ada Lind | Tarsk | 3 May 2025\n\nRockets have flown from Tarsk "
     "since 1960.",
     "place Tarsk <- Tarsk"},
    {"acrany",
     {{"Doctors Without Borders", kOrg}},
     {},
     {},
     "Doctors Without Borders (MSF) sent a team.",
     "org MSF <- MSF"},
    {"acrfirst",
     {{"UNC", kOrg}},
     {},
     {},
     "The UNC (National Union of Consumers) sued the firm.",
     "org UNC <- National Union of Consumers"},
    {"acrrun",
     {{"National Union", kOrg}},
     {},
     {},
     "The National Union of Consumers and Tenants (UNCT) sued.",
     "org UNCT <- National Union of Consumers and Tenants"},
    {"pluralacr",
     {{"SUVs", kOrg}},
     {},
     {},
     "Dealers sold more SUVs this year.",
     "org SUVs <- SUVs",
     true},
    {"dotted",
     {{"United Nations", kOrg}},
     {},
     {},
     "The United Nations met. The U.N. said little.",
     "org U.N. <- U.N."},
    {"geoof",
     {{"State", kLoc}},
     {{"Varnia", Place()}},
     {},
     "Floods hit the State of Varnia in May.",
     "place State of Varnia <- State of Varnia"},
    {"lowertail",
     {{"Daugava river", kLoc}},
     {},
     {},
     "Boats crossed the Daugava river at dawn.",
     "place Daugava <- Daugava"},
    {"modifier",
     {{"Labour-led Council", kOrg}},
     {},
     {},
     "The Labour-led Council voted.",
     "org Council <- Council"},
    {"ampersand",
     {{"Plan &", kOrg}},
     {},
     {},
     "The charity Plan & Grow opened a school.",
     "org Plan & Grow <- Plan & Grow"},
    {"adjective",
     {{"South Bohemian", kLoc}},
     {},
     {{"Bohemian", Capital()}},
     "Grants reach South Bohemian towns.",
     "place South Bohemian <- South Bohemian",
     true},
    {"posshead",
     {{"Korean People", kOrg}, {"Army", kOrg}},
     {},
     {},
     "Units of the Korean People's Army moved north.",
     "org Korean People's Army <- Army"},
    {"facfind",
     {},
     {},
     {},
     "Tourists visited the Blue Mosque at dawn.",
     "place Blue Mosque <- Blue Mosque"},
    {"sportevent",
     {{"Olympics", kOrg}},
     {},
     {},
     "Athletes trained for the Olympics all year.",
     "org Olympics <- Olympics",
     true},
    {"acrper",
     {{"Ana Lind", kPer}},
     {},
     {},
     "The motion came from Ana Lind of the PDU on Monday.",
     "org PDU <- PDU"},
    // A run of capitals the tagger missed, spelled by an acronym.
    {"acronym",
     {},
     {},
     {},
     "The Nordic Press Agency reported it. NPA gave no date.",
     "org NPA <- NPA"},
    {"facility",
     {{"Lovell", kPer}, {"Space Center", kOrg}},
     {},
     {},
     "Crews trained at Lovell Space Center in May.",
     "place Lovell Space Center <- Lovell Space Center"},
    // The join alone: without it the tagger's two names stay apart.
    {"facjoin",
     {{"Lovell", kPer}, {"Space Center", kOrg}},
     {},
     {},
     "Crews trained at Lovell Space Center in May.",
     "place Lovell Space Center <- Lovell Space Center"},
    {"caps",
     {{"BAAR", kOrg}},
     {{"Baar", City()}},
     {},
     "Officials in BAAR said the plant would close in May.",
     "place Baar <- BAAR"},
    {"results",
     {{"Tarnow", kLoc}, {"Orlen", kOrg}},
     {{"Tarnow", City()}},
     {},
     "Tarnow beat Orlen 2-1 on Saturday.",
     "org Tarnow <- Tarnow"},
    {"event",
     {{"Nordel Science Fair", kOrg}, {"Nordel", kOrg}},
     {},
     {},
     "She won the Nordel Science Fair, and Nordel hired her.",
     "org Nordel Science Fair <- Nordel Science Fair",
     true},
    {"royal",
     {},
     {},
     {},
     "The bridge was opened by King Arvid in May.",
     "person Arvid <- Arvid"},
    {"outlet",
     {},
     {},
     {},
     "Reporters at the Tarnow Herald said so.",
     "org Tarnow Herald <- Tarnow Herald"},
};

INSTANTIATE_TEST_SUITE_P(Stages, EntityStageTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<StageCase>& info) {
                           return std::string(info.param.rule);
                         });

// The place field of a byline is found when the lists know it, even where
// the tagger found nothing; an organisation's field (a news agency) and a
// date's are left alone.
TEST(BylinePlaceTest, ListedPlaceFoundAgencyAndDateLeft) {
  const StageCase listed{"bylineplace",
                         {{"Norpress", kOrg}},
                         {{"Vellmoor", City()}, {"Norpress", ListedOrg()}},
                         {},
                         "By Ada Lind \u00b7 Vellmoor \u00b7 Norpress \u00b7 "
                         "Updated 10:42 Monday\n\nThe port reopened.",
                         ""};
  const std::vector<std::string> m = Mentions(listed);
  EXPECT_TRUE(Has(m, "place Vellmoor <- Vellmoor"))
      << ::testing::PrintToString(m);
  EXPECT_TRUE(Has(m, "org Norpress <- Norpress"))
      << ::testing::PrintToString(m);
  for (const std::string& s : m) EXPECT_EQ(s.find("Monday"), std::string::npos);
}

// A capital standing for its government is a place; where the article
// names an organisation after it, the city's name alone may be short for
// that organisation, and is left to the tagger.
TEST(GovPlaceTest, CapitalIsPlaceUnlessAnOrganisationHasItsName) {
  const StageCase capital{"govplace",
                          {{"Vilnius", kOrg}},
                          {{"Vilnius", KnownOrgToo(City())}},
                          {},
                          "Talks with Vilnius resumed on Monday.",
                          ""};
  std::vector<std::string> m = Mentions(capital);
  EXPECT_TRUE(Has(m, "place Vilnius <- Vilnius"))
      << ::testing::PrintToString(m);
  StageCase university = capital;
  university.tagged.push_back({"Vilnius University", kOrg});
  university.body =
      "Vilnius University hired her. Vilnius awarded the prize on Monday.";
  m = Mentions(university);
  EXPECT_TRUE(Has(m, "org Vilnius <- Vilnius")) << ::testing::PrintToString(m);
}

// Regions' and peoples' adjectives are no names either ("a Breton
// lighthouse", "Kurdish fighters"), but a listed word that is part of a
// person's longer name in the article stays ("Tamil Selvan" ... "Tamil").
TEST(BeliefTest, RegionalAdjectivesDroppedUnlessPartOfAPersonsName) {
  const StageCase c{"belief",
                    {{"Breton", kLoc},
                     {"Kurdish", kOrg},
                     {"Tamil", kPer},
                     {"Tamil Selvan", kPer}},
                    {},
                    {},
                    "The Breton lighthouse reopened. Kurdish fighters left. "
                    "Tamil Selvan spoke first; Tamil said the talks went well.",
                    ""};
  const std::vector<std::string> m = Mentions(c);
  for (const std::string& s : m) {
    EXPECT_EQ(s.find("Breton"), std::string::npos) << s;
    EXPECT_EQ(s.find("Kurdish"), std::string::npos) << s;
  }
  EXPECT_TRUE(Has(m, "person Tamil <- Tamil")) << ::testing::PrintToString(m);
}

// A company's head turns a place into an organisation, not a person: some
// are surnames too.
TEST(OrgHeadStageTest, CompanyHeadsTypePlacesNotPeople) {
  const StageCase c{"orghead",
                    {{"Northland Power", kLoc},
                     {"Tyrone Power", kPer},
                     {"Tarsk Evening Dispatch", kPer}},
                    {},
                    {},
                    "Canada's Northland Power built it. Tyrone Power starred. "
                    "The Tarsk Evening Dispatch reported it.",
                    ""};
  // A newspaper's head that is nobody's surname: a person too.
  ExpectStage(c, {.on = {"org Tarsk Evening Dispatch <- Tarsk Evening Dispatch",
                         "org Northland Power <- Northland Power",
                         "person Tyrone Power <- Tyrone Power"},
                  .off = {"place Northland Power <- Northland Power"}});
}

// A name in a headline in capitals keeps the type the article gives it
// where it is written in lower case, and a surname there is its person,
// whatever the lists say of the word ("Newcastle", "Norman": cities).
// A name in capitals the article writes nowhere else is still named as
// the lists know it.
TEST(CapitalsTest, HeadlineNamesKeepTheArticlesType) {
  const StageCase c{"caps",
                    {{"NEWCASTLE", kLoc},
                     {"Newcastle", kOrg},
                     {"NORMAN", kLoc},
                     {"Greg Norman", kPer},
                     {"DURHAM", kOrg}},
                    {{"Newcastle", KnownOrgToo(City())},
                     {"Norman", City()},
                     {"Durham", City()}},
                    {},
                    "SOCCER - NEWCASTLE GO CLEAR, NORMAN LEADS IN DURHAM\n"
                    "Newcastle went clear at the top. Newcastle won again. "
                    "Greg Norman led the golf.",
                    ""};
  ExpectStage(
      c, {.on = {"org Newcastle <- NEWCASTLE", "person Greg Norman <- NORMAN",
                 "place Durham <- DURHAM"},
          .not_on = {"place Newcastle <- NEWCASTLE"},
          .off = {"org DURHAM <- DURHAM"}});
}

// Names in a headline in capitals that the article does not write again
// are found when the lists know them: a country, a town, a body, a
// person; common words, nationalities and runs of common words are not.
TEST(CapitalsTest, HeadlineNamesTheListsKnow) {
  WordFacts common;
  common.common = true;
  WordFacts demonym;
  demonym.demonym = true;
  Facts person;
  person.person = true;
  const StageCase c{"capsfind",
                    {},
                    {{"Norland", Country()},
                     {"Tarsk", City()},
                     {"Vellmar Bank", ListedOrg()},
                     {"Lebrov", person},
                     {"Talks", City()},
                     {"Eastern Conference", ListedOrg()},
                     {"European", TrainingPlace()}},
                    {{"Talks", common},
                     {"TALKS", common},
                     {"Eastern", common},
                     {"EASTERN", common},
                     {"Conference", common},
                     {"CONFERENCE", common},
                     {"Norlandic", demonym}},
                    "NORLAND'S LEBROV SAYS TARSK TALKS WITH VELLMAR BANK "
                    "GO ON\nNORLANDIC EASTERN CONFERENCE MEETS IN EUROPEAN "
                    "TALKS\n"
                    "The talks went on for a second day in Tarsk.",
                    ""};
  ExpectStage(
      c, {.on = {"place Norland <- NORLAND", "person Lebrov <- LEBROV",
                 "place Tarsk <- TARSK", "org Vellmar Bank <- VELLMAR BANK",
                 // Found again in the text, where the tagger missed it.
                 "place Tarsk <- Tarsk"},
          .not_on = {"place Talks <- TALKS",
                     "org Eastern Conference <- EASTERN CONFERENCE",
                     "place European <- EUROPEAN"},
          .not_off = {"place Norland <- NORLAND", "place Tarsk <- TARSK",
                      "place Tarsk <- Tarsk"}});
}

// A name the tagger found in a line in capitals is found again where the
// text writes it as names are written, and the tagger missed it there; a
// common word is not ("TALKS").
TEST(CapitalsTest, HeadlineNamesFoundAgainInTheText) {
  const StageCase c{"capsfind",
                    {{"DOVAN", kLoc}, {"TALKS", kLoc}},
                    {},
                    {{"Talks", Common()}},
                    "TENNIS - HOLT WINS IN DOVAN TALKS\n"
                    "She won the Dovan tournament. Talks went on.",
                    ""};
  ExpectStage(c, {.on = {"place Dovan <- Dovan"},
                  .not_on = {"place Talks <- Talks"},
                  .not_off = {"place Dovan <- Dovan"}});
}

// In a headline in capitals, two words that end with a company's kind are
// the company, common words or not; a longer run is not taken for one.
TEST(CapitalsTest, CompaniesInHeadlinesByTheirKind) {
  WordFacts demonym;
  demonym.demonym = true;
  const StageCase c{
      "capsfind",
      {},
      {},
      {{"Velmorian", demonym}, {"Says", Common()}, {"General", Common()}},
      "VELMORIAN AIRWAYS TO CUT JOBS\nSAYS GENERAL MOTORS\n"
      "The airline said so.",
      ""};
  ExpectStage(c, {.on = {"org Velmorian Airways <- VELMORIAN AIRWAYS",
                         "org General Motors <- GENERAL MOTORS"},
                  .not_on = {"org Says General Motors <- SAYS GENERAL MOTORS"},
                  .not_off = {"org General Motors <- GENERAL MOTORS"}});
}

// A town in a headline that the lists also know as a person's name stays
// the person the tagger saw there ("CLINTON").
TEST(CapitalsTest, PersonsNameThatIsATownToo) {
  Facts town_and_person = City();
  town_and_person.person = true;
  const StageCase c{"caps",
                    {{"DARROW", kPer}, {"SELBY", kPer}},
                    {{"Darrow", town_and_person}, {"Selby", City()}},
                    {},
                    "DARROW MEETS SELBY LEADERS\nThe talks began.",
                    ""};
  ExpectStage(c, {.on = {"person Darrow <- DARROW", "place Selby <- SELBY"}});
}

// Dotted initials the tagger left out are the body the lists know by the
// initials undotted ("U.N." for "UN").
TEST(DottedOrgTest, DottedInitialsOfAListedBody) {
  const StageCase c{"dottedorg",
                    {},
                    {{"VU", ListedOrg()}, {"U.K.", Country()}},
                    {},
                    "The V.U. said the U.K. would act; B.E. degrees too.",
                    ""};
  ExpectStage(c, {.on = {"org V.U. <- V.U.", "place U.K. <- U.K."},
                  .not_on = {"org B.E. <- B.E."},
                  .not_off = {"org V.U. <- V.U."}});
}

// `hyphen` (GUM's cut of a hyphenated word in a place's or body's name)
// is off by default: the CoNLL style keeps "Daimler-Benz AG" whole.
TEST(HyphenTest, CutOnlyWhenSwitchedOn) {
  const StageCase c{"hyphen",
                    {{"Al-Rawda Hotel", kLoc}, {"Daimler-Benz AG", kOrg}},
                    {},
                    {},
                    "Guests left the Al-Rawda Hotel at noon. Daimler-Benz AG "
                    "paid.",
                    ""};
  std::vector<std::string> m = Mentions(c);
  EXPECT_TRUE(Has(m, "place Al-Rawda Hotel <- Al-Rawda Hotel"))
      << ::testing::PrintToString(m);
  EXPECT_TRUE(Has(m, "org Daimler-Benz <- Daimler-Benz AG"))
      << ::testing::PrintToString(m);
  SetEntityRule("hyphen", true);
  m = Mentions(c);
  ResetEntityRules();
  EXPECT_TRUE(Has(m, "place Al-Rawda Hotel <- Rawda Hotel"))
      << ::testing::PrintToString(m);
}

// Companies named by the words around them: before an office and a
// name, after "shares in", before "shares" and a market verb; the
// company's other mentions follow. A town, a nationality or a lowercase
// word before the office is none.
TEST(OfficeCueTest, CompaniesByOfficesAndShares) {
  WordFacts demonym;
  demonym.demonym = true;
  const StageCase c{"officecue",
                    {{"Ana Berg", kPer}, {"Jon Lind", kPer}, {"Eva Sol", kPer}},
                    {{"Tarsk", City()}},
                    {{"Arvian", demonym}},
                    "Shares in Kordvell rose 2 percent. Velmora shares fell. "
                    "Tarsk spokesman Ana Berg said no. Arvian chairman Jon "
                    "Lind agreed. The spokesman Eva Sol left. Kordvell said "
                    "profits rose.",
                    ""};
  ExpectStage(c, {.on = {"org Kordvell <- Kordvell", "org Velmora <- Velmora"},
                  .not_on = {"org Tarsk <- Tarsk", "org Arvian <- Arvian",
                             "org The <- The"},
                  .not_off = {"org Kordvell <- Kordvell"}});
  // Both of Kordvell's mentions.
  const std::vector<std::string> m = Mentions(c);
  EXPECT_EQ(std::count(m.begin(), m.end(), "org Kordvell <- Kordvell"), 2)
      << ::testing::PrintToString(m);
}

// A person's name that ends with a count noun ends before it: the
// article writes "Brandtpics" after a number and "Brandtpic" alone. A
// family ("the Sorens") and a surname the lists know stay.
TEST(PluralTest, PersonsNameEndsBeforeACountNoun) {
  Facts person;
  person.person = true;
  const StageCase c{"plural",
                    {{"Ada Veln", kPer},
                     {"Veln Brandtpics", kPer},
                     {"Jon Soren", kPer},
                     {"Eva Holt", kPer},
                     {"Lia Ferns", kPer}},
                    {{"Holt", person}},
                    {},
                    "Ada Veln took 40 Brandtpics. The Veln Brandtpics hang "
                    "here; each Brandtpic is signed. Jon Soren came. The "
                    "Sorens left. Eva Holt bought a Holt and two Holts. "
                    "Lia Ferns came; a Fern grew, said Ferns.",
                    ""};
  ExpectStage(
      c,
      {.on = {"person Ada Veln <- Veln", "person Jon Soren <- Jon Soren",
              "person Eva Holt <- Eva Holt", "person Lia Ferns <- Lia Ferns"},
       .not_on = {"person Veln Brandtpics <- Veln Brandtpics"},
       .off = {"person Veln Brandtpics <- Veln Brandtpics"}});
}

// A one-word "person" before a possessive and a person's full name is
// the person's team or party ("Velmor's Ana Lind"), in all its mentions;
// a place the lists know stays a place, and a name the lists know as a
// person's, or the surname of the article's person, stays a person.
TEST(PossOwnerTest, OwnerOfAPersonIsHerTeam) {
  WordFacts given;
  given.given_name = true;
  Facts person;
  person.person = true;
  const StageCase c{
      "possowner",
      {{"Velmor", kPer},
       {"Ana Lind", kPer},
       {"Tarsk", kPer},
       {"Jon Berg", kPer},
       {"Holt", kPer},
       {"Eva Sol", kPer},
       {"Per Lind", kPer},
       {"Lind", kPer}},
      {{"Tarsk", City()}, {"Holt", person}},
      {{"Ana", given}, {"Jon", given}, {"Eva", given}, {"Per", given}},
      "Velmor's Ana Lind won. Velmor lost later. Tarsk 's Jon "
      "Berg came. Holt's Eva Sol left. Lind's Per Lind spoke.",
      ""};
  ExpectStage(c, {.on = {"org Velmor <- Velmor", "place Tarsk <- Tarsk",
                         "person Holt <- Holt"},
                  .not_on = {"person Velmor <- Velmor", "org Lind <- Lind"},
                  .off = {"person Velmor <- Velmor"}});
  // Both of Velmor's mentions.
  const std::vector<std::string> m = MentionsWithRuleOn(c);
  EXPECT_EQ(std::count(m.begin(), m.end(), "org Velmor <- Velmor"), 2)
      << ::testing::PrintToString(m);
}

// A score sentence's names are teams ("Leeds beat Chelsea 2-1"), but
// not the surname of a person the article names in full ("Sampras" beside
// "Pete Sampras") nor a full name that starts with a given name.
TEST(ResultsTest, PlayersInScoreSentencesAreNoTeams) {
  WordFacts given;
  given.given_name = true;
  const StageCase c{"results",
                    {{"Pete Sampras", kPer}},
                    {},
                    {{"Boris", given}, {"Goran", given}},
                    "Pete Sampras won on Friday. Sampras beat Goran Ivanisevic "
                    "6-4 7-6 and Boris Becker beat Goran Ivanisevic 6-3. "
                    "Leeds beat Chelsea 2-1.",
                    ""};
  ExpectStage(c, {.on = {"org Leeds <- Leeds", "org Chelsea <- Chelsea"},
                  .not_on = {"org Sampras <- Sampras",
                             "org Goran Ivanisevic <- Goran Ivanisevic",
                             "org Boris Becker <- Boris Becker"},
                  .not_off = {"org Leeds <- Leeds"}});
  // A standings line's team in capitals stays a team, though its first
  // word is a given name too ("NEW YORK": "New").
  WordFacts common_given = given;
  common_given.common = true;
  const StageCase standings{"results",
                            {},
                            {},
                            {{"NEW", common_given}, {"New", common_given}},
                            "BASKETBALL - STANDINGS\nMIAMI 28 10 .737 -\n"
                            "NEW TARSK 27 11 .711 1\n",
                            ""};
  ExpectStage(standings, {.on = {"org New Tarsk <- NEW TARSK"},
                          .not_off = {"org New Tarsk <- NEW TARSK"}});
}

// "Air" and one capitalised word is an airline, whatever the tagger made
// of it.
TEST(HeadsTest, AirlineByItsFirstWord) {
  const StageCase c{"heads",
                    {{"Air Velmora", kLoc}},
                    {},
                    {},
                    "The deal gives Air Velmora a base at the airport.",
                    ""};
  ExpectStage(c, {.on = {"org Air Velmora <- Air Velmora"},
                  .off = {"place Air Velmora <- Air Velmora"}});
}

// A common word capitalised only at a sentence's start is no name, even
// where the article writes it capitalised inside a longer name ("the Tarsk
// Gallery", "the Gallery of Art"); written alone inside a sentence, it is.
TEST(CommonTest, WordsOfLongerNamesDoNotCount) {
  const StageCase c{"common",
                    {{"Gallery", kOrg}, {"Museum", kOrg}},
                    {},
                    {{"Gallery", Common()}, {"Museum", Common()}},
                    "Gallery visits rose. The Tarsk Gallery and the Gallery "
                    "of Art opened.\n\nMuseum visits fell. We met at the "
                    "Museum on Friday.",
                    ""};
  ExpectStage(c, {.on = {"org Museum <- Museum"},
                  .not_on = {"org Gallery <- Gallery"},
                  .off = {"org Gallery <- Gallery"}});
}

// A common word in capitals is no name ("HELD AT HOME BY"), unless the
// article writes it capitalised inside a sentence, it is shorter than four
// letters ("WHO"), no common word ("NATO"), or more words follow it in a
// line of mixed case (a title in capitals).
TEST(CommonTest, CommonWordsInCapitals) {
  const StageCase c{"common",
                    {{"HOME", kOrg},
                     {"WHO", kOrg},
                     {"NATO", kOrg},
                     {"FIELD", kOrg},
                     {"Field", kOrg},
                     {"GATE", kOrg}},
                    {},
                    {{"Home", Common()},
                     {"Field", Common()},
                     {"Who", Common()},
                     {"Gate", Common()}},
                    "TARSK HELD AT HOME BY VELMOR .\nThe WHO and NATO met "
                    "at FIELD . A report by Field said so. It ran in GATE "
                    "on the Net.",
                    ""};
  // "GATE on the Net": more words follow it in a line of mixed case.
  ExpectStage(c, {.on = {"org WHO <- WHO", "org NATO <- NATO",
                         "org Field <- FIELD", "org GATE <- GATE"},
                  .not_on = {"org HOME <- HOME"},
                  .off = {"org HOME <- HOME"}});
}

// In a line in capitals, a name the article writes in lower case is found
// again whole, in place of a shorter name the tagger found inside it.
TEST(CapsAgainTest, LongerNameTakesThePlaceOfAShorterOne) {
  const StageCase c{"capsagain",
                    {{"Velmor Air", kOrg}, {"AIR", kLoc}},
                    {},
                    {},
                    "VELMOR AIR TO BUY TARSK RAIL .\nVelmor Air said on "
                    "Monday it would buy the line.",
                    ""};
  ExpectStage(c, {.on = {"org Velmor Air <- VELMOR AIR"},
                  .not_on = {"place AIR <- AIR", "place Air <- AIR"},
                  .not_off = {"org Velmor Air <- VELMOR AIR"}});
}

// A name the tagger made an organisation right after an office in lower
// case is a person; not after an office written with a capital, nor a
// body the lists know.
TEST(OfficePersonTest, NameAfterAnOfficeIsAPerson) {
  const StageCase c{"officeperson",
                    {{"Velmor", kOrg},
                     {"Cor Brandt", kOrg},
                     {"Tarsk Mills", kOrg},
                     {"Dovan Rail", kOrg}},
                    {{"Tarsk Mills", ListedOrg()}},
                    {},
                    "Velmor president Cor Brandt said so. The chairman Tarsk "
                    "Mills named was new. Our Director Dovan Rail left.",
                    ""};
  ExpectStage(c, {.on = {"person Cor Brandt <- Cor Brandt",
                         "org Tarsk Mills <- Tarsk Mills",
                         "org Dovan Rail <- Dovan Rail"},
                  .off = {"org Cor Brandt <- Cor Brandt"}});
}

// The legal form may follow one or two capitalised words that go with the
// name ("Philips Electronics NV"); "Co" without its dot is one too.
TEST(LegalExtTest, FormAfterTheNamesOtherWords) {
  const StageCase c{"legalext",
                    {{"Tarskwerk", kOrg}, {"Velmor", kOrg}},
                    {},
                    {},
                    "Tarskwerk Electronics NV said profits rose. Velmor Co "
                    "said they fell.",
                    ""};
  ExpectStage(c,
              {.on = {"org Tarskwerk Electronics <- Tarskwerk Electronics NV",
                      "org Velmor <- Velmor Co"},
               .off = {"org Tarskwerk <- Tarskwerk", "org Velmor <- Velmor"}});
}

// A credit's one-word names the tagger left out are persons (user
// names), after "Video:" and "Audio:" too; not common words nor names the
// lists know.
TEST(CreditTest, UntaggedNamesInACredit) {
  const StageCase c{"credit",
                    {},
                    {{"Tarsk", City()}},
                    {{"Still", Common()}},
                    "The fair opened. Video: Brannok & Vellic. Audio: Still "
                    "Tarsk.",
                    ""};
  ExpectStage(c,
              {.on = {"person Brannok <- Brannok", "person Vellic <- Vellic"},
               .not_on = {"person Still <- Still", "person Tarsk <- Tarsk"},
               .not_off = {"person Brannok <- Brannok"}});
}

// A person tagged by the surname alone takes the given name right before
// it inside a sentence ("named Will Carling"); not at a sentence's start,
// not "The" (a given name in the lists too), not a title.
TEST(GivenJoinTest, GivenNameBeforeASurname) {
  WordFacts given;
  given.given_name = true;
  given.common = true;
  const StageCase c{"givenjoin",
                    {{"Brannok", kPer}, {"Vellic", kPer}, {"Osk", kPer}},
                    {},
                    {{"Will", given}, {"The", given}, {"Rose", given}},
                    "The club named Will Brannok on Monday. Rose Vellic "
                    "left. We met The Osk.",
                    ""};
  ExpectStage(c, {.on = {"person Will Brannok <- Will Brannok",
                         "person Vellic <- Vellic", "person Osk <- Osk"},
                  .off = {"person Brannok <- Brannok"}});
}

// "Head of Y" institutions the tagger left out are organisations ("The
// Ministry of Finance said"), with up to two capitalised words before the
// head; not where a person is tagged inside.
TEST(OrgFindTest, InstitutionsNamedHeadOfY) {
  const StageCase c{"orgfind",
                    {{"Velmor", kPer}},
                    {},
                    {},
                    "The Ministry of Finance said so. The Central Bank of "
                    "Tarsk agreed. The Council of Velmor met.",
                    ""};
  ExpectStage(c,
              {.on = {"org Ministry of Finance <- Ministry of Finance",
                      "org Central Bank of Tarsk <- Central Bank of Tarsk",
                      "person Velmor <- Velmor"},
               .not_off = {"org Ministry of Finance <- Ministry of Finance"}});
}

// An institution named after a place takes the place in: "the Bank of
// Tarsk" is an organisation where the tagger had only "Tarsk", a place.
// The place elsewhere stays a place; an organisation tagged after "of"
// stays itself.
TEST(InstPlaceTest, InstitutionNamedAfterAPlace) {
  const StageCase c{"instplace",
                    {{"Tarsk", kLoc}, {"Velmor Osk", kLoc}},
                    {},
                    {},
                    "The Bank of Tarsk held rates. The Museum of Velmor Osk "
                    "opened.",
                    ""};
  ExpectStage(c, {.on = {"org Bank of Tarsk <- Bank of Tarsk",
                         "org Museum of Velmor Osk <- Museum of Velmor Osk"},
                  .off = {"place Tarsk <- Tarsk",
                          "place Velmor Osk <- Velmor Osk"}});
  const StageCase across{"instplace",
                         {{"Tarsk", kLoc}, {"Modern Osk", kOrg}},
                         {},
                         {},
                         "In Tarsk, the Bank of Tarsk opened. The Museum of "
                         "Modern Osk did not.",
                         ""};
  ExpectStage(across, {.on = {"place Tarsk <- Tarsk",
                              "org Bank of Tarsk <- Bank of Tarsk",
                              "org Modern Osk <- Modern Osk"},
                       .not_off = {"org Bank of Tarsk <- Bank of Tarsk"}});
}

// A company named by a word and its kind ("Northwest Airlines Corp") is
// that company by the word alone ("Northwest shares rose"), whatever the
// tagger said there; not a city's name ("Osk Airways" ... "in Osk").
TEST(KindShortTest, CompanyByTheWordBeforeItsKind) {
  const StageCase c{"kindshort",
                    {{"Velmor Airlines Corp", kOrg},
                     {"Velmor", kLoc},
                     {"Osk Airways", kOrg},
                     {"Osk", kLoc}},
                    {{"Osk", City()}},
                    {},
                    "Velmor Airlines Corp and Osk Airways met. Velmor shares "
                    "rose. Fares from Osk fell.",
                    ""};
  ExpectStage(c, {.on = {"org Velmor <- Velmor", "place Osk <- Osk"},
                  .off = {"place Velmor <- Velmor"}});
}

// An acronym and lowercase words after it are the acronym ("the CFDT
// union"); the nationality "Saudi" is no name, in capitals too.
TEST(LowerTailTest, AcronymBeforeLowercaseWords) {
  const StageCase c{"lowertail", {{"CFDT union", kOrg}},    {},
                    {},          "The CFDT union said so.", ""};
  ExpectStage(
      c, {.on = {"org CFDT <- CFDT"}, .off = {"org CFDT union <- CFDT union"}});
  const StageCase saudi{"belief",
                        {{"SAUDI", kLoc}, {"Saudi", kLoc}},
                        {},
                        {},
                        "FIRM WINS SAUDI CONTRACT\nA Saudi firm lost.",
                        ""};
  ExpectStage(saudi,
              {.not_on = {"place Saudi <- SAUDI", "place Saudi <- Saudi"},
               .off = {"place Saudi <- Saudi"}});
}

// A party named by its members in the plural is the party; the singular
// before a noun names none, nor does a word inside a longer name.
TEST(PartyTest, PartiesNamedByTheirMembers) {
  const StageCase c{"party",
                    {},
                    {},
                    {},
                    "The opposition Velmor Socialists said no. A Tarsk "
                    "Democrat politician agreed. The Old Dovan Liberals met.",
                    ""};
  ExpectStage(c, {.on = {"org Velmor Socialists <- Velmor Socialists"},
                  .not_on = {"org Tarsk Democrat <- Tarsk Democrat",
                             "org Dovan Liberals <- Dovan Liberals"},
                  .off = {}});
  EXPECT_FALSE(Has(MentionsWithRuleOff(c),
                   "org Velmor Socialists <- Velmor Socialists"));
}

// A wire service is an organisation wherever it is named, without the
// "news agency" cue too, whatever the tagger made of it.
TEST(AgencyListTest, WireServicesWhereverNamed) {
  const StageCase c{"agencylist",
                    {{"Interfax", kPer}},
                    {},
                    {},
                    "Itar-Tass quoted the minister. Interfax said so.",
                    ""};
  ExpectStage(c,
              {.on = {"org Itar-Tass <- Itar-Tass", "org Interfax <- Interfax"},
               .off = {"person Interfax <- Interfax"},
               .not_off = {"org Itar-Tass <- Itar-Tass"}});
}

// The name a "news agency" cue makes an agency stays one though it looks
// like an adjective ("the Anatolian news agency"); a nationality does not
// ("the Polish news agency PAP").
TEST(AgencyFixTest, AgencyNamedLikeAnAdjective) {
  WordFacts capital, nationality;
  capital.dictionary_capital = true;
  nationality.demonym = true;
  const StageCase c{"agencyfix",
                    {},
                    {},
                    {{"Velmorian", capital}, {"Tarskish", nationality}},
                    "Police raided offices, the Velmorian news agency said. "
                    "The Tarskish news agency OSK agreed.",
                    ""};
  ExpectStage(c, {.on = {"org Velmorian <- Velmorian", "org OSK <- OSK"},
                  .not_on = {"org Tarskish <- Tarskish"},
                  .off = {"org OSK <- OSK"},
                  .not_off = {"org Velmorian <- Velmorian"}});
}

// A team's nickname, the last word of its name, stands for the team in a
// headline in capitals; not an institution's head ("PARTY").
TEST(NicknameTest, TeamsNicknameInAHeadline) {
  const StageCase c{"nickname",
                    {{"Tarsk Falcons", kOrg}, {"Velmor Workers Party", kOrg}},
                    {},
                    {},
                    "FALCONS WIN AS PARTY MEETS\nThe Tarsk Falcons won and "
                    "the Velmor Workers Party met.",
                    ""};
  ExpectStage(c, {.on = {"org Tarsk Falcons <- FALCONS"},
                  .not_on = {"org Velmor Workers Party <- PARTY"},
                  .not_off = {"org Tarsk Falcons <- FALCONS"}});
}

// A player's role before the name is no part of it, as a title is not
// ("Paceman Ada Lind").
TEST(SpanCleaningTest, PlayersRoleIsATitle) {
  const StageCase c{"",
                    {{"Paceman Ada Lind", kPer}, {"Striker Jon Berg", kPer}},
                    {},
                    {},
                    "Paceman Ada Lind took four wickets. Striker Jon Berg "
                    "scored.",
                    ""};
  const std::vector<std::string> m = Mentions(c);
  EXPECT_TRUE(Has(m, "person Ada Lind <- Ada Lind"))
      << ::testing::PrintToString(m);
  EXPECT_TRUE(Has(m, "person Jon Berg <- Jon Berg"))
      << ::testing::PrintToString(m);
}

// In the CoNLL style a sporting event is one name (MISC), and no name in
// it or right before its head is a mention: races named by their first
// words, "the Tarsk Open", "the Velmor Marathon" where the tagger took the
// place alone.
TEST(SportEventTest, EventsAreNoMentions) {
  const StageCase c{"sportevent",
                    {{"Tour de Velmor", kOrg}, {"Tarsk", kLoc}, {"Dovan", kLoc}},
                    {},
                    {},
                    "He won the Tour de Velmor and the Tarsk Open. Dovan "
                    "voted.",
                    ""};
  ExpectStage(c, {.on = {"place Dovan <- Dovan"},
                  .not_on = {"org Tour de Velmor <- Tour de Velmor",
                             "place Tarsk <- Tarsk"},
                  .off = {"org Tour de Velmor <- Tour de Velmor",
                          "place Tarsk <- Tarsk"}});
}

// A town and its state or country, which the tagger (taught by
// Wikipedia's link spans) may tag as one place, are two; "Washington,
// D.C." and a constituency with "and" in it stay one.
TEST(CommaSplitTest, TownAndStateAreTwoPlaces) {
  const StageCase c{"commasplit",
                    {{"Tarsk, Velmora", kLoc},
                     {"Dovan, D.C.", kLoc},
                     {"Arden, Brill and Cove", kLoc},
                     {"Lind, Ana", kPer}},
                    {},
                    {},
                    "The fair opened in Tarsk, Velmora on Monday. Talks in "
                    "Dovan, D.C. ended. Arden, Brill and Cove voted. Lind, "
                    "Ana wrote.",
                    ""};
  ExpectStage(c, {.on = {"place Tarsk <- Tarsk", "place Velmora <- Velmora",
                         "place Dovan, D.C. <- Dovan, D.C.",
                         "place Arden, Brill and Cove <- Arden, Brill and Cove",
                         "person Lind, Ana <- Lind, Ana"},
                  .not_on = {"place Tarsk, Velmora <- Tarsk, Velmora"},
                  .off = {"place Tarsk, Velmora <- Tarsk, Velmora"}});
}

// "Ana Lind of Velmor": a person and the body she is of, where the tagger
// made one name of them; a body's name with "of" ("United Farmers of
// Tarsk": "United" is a common word), a ruler ("Karl II of Tarsk") and a
// person of a place the lists know stay whole.
TEST(OfSplitTest, PersonOfABody) {
  WordFacts given;
  given.given_name = true;
  WordFacts common_given = given;
  common_given.common = true;
  const StageCase c{"ofsplit",
                    {{"Ana Lind of Velmor", kPer},
                     {"Eva Sol of the Civic Party", kOrg},
                     {"United Farmers of Dovan", kOrg},
                     {"Karl II of Dovan", kPer},
                     {"Jon Berg of Tarsk", kPer}},
                    {{"Tarsk", City()}},
                    {{"Ana", given},
                     {"Eva", given},
                     {"Karl", given},
                     {"Jon", given},
                     {"United", common_given}},
                    "Ana Lind of Velmor spoke.\n\nEva Sol of the Civic Party "
                    "won. United Farmers of Dovan met Karl II of Dovan and "
                    "Jon Berg of Tarsk.",
                    ""};
  ExpectStage(
      c, {.on = {"person Ana Lind <- Ana Lind", "org Velmor <- Velmor",
                 "person Eva Sol <- Eva Sol", "org Civic Party <- Civic Party",
                 "org United Farmers of Dovan <- United Farmers of Dovan",
                 "person Karl II of Dovan <- Karl II of Dovan",
                 "person Jon Berg of Tarsk <- Jon Berg of Tarsk"},
          .off = {"person Ana Lind of Velmor <- Ana Lind of Velmor"},
          .not_off = {"person Ana Lind <- Ana Lind"}});
}

// The legal form joins a name the tagger found only elsewhere in the
// article, where the name is found again.
TEST(LegalExtTest, NameFoundAgainTakesItsForm) {
  const StageCase c{"legalext",
                    {{"Tarskwerk", kOrg}},
                    {},
                    {},
                    "Shares in Tarskwerk rose.\nTarskwerk Plc , the group , "
                    "said profits rose. Tarskwerk will pay.",
                    ""};
  ExpectStage(c, {.on = {"org Tarskwerk <- Tarskwerk Plc"},
                  .off = {"org Tarskwerk <- Tarskwerk"},
                  .not_off = {"org Tarskwerk <- Tarskwerk Plc"}});
}

// A nationality formed from a place the article names is no name
// ("Zairean" beside "Zaire"); a given name formed so is ("Adrian" beside
// "Adria"), and so is a word whose place the article does not name.
TEST(DemonymFormTest, NationalitiesOfTheArticlesPlaces) {
  WordFacts given;
  given.given_name = true;
  const StageCase c{"demonymform",
                    {{"Zairean", kPer},
                     {"Zaire", kLoc},
                     {"Adrian", kPer},
                     {"Adria", kLoc},
                     {"Goman", kPer}},
                    {},
                    {{"Adrian", given}},
                    "Zairean troops left eastern Zaire. Adrian flew to "
                    "Adria. Goman spoke.",
                    ""};
  ExpectStage(c, {.on = {"person Adrian <- Adrian", "person Goman <- Goman"},
                  .not_on = {"person Zairean <- Zairean"},
                  .off = {"person Zairean <- Zairean"}});
}

// A wire dateline is a place, even where the article's results name a
// team after the city ("NEW YORK 98 Chicago 94": the team); the team keeps
// its type too.
TEST(DatelineTest, DatelinePlaceAndTeamOfTheSameName) {
  const StageCase c{"dateline",
                    {{"NEW YORK", kLoc}, {"Chicago", kLoc}},
                    {{"New York", City()}, {"Chicago", City()}},
                    {},
                    "NEW YORK 1996-12-06\n"
                    "Results of basketball games on Thursday:\n"
                    "NEW YORK 98 Chicago 94\n"
                    "Chicago 101 Boston 95",
                    ""};
  const std::vector<std::string> m = Mentions(c);
  // The dateline first, then the team.
  std::vector<std::string> new_york;
  for (const std::string& s : m) {
    if (s.ends_with("<- NEW YORK")) new_york.push_back(s);
  }
  EXPECT_EQ(new_york, (std::vector<std::string>{"place New York <- NEW YORK",
                                                "org New York <- NEW YORK"}))
      << ::testing::PrintToString(m);
  EXPECT_TRUE(Has(m, "org Chicago <- Chicago")) << ::testing::PrintToString(m);
  EXPECT_FALSE(Has(m, "place Chicago <- Chicago"))
      << ::testing::PrintToString(m);
}

// A dateline's place the lists know only as an organisation's name is a
// place there, and the headline over it names the place too.
TEST(DatelineTest, DatelineOutvotesTheHeadline) {
  const StageCase c{"dateline",
                    {{"SUN VALE", kOrg}},
                    {{"Sun Vale", KnownOrgToo(Facts())}},
                    {},
                    "GOLF - NORMAN LEADS IN SUN VALE\n"
                    "SUN VALE , South Africa 1996-12-06\n"
                    "The leaders went out early.",
                    ""};
  ExpectStage(c, {.on = {"place Sun Vale <- SUN VALE"},
                  .not_on = {"org Sun Vale <- SUN VALE"}});
}

// A dateline that names a body's seat ("UNITED NATIONS"), a name the lists
// know only as the body, does not outvote the article's mentions of the
// body; the dateline itself stays a place.
TEST(DatelineTest, BodysSeatDoesNotOutvoteTheBody) {
  const StageCase c{"dateline",
                    {{"Velmor Union", kOrg}},
                    {{"Velmor Union", ListedOrg()}},
                    {},
                    "TALKS TO RESUME\n"
                    "VELMOR UNION 1996-12-06\n"
                    "Tarsk signed a deal with the Velmor Union on Friday.",
                    ""};
  ExpectStage(c, {.on = {"place Velmor Union <- VELMOR UNION",
                         "org Velmor Union <- Velmor Union"},
                  .not_on = {"place Velmor Union <- Velmor Union"}});
}

// In a sports article a town's club is an organisation where the words
// around it say a team; a country, a region, a town where a match was
// played and a player keep their types.
TEST(TeamCueTest, ClubsNamedAfterTownsInSportsArticles) {
  WordFacts given;
  given.given_name = true;
  const StageCase c{
      "teamcue",
      {{"Varnholt", kLoc},
       {"Aldeburg", kLoc},
       {"Tarsk", kLoc},
       {"Norland", kLoc},
       {"Ostmark", kLoc},
       {"Bayer Lindau", kPer},
       {"Ana Berg", kPer},
       {"Berg", kPer}},
      {{"Varnholt", City()},
       {"Aldeburg", City()},
       {"Tarsk", City()},
       {"Norland", Country()},
       {"Ostmark", Place()},
       {"Lindau", City()}},
      {{"Ana", given}},
      "SOCCER - VARNHOLT HELD\n"
      "Varnholt stayed top despite being held 1-1 at home by Aldeburg. "
      "Norland beat Ostmark in the final in Tarsk. Bayer Lindau coach Ana "
      "Berg said "
      "Berg beat the odds.",
      ""};
  ExpectStage(
      c, {.on = {"org Varnholt <- Varnholt", "org Aldeburg <- Aldeburg",
                 "org Bayer Lindau <- Bayer Lindau", "place Norland <- Norland",
                 "place Ostmark <- Ostmark", "place Tarsk <- Tarsk",
                 "person Ana Berg <- Berg"},
          .off = {"place Varnholt <- Varnholt", "place Aldeburg <- Aldeburg"}});
  // Not a sports article: the same words leave the towns places.
  StageCase news = c;
  news.body =
      "Varnholt stayed top of the export table. Aldeburg beat its "
      "rivals to the port deal.";
  const std::vector<std::string> m = Mentions(news);
  EXPECT_TRUE(Has(m, "place Varnholt <- Varnholt"))
      << ::testing::PrintToString(m);
  EXPECT_TRUE(Has(m, "place Aldeburg <- Aldeburg"))
      << ::testing::PrintToString(m);
}

// A country in a headline in capitals is a country's side, a place,
// whatever result follows it ("PAKISTAN WIN").
TEST(TeamCueTest, CountriesInCapitalsStayPlaces) {
  const StageCase c{"teamcue",
                    {{"NORLAND", kLoc}, {"Norland", kLoc}},
                    {{"Norland", Country()}},
                    {},
                    "CRICKET - NORLAND WIN BY FIVE WICKETS\n"
                    "Norland won the one-day match in the final over.",
                    ""};
  ExpectStage(c,
              {.on = {"place Norland <- NORLAND", "place Norland <- Norland"},
               .not_on = {"org Norland <- NORLAND"}});
}

// A sport's slug names the sport, not a body; a league's initials the
// lists know stay.
TEST(TeamCueTest, SlugIsNoName) {
  Facts league;
  league.org = true;
  const StageCase c{"teamcue",
                    {{"RUGBY UNION", kOrg}, {"VRL", kOrg}},
                    {{"VRL", league}},
                    {},
                    "VRL RUGBY UNION - RESULTS\nThe match ended level.",
                    ""};
  ExpectStage(c, {.on = {"org VRL <- VRL"},
                  .not_on = {"org Rugby Union <- RUGBY UNION"},
                  .off = {"org Rugby Union <- RUGBY UNION"}});
  // Initials the lists know that are a common word too ("ICE" of "ICE
  // HOCKEY") name no league.
  const StageCase ice{"teamcue",
                      {{"ICE", kOrg}, {"NHL", kOrg}},
                      {{"ICE", league}, {"NHL", league}},
                      {{"ICE", Common()}},
                      "ICE HOCKEY NHL - RESULTS\nThe match ended level.",
                      ""};
  ExpectStage(ice, {.on = {"org NHL <- NHL"},
                    .not_on = {"org ICE <- ICE"},
                    .off = {"org ICE <- ICE"}});
}

// In a sports article, one word the lists know nothing of, tagged a
// person, is a club where the words around it say a team ("Juventus moved
// clear after beating Parma"); not a word of the article's people's names,
// nor two unknown words ("Egil Ostenstad equalised").
TEST(UnknownTeamTest, UnknownWordTaggedAPersonWithTeamCues) {
  const StageCase c{"unknownteam",
                    {{"Velmorense", kPer},
                     {"Ostrava Kel", kPer},
                     {"Kel", kPer},
                     {"Tarvo Maal", kPer}},
                    {},
                    {},
                    "SOCCER - LEAGUE ROUND\n"
                    "Velmorense stayed top after a 2-0 win. Ostrava Kel "
                    "scored twice. Kel beat the keeper. Tarvo Maal "
                    "equalised late.",
                    ""};
  ExpectStage(c, {.on = {"org Velmorense <- Velmorense",
                         "person Ostrava Kel <- Kel",
                         "person Tarvo Maal <- Tarvo Maal"},
                  .off = {"person Velmorense <- Velmorense"}});
  // A player known by one name: a result with no score or name after it
  // ("won a penalty"), or a word that speaks somewhere in the article.
  const StageCase players{"unknownteam",
                          {{"Velmoro", kPer}, {"Tarvoso", kPer}},
                          {},
                          {},
                          "SOCCER - LEAGUE ROUND\n"
                          "Velmoro won a penalty. Tarvoso beat Osk 2-0 "
                          "with his goals. Tarvoso said so.",
                          ""};
  ExpectStage(players, {.on = {"person Velmoro <- Velmoro",
                               "person Tarvoso <- Tarvoso"},
                        .not_on = {"org Velmoro <- Velmoro",
                                   "org Tarvoso <- Tarvoso"}});
}

// In a sports article the last word of a club's name alone is the club
// where the words around it say a team ("United moved up to fourth"),
// though it is a common word that opens a sentence; not a word two clubs
// of the article end with.
TEST(TeamTailTest, LastWordOfAClubsName) {
  const StageCase c{"teamtail",
                    {{"Tarsk United", kOrg}, {"United", kLoc}},
                    {},
                    {{"United", Common()}},
                    "SOCCER - LEAGUE ROUND\n"
                    "Tarsk United beat Velmor 2-0 on Saturday. United moved "
                    "up to fourth.",
                    ""};
  ExpectStage(c, {.on = {"org United <- United"},
                  .not_off = {"org United <- United"}});
  StageCase two = c;
  two.tagged.push_back({"Osk United", kOrg});
  two.body =
      "SOCCER - LEAGUE ROUND\n"
      "Tarsk United beat Osk United 2-0 on Saturday. United moved up to "
      "fourth.";
  EXPECT_FALSE(Has(Mentions(two), "org United <- United"))
      << ::testing::PrintToString(Mentions(two));
}

// In a sports article a town the tagger left out is its club where the
// words around it say a team, at a sentence's start too; not a town after
// "in" nor one inside a longer name.
TEST(TeamFindTest, UntaggedTownsByCues) {
  const StageCase c{"teamfind",
                    {{"Ada Lind", kPer}},
                    {{"Tarsk", City()}, {"Velmor", City()}, {"Dovan", City()}},
                    {},
                    "SOCCER - RESULTS\nTarsk were held 1-1 at home on "
                    "Sunday. Tarsk coach Ada Lind was angry. The match was "
                    "in Velmor. Dovan Rovers beat them 2-0.",
                    ""};
  ExpectStage(c, {.on = {"org Tarsk <- Tarsk"},
                  .not_on = {"org Velmor <- Velmor", "org Dovan <- Dovan"},
                  .not_off = {"org Tarsk <- Tarsk"}});
  const std::vector<std::string> m = MentionsWithRuleOn(c);
  EXPECT_EQ(std::count(m.begin(), m.end(), "org Tarsk <- Tarsk"), 2)
      << ::testing::PrintToString(m);
  // A word the lists know nothing of, with a team's people after it; not
  // a common word, and not a word after another capitalised one that
  // opens the sentence.
  const StageCase unknown{"teamfind",
                          {{"Jon Berg", kPer}},
                          {},
                          {{"Rescue", Common()}},
                          "MOTOR RACING - TESTS\nBrannari team boss Jon Berg "
                          "said so. Rescue team members came. Real Ostrana "
                          "coach Ada Lind agreed.",
                          ""};
  ExpectStage(unknown,
              {.on = {"org Brannari <- Brannari"},
               .not_on = {"org Rescue <- Rescue", "org Ostrana <- Ostrana"},
               .not_off = {"org Brannari <- Brannari"}});
}

// In a sports article a club's opening word before a town is one club
// with it ("Inter Milan", "Sporting Lisbon"); not a country after it.
TEST(ClubNameTest, OpenersBeforeTowns) {
  const StageCase c{
      "clubname",
      {{"Tarsk", kLoc}, {"Ostia", kLoc}, {"Norland", kLoc}},
      {{"Tarsk", City()}, {"Ostia", City()}, {"Norland", Country()}},
      {},
      "SOCCER - ROUND-UP\nInter Tarsk won again and Sporting Ostia lost. "
      "Real Norland lost.",
      ""};
  ExpectStage(c, {.on = {"org Inter Tarsk <- Inter Tarsk",
                         "org Sporting Ostia <- Sporting Ostia",
                         "place Norland <- Norland"},
                  .not_off = {"org Inter Tarsk <- Inter Tarsk"}});
}

// The scorers a results line names in brackets, and the players of a
// golf leaderboard who start with a given name, are persons; the tagger
// found none of them.
TEST(ScorecardTest, ScorersAndLeaderboardEntriesArePersons) {
  WordFacts given;
  given.given_name = true;
  const StageCase c{"scorecard",
                    {},
                    {},
                    {{"Ernie", given}, {"Wayne", given}},
                    "Results of Dutch first division matches:\n"
                    "Varnholt 3 (Nilis 12, 56, Jonk 80) Aldeburg 1 (Van "
                    "Gastel 33). Halftime 1-1.\n"
                    "Leading scores after the second round:\n"
                    "136 Ernie Els 68 68, Colin Montgomerie (Scotland) 70 66\n"
                    "138 Wayne Westner 69 69\n"
                    "1. Real Varnholt 15 10 4 1 29 11 34\n"
                    "Tarsk - Tries : Rodber . Penalties : Grayson ( 4 ) .\n"
                    "Sorrel ( Tarsk ) beat Vantaa ( Ostia ) 6-3 6-4",
                    ""};
  ExpectStage(c, {.on = {"person Nilis <- Nilis", "person Jonk <- Jonk",
                         "person Van Gastel <- Van Gastel",
                         "person Ernie Els <- Ernie Els",
                         "person Wayne Westner <- Wayne Westner",
                         "person Rodber <- Rodber", "person Grayson <- Grayson",
                         "person Sorrel <- Sorrel", "person Vantaa <- Vantaa"},
                  .not_on = {"person Real Varnholt <- Real Varnholt",
                             "person Colin Montgomerie <- Colin Montgomerie"},
                  .not_off = {"person Nilis <- Nilis",
                              "person Ernie Els <- Ernie Els"}});
}

// A tagged name that runs on past a possessive into an acronym's name is
// two names: the owner, and the name the acronym spells.
TEST(AcronymRunTest, PossessiveOwnerIsItsOwnName) {
  const StageCase c{"acrrun",
                    {{"Vellmar Union's Tarsk Ferry Service", kOrg}},
                    {},
                    {},
                    "Money came from the Vellmar Union's Tarsk Ferry Service "
                    "(TFS) on Monday. The TFS paid.",
                    ""};
  ExpectStage(c, {.on = {"org Vellmar Union <- Vellmar Union",
                         "org TFS <- Tarsk Ferry Service"},
                  .not_off = {"org Vellmar Union <- Vellmar Union"}});
}

// An agency's acronym in its own language may mix cases ("BfG", "BaFin");
// a legal form in brackets is no acronym.
TEST(AcronymAnyTest, MixedCaseAcronymsPairedLegalFormsNot) {
  const StageCase c{
      "acrany",
      {{"Federal Institute of Hydrology", kOrg}, {"Tarsk Shipping", kOrg}},
      {},
      {},
      "The Federal Institute of Hydrology (BfG) measured it. "
      "Tarsk Shipping (GmbH) paid. The BfG said so.",
      ""};
  ExpectStage(
      c, {.on = {"org BfG <- BfG", "org BfG <- Federal Institute of Hydrology"},
          .not_off = {"org BfG <- Federal Institute of Hydrology"}});
  for (const std::string& s : Mentions(c))
    EXPECT_EQ(s.find("GmbH"), std::string::npos) << s;
}

// A broadcaster's news service is one name with it; a longer name after
// "News" is left alone.
TEST(OrgHeadStageTest, BroadcastersNewsServiceIsOneName) {
  const StageCase c{"orghead",
                    {{"VTN", kOrg}, {"KRB", kOrg}},
                    {},
                    {},
                    "VTN News reported it first. KRB News Channel followed.",
                    ""};
  ExpectStage(c, {.on = {"org VTN News <- VTN News", "org KRB <- KRB"},
                  .off = {"org VTN <- VTN"}});
}

// A name that ends with a number is a model only before the kind of thing
// it is: a party or a channel numbered so stays.
TEST(DesignationTest, NumberedBodiesStay) {
  const StageCase c{"designation",
                    {{"Democrats 66", kOrg}, {"Antena 3", kOrg}},
                    {},
                    {},
                    "Democrats 66 won seats, Antena 3 reported on Monday.",
                    ""};
  const std::vector<std::string> m = Mentions(c);
  EXPECT_TRUE(Has(m, "org Democrats 66 <- Democrats 66"))
      << ::testing::PrintToString(m);
  EXPECT_TRUE(Has(m, "org Antena 3 <- Antena 3"))
      << ::testing::PrintToString(m);
}

// A body named with an "of" phrase, then restated: the restatement is the
// body too; a name after a place alone is not.
TEST(RestateTest, BodyAfterAnOfPhrase) {
  const StageCase c{"restate",
                    {{"Supreme Court", kOrg},
                     {"Velmoria", kLoc},
                     {"Velmar Raad", kPer},
                     {"Tarsk", kLoc},
                     {"Ada Lind", kPer}},
                    {},
                    {},
                    "It went to the Supreme Court of Velmoria, the Velmar "
                    "Raad, which ruled. In Tarsk, the Ada Lind, a ferry, "
                    "sailed.",
                    ""};
  const std::vector<std::string> m = Mentions(c);
  EXPECT_TRUE(Has(m, "org Velmar Raad <- Velmar Raad"))
      << ::testing::PrintToString(m);
  EXPECT_TRUE(Has(m, "person Ada Lind <- Ada Lind"))
      << ::testing::PrintToString(m);
}

// A parliament's own name is an organisation, alone or after an adjective,
// whatever the tagger took it for.
TEST(OrgHeadsTest, ParliamentsOwnNameIsAnOrganisation) {
  const StageCase c{"orghead",
                    {{"Seimas", kLoc}, {"Polish Sejm", kLoc}},
                    {},
                    {},
                    "A member of the Seimas committee met the Polish Sejm.",
                    ""};
  ExpectStage(c,
              {.on = {"org Seimas <- Seimas", "org Polish Sejm <- Polish Sejm"},
               .off = {"place Seimas <- Seimas"}});
}

// Only a line that opens with "By " and splits into fields is a byline.
TEST(BylinePlaceTest, ProseIsNoByline) {
  const StageCase prose{"bylineplace",
                        {{"Tarsk", kPer}},
                        {},
                        {},
                        "Written by Ada Lind | Tarsk | 3 May 2025\n\nTarsk "
                        "said so.",
                        ""};
  const std::vector<std::string> m = Mentions(prose);
  EXPECT_TRUE(Has(m, "person Tarsk <- Tarsk")) << ::testing::PrintToString(m);
  EXPECT_FALSE(Has(m, "place Tarsk <- Tarsk")) << ::testing::PrintToString(m);
}

}  // namespace
}  // namespace byline
