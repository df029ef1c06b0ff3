// The extractor's own rules (cleaning, canonical names, acronyms,
// propagation, dates), with a stand-in tagger that tags listed strings, so
// these tests do not depend on what the statistical model learned.
#include "byline/index/entity_extractor.h"

#include <gtest/gtest.h>

#include <map>

#include "byline/index/passage_splitter.h"
#include "byline/index/txt_reader.h"
#include "support/list_tagger.h"

namespace byline {
namespace {

// Switches a document rule for one test: `nested`, off by default, is
// tested with it on.
struct RuleSwitch {
  RuleSwitch(const char* name, bool on) { SetEntityRule(name, on); }
  ~RuleSwitch() { ResetEntityRules(); }
  RuleSwitch(const RuleSwitch&) = delete;
  RuleSwitch& operator=(const RuleSwitch&) = delete;
};

using testing::ListTagger;

// A ListTagger that also knows some names' facts (gazetteers, countries),
// as the model's name lists would. The names in these tests are made up or
// general examples.
class FactsTagger : public ListTagger {
 public:
  FactsTagger(std::vector<std::pair<std::string, NerType>> names,
              std::map<std::string, NameFacts> facts,
              std::map<std::string, WordFacts> words = {})
      : ListTagger(std::move(names)),
        facts_(std::move(facts)),
        words_(std::move(words)) {}
  NameFacts LookUpName(std::string_view name) const override {
    auto it = facts_.find(std::string(name));
    return it == facts_.end() ? NameFacts() : it->second;
  }
  WordFacts LookUpWord(std::string_view word) const override {
    auto it = words_.find(std::string(word));
    return it == words_.end() ? WordFacts() : it->second;
  }

 private:
  std::map<std::string, NameFacts> facts_;
  std::map<std::string, WordFacts> words_;
};

NerTagger::NameFacts Place() {
  NerTagger::NameFacts f;
  f.gazetteer_place = true;
  return f;
}
NerTagger::NameFacts WordNetOrg() {
  NerTagger::NameFacts f;
  f.gazetteer_org = true;
  return f;
}
NerTagger::NameFacts City() {
  NerTagger::NameFacts f = Place();
  f.city = true;
  return f;
}
NerTagger::WordFacts Common() {
  NerTagger::WordFacts f;
  f.common = true;
  return f;
}
NerTagger::WordFacts Demonym() {
  NerTagger::WordFacts f;
  f.demonym = true;
  return f;
}
NerTagger::NameFacts Country() {
  NerTagger::NameFacts f = Place();
  f.country = true;
  return f;
}

struct Extracted {
  Article article;
  std::vector<Passage> passages;
  ExtractedEntities entities;
};

Extracted Extract(const std::string& content, const NerTagger* tagger) {
  Extracted e;
  EXPECT_TRUE(ParsePlainText(content, {}, &e.article).ok());
  // A passage per paragraph, as the cases are written: joining short ones
  // (SplitOptions::min_words) is the splitter's own test.
  SplitOptions one_per_paragraph;
  one_per_paragraph.min_words = 0;
  e.passages =
      SplitPassages(e.article.text, e.article.paragraphs, one_per_paragraph);
  e.entities = EntityExtractor(tagger).Extract(e.article, e.passages);
  return e;
}

// "type name <- text @passage" per mention.
std::vector<std::string> Describe(const Extracted& e) {
  std::vector<std::string> out;
  for (const Mention& m : e.entities.mentions) {
    EXPECT_EQ(e.article.text.substr(m.start, m.end - m.start), m.text);
    out.push_back(std::string(EntityTypeName(m.type)) + " " + m.name + " <- " +
                  m.text + " @" +
                  (m.passage == Mention::kNoPassage
                       ? std::string("title")
                       : std::to_string(m.passage)));
  }
  return out;
}

using Lines = std::vector<std::string>;
constexpr NerType kPer = NerType::kPerson, kOrg = NerType::kOrg,
                  kLoc = NerType::kPlace;

TEST(EntityExtractorTest, TitlesPossessivesAndShortForms) {
  const ListTagger tagger({{"Prime Minister Donald Tusk", kPer},
                           {"Tusk", kPer},
                           {"Jens Stoltenberg", kPer},
                           {"Stoltenberg's", kPer},
                           {"Poland's", kLoc}});
  const Extracted e = Extract(
      "Tusk meets allies\n\n"
      "Prime Minister Donald Tusk met Jens Stoltenberg.\n\n"
      "Stoltenberg's reply disappointed Poland's government; Tusk said so.\n",
      &tagger);
  EXPECT_EQ(
      Describe(e),
      (Lines{"person Donald Tusk <- Tusk @title",
             "person Donald Tusk <- Donald Tusk @0",
             "person Jens Stoltenberg <- Jens Stoltenberg @0",
             "person Jens Stoltenberg <- Stoltenberg @1",
             "place Poland <- Poland @1", "person Donald Tusk <- Tusk @1"}));
}

TEST(EntityExtractorTest, AcronymsPairedWithTheirExpansionAgree) {
  const ListTagger tagger(
      {{"North Atlantic Treaty Organization", kOrg}, {"NATO", kOrg}});
  const Extracted e = Extract(
      "Summit\n\nLeaders of the North Atlantic Treaty Organization (NATO) met."
      "\n\nNATO said the North Atlantic Treaty Organization would grow.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org NATO <- North Atlantic Treaty Organization @0",
                   "org NATO <- NATO @0", "org NATO <- NATO @1",
                   "org NATO <- North Atlantic Treaty Organization @1"}));
}

TEST(EntityExtractorTest, FindsTaggedNamesAgainButNotCommonWords) {
  // The tagger saw "Kowalski" and "Storm" once each; "storm" also occurs in
  // lowercase, so it is a common word and is not propagated.
  const ListTagger tagger({{"Anna Kowalski", kPer}, {"Storm", kOrg}});
  const Extracted e = Extract(
      "Title\n\nAnna Kowalski joined Storm.\n\n"
      "Later Anna Kowalski left; the storm passed.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"person Anna Kowalski <- Anna Kowalski @0",
                                "org Storm <- Storm @0",
                                "person Anna Kowalski <- Anna Kowalski @1"}));
}

TEST(EntityExtractorTest, MajorityTypeAndUnicodeNames) {
  const ListTagger tagger(
      {{"Radosław Sikorski", kPer}, {"Sikorski", kPer}, {"Żilina", kLoc}});
  const Extracted e =
      Extract("Title\n\nRadosław Sikorski visited Żilina.\n\nSikorski spoke.\n",
              &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"person Radosław Sikorski <- Radosław Sikorski @0",
                   "place Żilina <- Żilina @0",
                   "person Radosław Sikorski <- Sikorski @1"}));
}

TEST(EntityExtractorTest, NationalityWordsAreNotNames) {
  const ListTagger tagger({{"Australian", kLoc}, {"Canberra", kLoc}},
                          {"Australian"});
  const Extracted e =
      Extract("Title\n\nThe Australian minister flew to Canberra.\n", &tagger);
  EXPECT_EQ(Describe(e), (Lines{"place Canberra <- Canberra @0"}));
}

TEST(EntityExtractorTest, SurnameOfAFullNameIsThatPersonWhateverItsTag) {
  // The tagger calls "Oduya" a place twice and a person once (in the
  // full name); the full name decides.
  const ListTagger tagger({{"Mark Oduya", kPer}, {"Oduya", kLoc}});
  const Extracted e = Extract(
      "Title\n\nMark Oduya left.\n\nOduya said so. Oduya smiled.\n", &tagger);
  EXPECT_EQ(Describe(e), (Lines{"person Mark Oduya <- Mark Oduya @0",
                                "person Mark Oduya <- Oduya @1",
                                "person Mark Oduya <- Oduya @1"}));
}

TEST(EntityExtractorTest, AcronymOfANameInTheArticleIsFound) {
  const ListTagger tagger({{"Nordic Press Agency", kOrg}});
  const Extracted e = Extract(
      "Title\n\nThe Nordic Press Agency reported it.\n\n"
      "NPA gave no date. NASA was not involved.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org Nordic Press Agency <- Nordic Press Agency @0",
                   "org NPA <- NPA @1"}));
}

TEST(EntityExtractorTest, OfPhraseJoinsTheNameUnlessItIsAPlace) {
  const RuleSwitch nested("nested", true);  // off by default
  // "Veltria" (tagged as a place, but an organisation in WordNet) and
  // "Natural History" are not places: the name is whole. "Oslo" is a place
  // of its own (CoNLL and GUM cut it off), and a title after a name ends it.
  const FactsTagger tagger({{"Church", kOrg},
                            {"Veltria", kLoc},
                            {"Museum", kOrg},
                            {"Natural History", kOrg},
                            {"University", kOrg},
                            {"Oslo", kLoc}},
                           {{"Oslo", Place()}, {"Veltria", WordNetOrg()}});
  const Extracted e = Extract(
      "Title\n\nThe Church of Veltria met the Museum of Natural History CEO "
      "near the University of Oslo.\n",
      &tagger);
  EXPECT_EQ(
      Describe(e),
      (Lines{"org Church of Veltria <- Church of Veltria @0",
             "org Museum of Natural History <- Museum of Natural History @0",
             "org University of Oslo <- University @0",
             "place Oslo <- Oslo @0"}));
}

TEST(EntityExtractorTest, FacilitiesArePlacesWithTheNamesBeforeThem) {
  const ListTagger tagger({{"Lovell", kPer},
                           {"Space Center", kOrg},
                           {"Hayden Planetarium", kOrg},
                           {"Azadi", kLoc},
                           {"Stuart Hall", kPer}});
  const Extracted e = Extract(
      "Title\n\nCrews trained at Lovell Space Center, toured the Hayden "
      "Planetarium and met at Azadi Stadium with Stuart Hall by the Blue "
      "Mosque.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"place Lovell Space Center <- Lovell Space Center @0",
                   "place Hayden Planetarium <- Hayden Planetarium @0",
                   "place Azadi Stadium <- Azadi Stadium @0",
                   "person Stuart Hall <- Stuart Hall @0",
                   "place Blue Mosque <- Blue Mosque @0"}));
}

TEST(EntityExtractorTest, AcronymOfAnInstitutionTheTaggerMissed) {
  // Nothing is tagged: "MRB" and "ILO" are the initials of capitalised runs
  // that name institutions ("Board", "Organization"), so both the acronyms
  // and the runs are organisations; "Visual Studio" names none.
  const ListTagger tagger({});
  const Extracted e = Extract(
      "Title\n\nThe Malaysian Rubber Board's chief spoke. The MRB denied "
      "it.\n\nThe International Labour Organization said the ILO would "
      "help. Visual Studio users call it VS.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org Malaysian Rubber Board <- Malaysian Rubber Board @0",
                   "org MRB <- MRB @0",
                   "org International Labour Organization <- International "
                   "Labour Organization @1",
                   "org ILO <- ILO @1"}));
}

TEST(EntityExtractorTest, SurnameAloneIsThePersonOfTheFullName) {
  // The tagger found only the full name; the surname alone is found again.
  const ListTagger tagger({{"Ana Lindqvist", kPer}});
  const Extracted e = Extract(
      "Title\n\nAna Lindqvist curated the show.\n\nLindqvist said so.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"person Ana Lindqvist <- Ana Lindqvist @0",
                                "person Ana Lindqvist <- Lindqvist @1"}));
}

// A national side named by its country stays the place, as CoNLL has it
// ("Japan ... a lucky 2-1 win against Syria": both LOC); with rule `sport`
// (off by default: GUM's convention) a country in a match report is its
// team, an organisation. Either way the title, the score sentence and the
// results line agree.
TEST(EntityExtractorTest, CountriesInAMatchReport) {
  const FactsTagger tagger({{"Chile", kLoc}, {"Norway", kLoc}},
                           {{"Chile", Country()}, {"Norway", Country()}});
  const char* kReport =
      "Chile beat Norway\n\nChile defeated Norway 2 \u2013 1 in the group "
      "match. Chile scored twice after half-time and the goalkeeper saved "
      "a penalty.\n\nNext: Norway 0-0 Peru.\n";
  EXPECT_EQ(
      Describe(Extract(kReport, &tagger)),
      (Lines{"place Chile <- Chile @title", "place Norway <- Norway @title",
             "place Chile <- Chile @0", "place Norway <- Norway @0",
             "place Chile <- Chile @0", "place Norway <- Norway @1"}));
  SetEntityRule("sport", true);
  const Extracted gum_style = Extract(kReport, &tagger);
  const Extracted pact =
      Extract("Pact\n\nChile and Norway signed a trade pact.\n", &tagger);
  ResetEntityRules();
  EXPECT_EQ(Describe(gum_style),
            (Lines{"org Chile <- Chile @title", "org Norway <- Norway @title",
                   "org Chile <- Chile @0", "org Norway <- Norway @0",
                   "org Chile <- Chile @0", "org Norway <- Norway @1"}));
  EXPECT_EQ(Describe(pact),
            (Lines{"place Chile <- Chile @0", "place Norway <- Norway @0"}));
}

TEST(EntityExtractorTest, KnownCityTaggedAsOrganisationIsAPlace) {
  const FactsTagger tagger({{"Porto", kOrg}, {"Sonae", kOrg}},
                           {{"Porto", Place()}});
  const Extracted e =
      Extract("Title\n\nSonae opened a store in Porto.\n", &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org Sonae <- Sonae @0", "place Porto <- Porto @0"}));
}

TEST(EntityExtractorTest, CityTaggedAsPersonIsAPlaceUnlessPartOfAName) {
  // A capital standing for its government. Rule 'cityperson' is off by
  // default (held out it made surnames places).
  const RuleSwitch cityperson("cityperson", true);
  const FactsTagger tagger({{"Valdoria", kPer}}, {{"Valdoria", City()}});
  EXPECT_EQ(Describe(Extract("Title\n\nAllies support Valdoria with aid.\n",
                             &tagger)),
            (Lines{"place Valdoria <- Valdoria @0"}));
  // The same word as part of a person's name in the article stays hers.
  const FactsTagger named({{"Ada Valdoria", kPer}, {"Valdoria", kPer}},
                          {{"Valdoria", City()}});
  EXPECT_EQ(Describe(Extract("Title\n\nAda Valdoria spoke. Valdoria left.\n",
                             &named)),
            (Lines{"person Ada Valdoria <- Ada Valdoria @0",
                   "person Ada Valdoria <- Valdoria @0"}));
}

TEST(EntityExtractorTest, LeadingYearIsNotPartOfAName) {
  const ListTagger tagger({{"2030 OECD", kOrg}});
  const Extracted e =
      Extract("Title\n\nThe 2030 OECD report came out.\n", &tagger);
  EXPECT_EQ(Describe(e), (Lines{"org OECD <- OECD @0"}));
}

TEST(EntityExtractorTest, DatesUseTheArticleDate) {
  const Extracted e = Extract(
      "Pact signed\n\nBy A. Writer | Warsaw | 16 July 2024\n\n"
      "The pact was signed on July 8, and talks began in March 2023.\n",
      nullptr);
  EXPECT_EQ(e.entities.article_date, "2024-07-16");
  EXPECT_EQ(Describe(e), (Lines{"date 2024-07-16 <- 16 July 2024 @0",
                                "date 2024-07-08 <- July 8 @1",
                                "date 2023-03 <- March 2023 @1"}));
}

TEST(EntityExtractorTest, UndatedArticleKeepsPartialDates) {
  const Extracted e = Extract(
      "Undated\n\nThe fair opens on 14 July, as every year.\n", nullptr);
  EXPECT_EQ(e.entities.article_date, "");
  EXPECT_EQ(Describe(e), (Lines{"date --07-14 <- 14 July @0"}));
}

}  // namespace
}  // namespace byline

namespace byline {
namespace {

TEST(EntityExtractorTest, PossessiveInsideAnOrganisationNameIsOneName) {
  // One name, whose span is the head after the possessive (rule
  // 'posshead'), whether the tagger cut it ("Northern People" + "Army")
  // or not ("Free Men's Party"); an acronym stays a name of its own.
  // 'posshead' is off by default (GUM's convention, not CoNLL's).
  const RuleSwitch posshead("posshead", true);
  const ListTagger tagger({{"Northern People", kOrg},
                           {"Army", kOrg},
                           {"NATO", kOrg},
                           {"Fleet", kOrg},
                           {"Free Men's Party", kOrg}});
  const Extracted e = Extract(
      "Border clash\n\nThe Northern People's Army fired first. NATO's Fleet "
      "stayed in port. The Free Men's Party protested.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"org Northern People's Army <- Army @0",
                                "org NATO <- NATO @0", "org Fleet <- Fleet @0",
                                "org Free Men's Party <- Party @0"}));
}

TEST(EntityExtractorTest, FirstWordOfAPlaceNameStandsForIt) {
  const ListTagger tagger({{"West Arvonia", kLoc},
                           {"West", kLoc},
                           {"East Arvonia", kLoc},
                           {"East", kLoc}});
  const Extracted e = Extract(
      "Talks\n\nWest Arvonia and East Arvonia met. The West asked the East "
      "to wait.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"place West Arvonia <- West Arvonia @0",
                                "place East Arvonia <- East Arvonia @0",
                                "place West Arvonia <- West @0",
                                "place East Arvonia <- East @0"}));
}

TEST(EntityExtractorTest, CompassAndNationalityIsANationality) {
  // The lists know the two-word form only; the one-word form follows.
  const ListTagger tagger(
      {{"South Arvonian", kOrg}, {"Arvonian", kOrg}, {"Lena Moor", kPer}},
      {"South Arvonian"});
  const Extracted e = Extract(
      "Visit\n\nSouth Arvonian officials met Lena Moor. Arvonian papers "
      "said so.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"person Lena Moor <- Lena Moor @0"}));
}

}  // namespace
}  // namespace byline

namespace byline {
namespace {

TEST(EntityExtractorTest, NestedNamesAreCutButKeepTheirWholeName) {
  const RuleSwitch nested("nested", true);  // off by default
  // "Tarnow" is a listed city and "Mara Velt" a person of the article: the
  // organisations' spans start after them, their canonical names are
  // whole. A nationality word ("Danish") and a common word that is also a
  // town somewhere ("Harbour") are not names of their own.
  const FactsTagger tagger(
      {{"Tarnow Police Department", kOrg},
       {"Mara Velt", kPer},
       {"Mara Velt Foundation", kOrg},
       {"Danish Film Board", kOrg},
       {"Harbour Trust", kOrg},
       {"Tarnow West", kOrg}},
      {{"Tarnow", City()}, {"Harbour", City()}, {"Danish", Country()}},
      {{"Danish", Demonym()}, {"Harbour", Common()}});
  const Extracted e = Extract(
      "Title\n\nThe Tarnow Police Department thanked Mara Velt, whose Mara "
      "Velt Foundation, the Danish Film Board, the Harbour Trust and Tarnow "
      "West gave.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"place Tarnow <- Tarnow @0",
                   "org Tarnow Police Department <- Police Department @0",
                   "person Mara Velt <- Mara Velt @0",
                   "person Mara Velt <- Mara Velt @0",
                   "org Mara Velt Foundation <- Foundation @0",
                   "org Danish Film Board <- Danish Film Board @0",
                   "org Harbour Trust <- Harbour Trust @0",
                   "org Tarnow West <- Tarnow West @0"}));
}

// A country's code in capitals opens a nested name though its lowercase
// form is a common word ("US" of "US Science Board"); "A" opening a
// sentence is no part of a name.
TEST(EntityExtractorTest, CountryCodeInCapitalsIsANestedName) {
  const RuleSwitch nested("nested", true);  // off by default
  const FactsTagger tagger(
      {{"ZZ Science Board", kOrg}, {"A Velmor News", kOrg}},
      {{"ZZ", Country()}}, {{"ZZ", Common()}});
  const Extracted e = Extract(
      "Title\n\nThe ZZ Science Board met. A Velmor News report said so.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"place ZZ <- ZZ @0",
                   "org ZZ Science Board <- Science Board @0",
                   "org Velmor News <- Velmor News @0"}));
}

// Teams in results are organisations whatever the tagger said, in every
// mention of the article; in a sentence, a name the tagger or the lists
// take for a person's is left be (tennis, elections).
TEST(EntityExtractorTest, TeamsInResultsAreOrganisations) {
  NerTagger::NameFacts person;
  person.person = true;
  const FactsTagger tagger(
      {{"Tarnow", kLoc}, {"Mara Velt", kPer}, {"Velt", kPer}, {"Orlen", kOrg}},
      {{"Tarnow", City()}, {"Velt", person}}, {});
  const Extracted e = Extract(
      "Title\n\nTarnow beat Orlen 2-1 on Saturday. Velt beat Mara Velt 6-4 "
      "in the final.\n\nTarnow 3 Orlen 0\n\nTarnow hosts the next round.\n",
      &tagger);
  EXPECT_EQ(
      Describe(e),
      (Lines{"org Tarnow <- Tarnow @0", "org Orlen <- Orlen @0",
             "person Mara Velt <- Velt @0", "person Mara Velt <- Mara Velt @0",
             "org Tarnow <- Tarnow @1", "org Orlen <- Orlen @1",
             "org Tarnow <- Tarnow @2"}));
}

// In a results table a club named after its town is an organisation and a
// national side named by its country a place, whatever the tagger made of
// either.
TEST(EntityExtractorTest, ResultsLinesTypeClubsAndNationsApart) {
  const FactsTagger tagger(
      {{"Japan", kOrg}, {"Syria", kOrg}, {"Leeds", kLoc}, {"Chelsea", kLoc}},
      {{"Japan", Country()}, {"Syria", Country()}, {"Leeds", City()}}, {});
  const Extracted e =
      Extract("Results\n\nJapan 2 Syria 1\nLeeds 2 Chelsea 1\n", &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"place Japan <- Japan @0", "place Syria <- Syria @0",
                   "org Leeds <- Leeds @0", "org Chelsea <- Chelsea @0"}));
}

// A standings line's name is a club, a national side's a place; a
// player's line in a leaderboard stays the person's.
TEST(EntityExtractorTest, StandingsLinesTypeTheirNames) {
  const FactsTagger tagger(
      {{"Tarnow", kLoc}, {"Arvia", kLoc}, {"Mara Velt", kPer}},
      {{"Tarnow", City()}, {"Arvia", Country()}}, {});
  const Extracted e = Extract(
      "Standings\n\nTarnow 16 11 4 1 41 16 37\nArvia 3 2 1 0 5 1 7\n"
      "Mara Velt 68 70 72 210\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org Tarnow <- Tarnow @0", "place Arvia <- Arvia @0",
                   "person Mara Velt <- Mara Velt @0"}));
}

// A scorecard's players are persons, though a bowler's name is a city's
// too, and stay so where the article names them again.
TEST(EntityExtractorTest, ScorecardPlayersArePersons) {
  const FactsTagger tagger({{"Ana Berg", kPer}, {"Tarsk", kLoc}},
                           {{"Tarsk", City()}}, {});
  const Extracted e = Extract(
      "Scoreboard\n\nAna Berg lbw b Tarsk 12\n\nTarsk took four wickets.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"person Ana Berg <- Ana Berg @0", "person Tarsk <- Tarsk @0",
                   "person Tarsk <- Tarsk @1"}));
}

// Rule stage `orghead`: a name that ends with an organisation's head noun
// is an organisation, however the tagger typed it; the town it starts
// with stays a place where it stands alone.
TEST(EntityExtractorTest, NamesEndingWithABodysHeadAreOrganisations) {
  const FactsTagger tagger({{"Ashcombe", kLoc},
                            {"Ashcombe Heritage Forum", kLoc},
                            {"Mara Velt Society", kPer}},
                           {}, {});
  const std::string text =
      "Title\n\nThe museum in Ashcombe thanked the Ashcombe Heritage Forum "
      "and the Mara Velt Society on Monday.\n";
  const Extracted e = Extract(text, &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"place Ashcombe <- Ashcombe @0",
                   "org Ashcombe Heritage Forum <- Ashcombe Heritage Forum @0",
                   "org Mara Velt Society <- Mara Velt Society @0"}));
  SetEntityRule("orghead", false);
  const Extracted off = Extract(text, &tagger);
  ResetEntityRules();
  EXPECT_NE(Describe(off), Describe(e));
}

// Rule stage `equipment`: a weapon is no name, nor the acronym the
// article pairs with it; the bodies around it stay.
TEST(EntityExtractorTest, WeaponsAndTheirAcronymsAreNoNames) {
  const FactsTagger tagger(
      {{"National Advanced Surface-to-Air Missile System", kOrg},
       {"NASAMS", kOrg},
       {"Kongsberg", kOrg},
       {"Vilnius", kLoc}},
      {}, {});
  const std::string text =
      "Title\n\nVilnius will buy the National Advanced Surface-to-Air "
      "Missile System (NASAMS) from Kongsberg. The NASAMS batteries arrive "
      "next year.\n";
  EXPECT_EQ(
      Describe(Extract(text, &tagger)),
      (Lines{"place Vilnius <- Vilnius @0", "org Kongsberg <- Kongsberg @0"}));
  SetEntityRule("equipment", false);
  const Extracted off = Extract(text, &tagger);
  ResetEntityRules();
  EXPECT_EQ(Describe(off).size(), 5u)
      << ::testing::PrintToString(Describe(off));
}

// Rule stage `cue`: a lone word the tagger took for a person, after a
// kind of place and "of", is a place; after a post in a body, or before an
// apposition that calls it a branch of one, an organisation.
TEST(EntityExtractorTest, WordsAroundALoneNameTellItsType) {
  const FactsTagger tagger({{"Kazmark", kPer},
                            {"Velmora", kPer},
                            {"Ida Brenner", kPer},
                            {"Friends of the Fjord", kOrg}},
                           {}, {});
  const std::string text =
      "Title\n\nThe race ran through the old quarter of Kazmark. The case "
      "was brought by Velmora, the Danish branch of Friends of the Fjord. "
      "Ida Brenner, the director of Velmora, spoke.\n";
  EXPECT_EQ(Describe(Extract(text, &tagger)),
            (Lines{"place Kazmark <- Kazmark @0", "org Velmora <- Velmora @0",
                   "org Friends of the Fjord <- Friends of the Fjord @0",
                   "person Ida Brenner <- Ida Brenner @0",
                   "org Velmora <- Velmora @0"}));
  const RuleSwitch off("cue", false);
  const Extracted e = Extract(text, &tagger);
  EXPECT_EQ(Describe(e)[0], "person Kazmark <- Kazmark @0");
  EXPECT_EQ(Describe(e)[1], "person Velmora <- Velmora @0");
}

// Rule stages `placelink` and `theplace`: "Vila Serra de Tavo" is one
// place, and "The Hague"-like names keep their capital "The".
TEST(EntityExtractorTest, PlaceNamesOfSeveralNames) {
  const FactsTagger tagger(
      {{"Vila Serra", kLoc}, {"Tavo", kLoc}, {"Haagen", kLoc}, {"Porto", kLoc}},
      {}, {});
  const std::string text =
      "Title\n\nVisitors cross from Porto to Vila Serra de Tavo. The court "
      "in The Haagen ruled.\n\nHaagen is quiet.\n";
  EXPECT_EQ(Describe(Extract(text, &tagger)),
            (Lines{"place Porto <- Porto @0",
                   "place Vila Serra de Tavo <- Vila Serra de Tavo @0",
                   "place The Haagen <- The Haagen @0",
                   "place The Haagen <- Haagen @1"}));
  {
    const RuleSwitch off("placelink", false);
    EXPECT_EQ(Describe(Extract(text, &tagger))[1],
              "place Vila Serra <- Vila Serra @0");
  }
  const RuleSwitch off("theplace", false);
  EXPECT_EQ(Describe(Extract(text, &tagger))[2], "place Haagen <- Haagen @0");
}

// Rule 'partyshort', and 'headshort' for a head the tagger tagged alone:
// short forms of an organisation's name are named by the whole name.
TEST(EntityExtractorTest, ShortFormsOfPartiesAndBodies) {
  const FactsTagger tagger({{"Harbour Party", kOrg},
                            {"Harbour", kOrg},
                            {"Nordic Fisheries Commission", kOrg},
                            {"Commission", kOrg}},
                           {}, {});
  const std::string text =
      "Title\n\nThe Harbour Party and the Nordic Fisheries Commission met. "
      "Support for Harbour rose. The Commission said nothing.\n";
  EXPECT_EQ(Describe(Extract(text, &tagger)),
            (Lines{"org Harbour Party <- Harbour Party @0",
                   "org Nordic Fisheries Commission <- Nordic Fisheries "
                   "Commission @0",
                   "org Harbour Party <- Harbour @0",
                   "org Nordic Fisheries Commission <- Commission @0"}));
  {
    const RuleSwitch off("partyshort", false);
    EXPECT_EQ(Describe(Extract(text, &tagger))[2], "org Harbour <- Harbour @0");
  }
  const RuleSwitch off("headshort", false);
  EXPECT_EQ(Describe(Extract(text, &tagger))[3],
            "org Commission <- Commission @0");
}

// Nationality and regional adjectives alone are no names; a given name
// that looks like one ("Adrian") is.
TEST(EntityExtractorTest, AdjectivesAloneAreNoNames) {
  NerTagger::WordFacts capital;
  capital.dictionary_capital = true;
  NerTagger::WordFacts given = capital;
  given.given_name = true;
  const FactsTagger tagger({{"Slovenian", kPer},
                            {"European", kLoc},
                            {"South Bohemian", kLoc},
                            {"Adrian", kPer},
                            {"Ljubljana", kLoc}},
                           {},
                           {{"Slovenian", Demonym()},
                            {"European", capital},
                            {"Bohemian", capital},
                            {"Adrian", given}});
  const Extracted e = Extract(
      "Title\n\nThe Slovenian and European grants reach South Bohemian "
      "towns, Adrian said in Ljubljana.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"person Adrian <- Adrian @0",
                                "place Ljubljana <- Ljubljana @0"}));
}

// A lowercase word at the end of a tagged span is not part of the name.
TEST(EntityExtractorTest, LowercaseWordAtTheEndIsCutOff) {
  const FactsTagger tagger({{"Riga airport", kLoc}, {"Daugava river", kLoc}},
                           {});
  const Extracted e = Extract(
      "Title\n\nTrains will reach Riga airport and cross the Daugava river "
      "soon.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"place Riga <- Riga @0", "place Daugava <- Daugava @0"}));
}

// A country's dotted code that the tagger left out is that country.
TEST(EntityExtractorTest, UntaggedDottedCountryCodeIsAPlace) {
  const FactsTagger tagger({{"U.S.", kLoc}, {"Geneva", kLoc}},
                           {{"U.K.", Country()}, {"U.S.", Country()}}, {});
  const Extracted e = Extract(
      "Title\n\nThe U.S. and the U.K. signed the treaty in Geneva, "
      "said the A.B. Group.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"place U.S. <- U.S. @0", "place U.K. <- U.K. @0",
                   "place Geneva <- Geneva @0"}));
}

// By default (the CoNLL style), such names stay whole.
TEST(EntityExtractorTest, NestedNamesStayWholeByDefault) {
  const FactsTagger tagger({{"Tarnow Police Department", kOrg},
                            {"Mara Velt", kPer},
                            {"Mara Velt Foundation", kOrg}},
                           {{"Tarnow", City()}}, {});
  const Extracted e = Extract(
      "Title\n\nThe Tarnow Police Department thanked Mara Velt, whose Mara "
      "Velt Foundation gave.\n",
      &tagger);
  EXPECT_EQ(
      Describe(e),
      (Lines{"org Tarnow Police Department <- Tarnow Police Department @0",
             "person Mara Velt <- Mara Velt @0",
             "org Mara Velt Foundation <- Mara Velt Foundation @0"}));
}

TEST(EntityExtractorTest, FirstWordsTellSchoolsSaintsAndStreets) {
  const RuleSwitch nested("nested", true);  // off by default
  // Taken for people by the tagger: a school named in Spanish, a church
  // named after a saint, a street; and "Municipality" before "of" is the
  // council, whatever the tagger said.
  const FactsTagger tagger({{"Instituto Verde", kPer},
                            {"Santo Lorenzo", kPer},
                            {"Mauerstrasse", kPer},
                            {"Municipality", kLoc},
                            {"Tarnow", kLoc}},
                           {});
  const Extracted e = Extract(
      "Title\n\nPupils of Instituto Verde sang at Santo Lorenzo on "
      "Mauerstrasse for the Municipality of Tarnow.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"org Instituto Verde <- Instituto Verde @0",
                                "place Santo Lorenzo <- Santo Lorenzo @0",
                                "place Mauerstrasse <- Mauerstrasse @0",
                                "org Municipality of Tarnow <- Municipality @0",
                                "place Tarnow <- Tarnow @0"}));
  // "St" without a dot, as British papers write it.
  const FactsTagger st({{"St Goar", kPer}}, {});
  EXPECT_EQ(Describe(Extract("Title\n\nBarges moor at St Goar.\n", &st)),
            (Lines{"place St Goar <- St Goar @0"}));
  // "New" and "Old" in Polish begin places.
  const FactsTagger polish({{"Nowa Huta", kPer}, {"Stary Sącz", kPer}}, {});
  EXPECT_EQ(Describe(Extract(
                "Title\n\nTrams run from Nowa Huta; buses from Stary Sącz.\n",
                &polish)),
            (Lines{"place Nowa Huta <- Nowa Huta @0",
                   "place Stary Sącz <- Stary Sącz @0"}));
  // A network or association named in French, German or Polish.
  const FactsTagger bodies(
      {{"Réseau Vert", kPer}, {"Stowarzyszenie Wisła", kLoc}}, {});
  EXPECT_EQ(Describe(Extract("Title\n\nRéseau Vert and Stowarzyszenie Wisła "
                             "signed the letter.\n",
                             &bodies)),
            (Lines{"org Réseau Vert <- Réseau Vert @0",
                   "org Stowarzyszenie Wisła <- Stowarzyszenie Wisła @0"}));
}

TEST(EntityExtractorTest, NamesAfterAnOrganisationNounAreOrganisations) {
  // "Kestrel" is not tagged, "Aurora" is tagged as a person.
  const FactsTagger tagger({{"Aurora", kPer}}, {});
  const Extracted e = Extract(
      "Title\n\nThe magazine Kestrel wrote that the schools Aurora and Bellamy "
      "Hill must pay.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org Kestrel <- Kestrel @0", "org Aurora <- Aurora @0",
                   "org Bellamy Hill <- Bellamy Hill @0"}));
}

TEST(EntityExtractorTest, CommonWordsAtSentenceStartAndPortfoliosAreNotNames) {
  // "Harbour" is capitalised only where a sentence starts; "Fisheries"
  // names a minister's portfolio; "Forum" is capitalised inside a sentence
  // too, so it stays a name.
  const FactsTagger tagger(
      {{"Harbour", kOrg},
       {"Fisheries", kOrg},
       {"Forum", kOrg},
       {"Ana Lind", kPer}},
      {},
      {{"Harbour", Common()}, {"Fisheries", Common()}, {"Forum", Common()}});
  const Extracted e = Extract(
      "Harbour news\n\nHarbour fees rose. Minister of Fisheries Ana Lind "
      "spoke.\n\nForum members and the Forum agreed.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"person Ana Lind <- Ana Lind @0", "org Forum <- Forum @1",
                   "org Forum <- Forum @1"}));
}

TEST(EntityExtractorTest, NameAfterAnHonorificIsAPerson) {
  const ListTagger tagger({});
  const Extracted e = Extract(
      "Title\n\nThe plan, Mr. Kowalczyk says, is late. Dr Ewa Nowak agrees."
      " So does Professor Jon Dahl, and Emeritus Professor Ola Lind.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"person Kowalczyk <- Kowalczyk @0",
                                "person Ewa Nowak <- Ewa Nowak @0",
                                "person Jon Dahl <- Jon Dahl @0",
                                "person Ola Lind <- Ola Lind @0"}));
}

TEST(EntityExtractorTest, VehiclesAndPluralsOfProductsAreNotNames) {
  // "Nordstjerna" is a ship wherever it is named; "Lumas" is the plural of
  // a product the article also names in the singular.
  const FactsTagger tagger({{"Nordstjerna", kOrg},
                            {"Tern", kLoc},
                            {"Lumas", kOrg},
                            {"Oslo", kLoc},
                            {"Annelie", kPer}},
                           {});
  const Extracted e = Extract(
      "Title\n\nThe cruise ship Nordstjerna and the Space Shuttle Tern left "
      "Oslo. Nordstjerna carried 40 Lumas; each Luma was sold. His motor "
      "vessel, the Annelie, waited.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"place Oslo <- Oslo @0"}));
}

TEST(EntityExtractorTest, VehicleTheTaggerMissedIsDroppedEverywhere) {
  // The tagger misses "Tern" after "Space Shuttle" and tags it elsewhere
  // ("Tern's crew"): it is a vehicle in the whole article, also where the
  // article names it again.
  const FactsTagger tagger({{"Tern's", kLoc}, {"Oslo", kLoc}}, {});
  const Extracted e = Extract(
      "Title\n\nThe Space Shuttle Tern, which lifts off soon, is ready. "
      "Tern's crew trained in Oslo, and Tern waits.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"place Oslo <- Oslo @0"}));
}

TEST(EntityExtractorTest, FaithsFeastsAndHomeNationAdjectivesAreNotNames) {
  // Whatever type the tagger gives them; "Christian" stays where it is a
  // word of a person's name in the article.
  const FactsTagger tagger({{"Buddhist", kOrg},
                            {"Hajj", kOrg},
                            {"English", kOrg},
                            {"Islam", kPer},
                            {"Christian Lund", kPer},
                            {"Christian", kPer},
                            {"Dag Berg", kPer}},
                           {});
  const Extracted e = Extract(
      "Title\n\nThe town is mainly Buddhist; pilgrims left for the Hajj "
      "and Islam's holiest site. English captain Dag Berg scored, and "
      "Christian Lund said Christian would stay.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"person Dag Berg <- Dag Berg @0",
                                "person Christian Lund <- Christian Lund @0",
                                "person Christian <- Christian @0"}));
}

TEST(EntityExtractorTest, EventNamedAfterANameIsThatName) {
  // "Nordel" is tagged alone elsewhere and "Vell" is known to the lists:
  // the events are named after them. "Harvest" is neither, so its
  // festival stays as tagged.
  const FactsTagger tagger({{"Nordel Science Fair", kOrg},
                            {"Nordel", kOrg},
                            {"Vell City Lantern Festival", kOrg},
                            {"Harvest Festival", kOrg},
                            {"Second Dorn War", kOrg},
                            {"Ministry of War", kOrg}},
                           {{"Vell City", Place()}});
  const Extracted e = Extract(
      "Title\n\nShe won the Nordel Science Fair, and Nordel hired her. The "
      "Vell City Lantern Festival and the Harvest Festival opened.\n\nThe "
      "Ministry of War said the Second Dorn War was over.\n",
      &tagger);
  // A war is dropped even when no name is found in front of it.
  EXPECT_EQ(Describe(e),
            (Lines{"org Nordel <- Nordel @0", "org Nordel <- Nordel @0",
                   "place Vell City <- Vell City @0",
                   "org Harvest Festival <- Harvest Festival @0",
                   "org Ministry of War <- Ministry of War @1"}));
}

TEST(EntityExtractorTest, InitialsWithFullStopsAreTheNamesAcronym) {
  // "U.N." spells the initials of the tagged "United Nations"; "A.B."
  // spells nothing the article names.
  const FactsTagger tagger({{"United Nations", kOrg}}, {});
  const Extracted e = Extract(
      "Title\n\nThe United Nations met. A U.N. envoy and A.B. Lund left "
      "for the U.N.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"org United Nations <- United Nations @0",
                                "org U.N. <- U.N. @0", "org U.N. <- U.N. @0"}));
}

TEST(EntityExtractorTest, InstitutionHeadAfterTheIsTheOneSuchName) {
  // One church in the article: "the Church" is short for it. Two courts:
  // "the Court" could be either, and stays untagged.
  const FactsTagger tagger({{"Church of Vell", kOrg},
                            {"Court of Appeal", kOrg},
                            {"High Court of Dorn", kOrg}},
                           {});
  const Extracted e = Extract(
      "Title\n\nThe Church of Vell sued; the Church's lawyer and the Court "
      "of Appeal met. The High Court of Dorn ruled, and the Court said the "
      "Church must pay.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org Church of Vell <- Church of Vell @0",
                   "org Church of Vell <- Church @0",
                   "org Court of Appeal <- Court of Appeal @0",
                   "org High Court of Dorn <- High Court of Dorn @0",
                   "org Church of Vell <- Church @0"}));
}

TEST(EntityExtractorTest, AcronymNextToAPersonIsTheirOrganisation) {
  // The PDU is never tagged: it is found after "Ana Lind of the", before
  // "'s Jon Berg", and then everywhere; "US" is a country, not a party.
  const FactsTagger tagger({{"Ana Lind", kPer}, {"Jon Berg", kPer}},
                           {{"US", Country()}});
  const Extracted e = Extract(
      "Title\n\nAna Lind of the PDU won; PDU's Jon Berg lost. Ana Lind of "
      "US fame said the PDU grew.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"person Ana Lind <- Ana Lind @0", "org PDU <- PDU @0",
                   "org PDU <- PDU @0", "person Jon Berg <- Jon Berg @0",
                   "person Ana Lind <- Ana Lind @0", "org PDU <- PDU @0"}));
}

TEST(EntityExtractorTest, BracketedAcronymSpellsTheNameBeforeIt) {
  // The tagger cut the first name at "and" and missed the one with a
  // number; an acronym may hold the initials in another order (it spells
  // the name in its own language); the acronym of a facility is a place,
  // like its name.
  const ListTagger tagger({{"National Union of Consumers", kOrg},
                           {"Lovell", kPer},
                           {"Space Center", kOrg}});
  const Extracted e = Extract(
      "Title\n\nThe National Union of Consumers and Tenants (UNCT) wrote to "
      "deputies of Movimento 7 Lune (M7L). The UNCT met at Lovell Space "
      "Center (LSC).\n",
      &tagger);
  EXPECT_EQ(
      Describe(e),
      (Lines{"org UNCT <- National Union of Consumers and Tenants @0",
             "org UNCT <- UNCT @0", "org M7L <- Movimento 7 Lune @0",
             "org M7L <- M7L @0", "org UNCT <- UNCT @0",
             "place LSC <- Lovell Space Center @0", "place LSC <- LSC @0"}));
}

TEST(EntityExtractorTest, AcronymFirstWithItsNameInBrackets) {
  // The acronym is of the name in its own language, so its letters come in
  // another order.
  const ListTagger tagger({{"National Union of Consumers", kOrg}});
  const Extracted e = Extract(
      "Title\n\nThe UNC (National Union of Consumers) complained.\n\n"
      "The UNC will appeal.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"org UNC <- UNC @0",
                                "org UNC <- National Union of Consumers @0",
                                "org UNC <- UNC @1"}));
}

TEST(EntityExtractorTest, ForeignAcronymAfterAnOrganisation) {
  // Capitals in brackets after an organisation are its acronym, though
  // they do not spell its English name; a country in brackets is not.
  const FactsTagger tagger(
      {{"Nordic Aid Network", kOrg}, {"Harbour Workers Union", kOrg}},
      {{"UK", Country()}});
  const Extracted e = Extract(
      "Title\n\nThe Nordic Aid Network (RNS) and the Harbour Workers Union "
      "(UK) met.\n\nRNS doctors left.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org RNS <- Nordic Aid Network @0", "org RNS <- RNS @0",
                   "org Harbour Workers Union <- Harbour Workers Union @0",
                   "org RNS <- RNS @1"}));
}

TEST(EntityExtractorTest, PictureCreditNamesAPersonNotAPlace) {
  // A user name that looks like a street, in a credit, is the photographer;
  // the street in the caption and a listed city in a credit stay places.
  const FactsTagger tagger(
      {{"Lindenallee", kPer}, {"Mauerstrasse", kLoc}, {"Tarnow", kLoc}},
      {{"Tarnow", City()}});
  const Extracted e = Extract(
      "Title\n\nA market on Mauerstrasse. Photo: Lindenallee.\n\n"
      "The old port. Image: Tarnow.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"place Mauerstrasse <- Mauerstrasse @0",
                                "person Lindenallee <- Lindenallee @0",
                                "place Tarnow <- Tarnow @1"}));
}

TEST(EntityExtractorTest, NameBeforeANounForLandIsAPlace) {
  // Taken for organisations by the tagger; an acronym stays one.
  const ListTagger tagger({{"Kestel", kOrg}, {"Dravna", kOrg}, {"NATO", kOrg}});
  const Extracted e = Extract(
      "Title\n\nNATO troops trained at the Kestel training area in the "
      "Dravna region. The NATO area was closed.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org NATO <- NATO @0", "place Kestel <- Kestel @0",
                   "place Dravna <- Dravna @0", "org NATO <- NATO @0"}));
}

TEST(EntityExtractorTest, SentenceOpeningWordIsNotPartOfAName) {
  // The tagger took the sentence's first word into the name; inside a
  // sentence the same word stays (a band called "Still Waters").
  const ListTagger tagger({{"Ana Lindqvist", kPer},
                           {"While Lindqvist", kPer},
                           {"Still Waters", kOrg}});
  const Extracted e = Extract(
      "Title\n\nAna Lindqvist spoke first. While Lindqvist was away, "
      "the band Still Waters played.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"person Ana Lindqvist <- Ana Lindqvist @0",
                                "person Ana Lindqvist <- Lindqvist @0",
                                "org Still Waters <- Still Waters @0"}));
}

TEST(EntityExtractorTest, DatelineInCapitalsIsThePlace) {
  // A paragraph that opens with a listed place in capitals; capitals the
  // lists do not know as a place stay as the tagger had them.
  const FactsTagger tagger(
      {{"OSLVIK", kOrg}, {"Oslvik", kLoc}, {"NORDA", kOrg}},
      {{"Oslvik", City()}});
  const Extracted e = Extract(
      "Title\n\nOSLVIK (Wire) - Talks began in Oslvik on Monday.\n\n"
      "NORDA said the talks would go on.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"place Oslvik <- OSLVIK @0", "place Oslvik <- Oslvik @0",
                   "org NORDA <- NORDA @1"}));
}

TEST(EntityExtractorTest, OrganisationWithoutItsQualifierIsTheQualifiedName) {
  // "UN Harbour Council" ... "the Harbour Council": one organisation. A
  // brand in capitals is no qualifier.
  NerTagger::NameFacts un = WordNetOrg();
  const FactsTagger tagger({{"UN Harbour Council", kOrg},
                            {"Harbour Council", kOrg},
                            {"BRIX Star Fleet", kOrg},
                            {"Star Fleet", kOrg}},
                           {{"UN", un}});
  const Extracted e = Extract(
      "Title\n\nThe UN Harbour Council met. The Harbour Council voted.\n\n"
      "BRIX Star Fleet sets sold out. Star Fleet fans queued.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org UN Harbour Council <- UN Harbour Council @0",
                   "org UN Harbour Council <- Harbour Council @0",
                   "org BRIX Star Fleet <- BRIX Star Fleet @1",
                   "org Star Fleet <- Star Fleet @1"}));
}

TEST(EntityExtractorTest, NewspaperNamedForItsTownIsOneName) {
  const RuleSwitch nested("nested", true);  // off by default
  // A police department is cut from its town (the CoNLL / GUM cut); a
  // newspaper keeps the town in its name.
  const FactsTagger tagger(
      {{"Tarnow Evening Courier", kOrg}, {"Tarnow Police Department", kOrg}},
      {{"Tarnow", City()}});
  const Extracted e = Extract(
      "Title\n\nThe Tarnow Evening Courier said the Tarnow Police "
      "Department had closed the road.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org Tarnow Evening Courier <- Tarnow Evening Courier @0",
                   "place Tarnow <- Tarnow @0",
                   "org Tarnow Police Department <- Police Department @0"}));
}

TEST(EntityExtractorTest, AmpersandAndLegalFormsAreNoNameEnds) {
  // A name the tagger cut after "&" takes the capitalised word after it;
  // before a lowercase word the "&" goes. A legal form or a title alone is
  // no organisation.
  // A line break ends the name.
  const ListTagger tagger({{"Brandt &", kOrg},
                           {"Inc.", kOrg},
                           {"CEO &", kOrg},
                           {"Orla Kest &", kOrg}});
  const Extracted e = Extract(
      "Title\n\nBrandt & Sons sold Vessa, Inc. to a fund. Its CEO & founder "
      "left. Orla Kest &\nDahl Mills agreed.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"org Brandt & Sons <- Brandt & Sons @0",
                                "org Orla Kest <- Orla Kest @0"}));
}

TEST(EntityExtractorTest, PortfolioAfterOfIsPartOfTheMinistry) {
  // "Health" and "Finance" are portfolios of titles ("Health Minister"),
  // but after "Ministry of" they end the ministry's name; a title after
  // the name still ends it.
  const ListTagger tagger({{"Varnian Ministry", kOrg},
                           {"Health", kOrg},
                           {"Ministry", kOrg},
                           {"Jan Berg", kPer}});
  const Extracted e = Extract(
      "Title\n\nThe Varnian Ministry of Health agreed, and the Ministry of "
      "Finance Minister Jan Berg spoke.\n",
      &tagger);
  EXPECT_EQ(
      Describe(e),
      (Lines{"org Varnian Ministry of Health <- Varnian Ministry of Health @0",
             "org Ministry of Finance <- Ministry of Finance @0",
             "person Jan Berg <- Jan Berg @0"}));
}

TEST(EntityExtractorTest, HyphenatedGivenNameAfterASurname) {
  // The stand-in tagger finds the surname only; "Bush-era" and
  // "Prize-winner" are English compounds, not given names.
  const FactsTagger tagger(
      {{"Tam", kPer}}, {},
      {{"era", Common()}, {"Prize", Common()}, {"winner", Common()}});
  const Extracted e = Extract(
      "Title\n\nVoters chose Tam Ka-wing and Yip Mei-lan. The Bush-era "
      "rules stayed, said a Prize-winner.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"person Tam Ka-wing <- Tam Ka-wing @0",
                                "person Yip Mei-lan <- Yip Mei-lan @0"}));
}

TEST(EntityExtractorTest, UntaggedNewsOutletIsAnOrganisation) {
  // Runs ending with "News" or a newspaper's word are outlets; a run that
  // goes on past the word is not ("Herald Square", "Herald Östra"), nor is
  // the word alone after "The".
  const ListTagger tagger({});
  const Extracted e = Extract(
      "Title\n\nThe Varna Evening Courier said so. She told Nordic Wire News "
      "on Monday. They met at Lund Herald Square. The Courier agreed. "
      "Buses left Varna Herald \u00d6stra.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org Varna Evening Courier <- Varna Evening Courier @0",
                   "org Nordic Wire News <- Nordic Wire News @0"}));
}

}  // namespace
}  // namespace byline

namespace byline {
namespace {

TEST(EntityExtractorTest, WordTheListsKnowOnlyAsAnOrganisationIsOne) {
  // "Velthism" is a WordNet organisation the tagger never tags; "Senate"
  // is one too but also a common word, "Orvan" also a place: neither is
  // tagged by the lists alone, nor is the word inside a longer capitalised
  // run ("Orlism Youth").
  NerTagger::NameFacts org_and_place = WordNetOrg();
  org_and_place.gazetteer_place = true;
  const FactsTagger tagger({},
                           {{"Velthism", WordNetOrg()},
                            {"Senate", WordNetOrg()},
                            {"Orlism", WordNetOrg()},
                            {"Orvan", org_and_place}},
                           {{"Senate", Common()}});
  const Extracted e = Extract(
      "Title\n\nMembers of Velthism wrote to the Senate in Orvan. Its "
      "Velthism-related offices and Velthism's lawyers said no. The "
      "Orlism Youth, a longer name, marched.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org Velthism <- Velthism @0", "org Velthism <- Velthism @0",
                   "org Velthism <- Velthism @0"}));
}

TEST(EntityExtractorTest, PlaceInsideAnInstitutionsNameIsCutOut) {
  const RuleSwitch nested("nested", true);  // off by default
  // "Arvia" is a listed place, "Kell" nothing the lists know: the place
  // after "of", after a compass word and before "State University" is a
  // mention of its own; the institutions keep their whole names.
  const FactsTagger tagger({{"University of Arvia", kOrg},
                            {"University of Southern Arvia", kOrg},
                            {"Arvia State University", kOrg},
                            {"Bank of Kell", kOrg}},
                           {{"Arvia", Place()}});
  const Extracted e = Extract(
      "Title\n\nThe University of Arvia, the University of Southern Arvia, "
      "Arvia State University and the Bank of Kell signed.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org University of Arvia <- University @0",
                   "place Arvia <- Arvia @0",
                   "org University of Southern Arvia <- University @0",
                   "place Southern Arvia <- Southern Arvia @0",
                   "place Arvia <- Arvia State @0",
                   "org Arvia State University <- University @0",
                   "org Bank of Kell <- Bank of Kell @0"}));
}

TEST(EntityExtractorTest, StateTheTaggerCutFromItsUniversityJoinsThePlace) {
  const RuleSwitch nested("nested", true);  // off by default
  const FactsTagger tagger({{"Arvia", kLoc}, {"State University", kOrg}},
                           {{"Arvia", Place()}});
  const Extracted e = Extract(
      "Title\n\nShe studied at Arvia State University then.\n", &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"place Arvia <- Arvia State @0",
                   "org Arvia State University <- University @0"}));
}

TEST(EntityExtractorTest, HyphenatedWordInAnInstitutionOrPlaceCutsItsSpan) {
  // The span keeps the part after the last hyphen before the head; the
  // canonical name stays whole. A person's name, a hyphen as the last
  // word's and a lowercase word after the hyphen leave the span alone.
  // Off by default (GUM's convention, not CoNLL's).
  const RuleSwitch hyphen("hyphen", true);
  const FactsTagger tagger({{"Al-Rawda Hotel", kLoc},
                            {"Grant-A-Dream Foundation", kOrg},
                            {"Lee Tai-wan", kPer},
                            {"Kord-Vell", kOrg},
                            {"Tarsk-based Mills", kOrg}},
                           {});
  const Extracted e = Extract(
      "Title\n\nGuests of the Al-Rawda Hotel gave to the Grant-A-Dream "
      "Foundation, Lee Tai-wan said; Kord-Vell and Tarsk-based Mills "
      "agreed.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"place Al-Rawda Hotel <- Rawda Hotel @0",
                   "org Grant-A-Dream Foundation <- Dream Foundation @0",
                   "person Lee Tai-wan <- Lee Tai-wan @0",
                   "org Kord-Vell <- Kord-Vell @0",
                   // The `modifier` cut: "Tarsk-based" is no part of it.
                   "org Mills <- Mills @0"}));
}

TEST(EntityExtractorTest, PlacesOfPhraseIsPartOfItsNameWhateverItHolds) {
  // The tagger cut "State" + "Orvia" (a listed place) and "Plains" +
  // "Adal" (tagged a person): a geographic head takes its "of" phrase.
  const FactsTagger tagger(
      {{"State", kLoc}, {"Orvia", kLoc}, {"Plains", kOrg}, {"Adal", kPer}},
      {{"Orvia", Place()}});
  const Extracted e = Extract(
      "Title\n\nThe State of Orvia bought land on the Plains of Adal.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"place State of Orvia <- State of Orvia @0",
                                "place Plains of Adal <- Plains of Adal @0"}));
}

TEST(EntityExtractorTest, PortfolioBeforeACountryIsAGovernmentAgency) {
  // The tagger tagged the country alone; "Culture Arvia" is no agency
  // ("Culture" is not on the list), and neither is a place that is not a
  // country.
  NerTagger::NameFacts town = Place();
  const FactsTagger tagger({{"Arvia", kLoc}, {"Tarnow", kLoc}},
                           {{"Arvia", Country()}, {"Tarnow", town}});
  const Extracted e = Extract(
      "Title\n\nA Statistics Arvia report and \"Health Arvia staff\" said "
      "so; Culture Arvia and Health Tarnow did not.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org Statistics Arvia <- Statistics Arvia @0",
                   "org Health Arvia <- Health Arvia @0",
                   "place Arvia <- Arvia @0", "place Tarnow <- Tarnow @0"}));
}

TEST(EntityExtractorTest, CountryCodeOnACurrencyIsNoPlace) {
  const FactsTagger tagger({{"US", kLoc}, {"NZ", kLoc}},
                           {{"US", Country()}, {"NZ", Country()}});
  const Extracted e = Extract(
      "Title\n\nBail was US$ 20,000 and the flag cost NZ $26 million; the "
      "US paid.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"place US <- US @0"}));
}

TEST(EntityExtractorTest, PluralOfAnAbbreviationIsNoName) {
  // "ICUs" is a common noun's abbreviation in the plural; "ALKs" is one
  // the lists know as a name, and stays.
  NerTagger::NameFacts org;
  org.org = true;
  const FactsTagger tagger({{"ICUs", kPer}, {"ALKs", kOrg}}, {{"ALKs", org}});
  const Extracted e = Extract(
      "Title\n\nIntensive care units (ICUs) are full; the ALKs said so.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"org ALKs <- ALKs @0"}));
}

TEST(EntityExtractorTest, WordInCapitalsIsNamedAsTheListsKnowIt) {
  // "ARVIA" is unknown as written and a country with one capital; "REVIEW"
  // a common word in capitals; "CARE" short enough to be an acronym;
  // "ORVIS" unknown either way, and stays as written.
  const FactsTagger tagger(
      {{"ARVIA", kOrg}, {"REVIEW", kOrg}, {"CARE", kOrg}, {"ORVIS", kOrg}},
      {{"Arvia", Country()}}, {{"REVIEW", Common()}, {"CARE", Common()}});
  const Extracted e = Extract(
      "Title\n\nTARSK, ARVIA\n\nThe REVIEW stage began; CARE and ORVIS "
      "helped.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"place Arvia <- ARVIA @0", "org CARE <- CARE @1",
                   "org ORVIS <- ORVIS @1"}));
}

TEST(EntityExtractorTest, NewspaperWordAfterAPlaceIsNamedByBoth) {
  // The spans stay as cut ("Tarsk" + "Times"); the paper is named
  // "Tarsk Times". A "Times" after no place keeps its name.
  const FactsTagger tagger({{"Tarsk", kLoc}, {"Times", kOrg}}, {});
  const Extracted e = Extract(
      "Title\n\nAccording to the Tarsk Times, rents rose. The Times "
      "agreed.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"place Tarsk <- Tarsk @0", "org Tarsk Times <- Times @0",
                   "org Times <- Times @0"}));
}

TEST(EntityExtractorTest, SportingEventWithoutANameInFrontIsNoName) {
  // Dropped: a cup, a carnival, the Games after "Paralympic", the
  // adjective alone. Kept: a company called "... Games", a magazine
  // called "... Fair" (no way to tell it from a fair).
  const FactsTagger tagger({{"World Cup", kOrg},
                            {"Winter Carnival", kOrg},
                            {"Paralympic Games", kOrg},
                            {"Paralympic", kOrg},
                            {"Kestrel Games", kOrg},
                            {"Vanity Fair", kOrg}},
                           {});
  const Extracted e = Extract(
      "Title\n\nAfter the World Cup and the Winter Carnival came the "
      "Paralympic Games; the Paralympic movement grew, Kestrel Games made "
      "a game and Vanity Fair wrote.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"org Kestrel Games <- Kestrel Games @0",
                                "org Vanity Fair <- Vanity Fair @0"}));
}

TEST(EntityExtractorTest, NamedStormIsNoNameWhereverItIsMentioned) {
  // Tagged whole, after a lowercase storm word, alone later, and the storm
  // word alone: all dropped. A person stays.
  const FactsTagger tagger({{"Cyclone Tilda", kPer},
                            {"Orla", kPer},
                            {"Tilda", kPer},
                            {"Cyclone", kPer},
                            {"Ada Lind", kPer}},
                           {});
  const Extracted e = Extract(
      "Title\n\nCyclone Tilda and the typhoon Orla hit; Tilda is weaker now, "
      "the Cyclone will fade, Ada Lind said.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"person Ada Lind <- Ada Lind @0"}));
}

TEST(EntityExtractorTest, PartyWithALowercasePartyIsAnOrganisation) {
  // The tagger had the adjective as a person; "a Green party" is found
  // too; "a Liberal candidate" is no party.
  const FactsTagger tagger({{"Republican", kPer}}, {});
  const Extracted e = Extract(
      "Title\n\nThe Republican party and a Green party met a Liberal "
      "candidate.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"org Republican party <- Republican party @0",
                                "org Green party <- Green party @0"}));
}

TEST(EntityExtractorTest, AbbreviationOfACommonNounIsNoName) {
  // "DNA" and "GDP" are common nouns; "ICU" spelled out as a name in the
  // article is that name's acronym.
  const FactsTagger tagger({{"DNA", kOrg},
                            {"GDP", kOrg},
                            {"Inland Cycling Union", kOrg},
                            {"ICU", kOrg}},
                           {});
  const Extracted e = Extract(
      "Title\n\nDNA tests and GDP figures reached the Inland Cycling Union "
      "(ICU). The ICU said no.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"org ICU <- Inland Cycling Union @0",
                                "org ICU <- ICU @0", "org ICU <- ICU @0"}));
}

TEST(EntityExtractorTest, NameBeforeAnOfficeAndAPersonIsAnOrganisation) {
  // "Velmor" was tagged a person twice: an office and a person after it
  // make it an organisation in both mentions. A country before an office
  // stays a place.
  const FactsTagger tagger({{"Velmor", kPer},
                            {"Ada Lind", kPer},
                            {"Arvia", kLoc},
                            {"Jon Berg", kPer}},
                           {{"Arvia", Country()}});
  const Extracted e = Extract(
      "Title\n\nVelmor founder Ada Lind met Arvia spokesman Jon Berg. "
      "Velmor grew.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org Velmor <- Velmor @0", "person Ada Lind <- Ada Lind @0",
                   "place Arvia <- Arvia @0", "person Jon Berg <- Jon Berg @0",
                   "org Velmor <- Velmor @0"}));
}

TEST(EntityExtractorTest, HouseOfAndAModifierBeforeTheName) {
  // "House" is an institution's head, so its "of" phrase joins it; a
  // word ending in a hyphen and a participle is no part of the name after
  // it ("Velmor-led").
  const FactsTagger tagger({{"House", kOrg},
                            {"Commons", kOrg},
                            {"Velmor-led Assembly of Tarsk", kOrg}},
                           {});
  const Extracted e = Extract(
      "Title\n\nThe House of Commons and the Velmor-led Assembly of Tarsk "
      "met.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org House of Commons <- House of Commons @0",
                   "org Assembly of Tarsk <- Assembly of Tarsk @0"}));
}

TEST(EntityExtractorTest, LegalFormIsNoPartOfACompanysName) {
  const FactsTagger tagger(
      {{"Velmor Inc.", kOrg}, {"Velmor", kOrg}, {"Tarsk Mills, Ltd", kOrg}},
      {});
  const Extracted e =
      Extract("Title\n\nVelmor Inc. said Velmor and Tarsk Mills, Ltd agreed.\n",
              &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"org Velmor <- Velmor Inc. @0", "org Velmor <- Velmor @0",
                   "org Tarsk Mills <- Tarsk Mills, Ltd @0"}));
}

TEST(EntityExtractorTest, DatelineTheTaggerMissedIsThePlace) {
  // Untagged capitals opening a paragraph before a comma, a bracket or a
  // dash, one word or more, are the place the lists know; capitals before
  // other words are left alone.
  NerTagger::NameFacts two_words = City();
  const FactsTagger tagger(
      {}, {{"Oslvik", City()}, {"Port Vell", two_words}, {"Arvik", City()}});
  const Extracted e = Extract(
      "Title\n\nOSLVIK, Arvia (Wire) - Talks began.\n\n"
      "PORT VELL (Wire) - Talks ended.\n\nARVIK TALKS were long.\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"place Oslvik <- OSLVIK @0",
                                "place Port Vell <- PORT VELL @1"}));
}

TEST(EntityExtractorTest, WireDatelineWithADateIsThePlace) {
  // "PLACE DATE" alone on a line, as wire copy heads a story, whether the
  // lists know the place or not, with or without a country after a comma
  // (spaced as tokenised text spaces it); capitals before other words are
  // left alone.
  const FactsTagger tagger({}, {{"Oslvik", City()}});
  const Extracted e = Extract(
      "Title\n\nOSLVIK 1996-12-06\n\nTalks began.\n\n"
      "AL-KARIM , Arvia 1996-12-07\n\nTalks ended.\n\n"
      "PORT ARNE, Arvia, May 3\n\nNORDA TALKS 1996-12-08 were long.\n",
      &tagger);
  EXPECT_EQ(
      Describe(e),
      (Lines{"place Oslvik <- OSLVIK @0", "date 1996-12-06 <- 1996-12-06 @0",
             "place Al-Karim <- AL-KARIM @2",
             "date 1996-12-07 <- 1996-12-07 @2",
             "place Port Arne <- PORT ARNE @4", "date 1996-05-03 <- May 3 @4",
             "date 1996-12-08 <- 1996-12-08 @5"}));
}

TEST(EntityExtractorTest, HeadlineInCapitalsNamesTheArticlesNames) {
  // A headline in capitals: the names the article tags in its text are
  // found there in capitals, longer names first, with their types; a name
  // cut short in capitals grows to the name the lists know.
  const FactsTagger tagger(
      {{"Leeds United", kOrg}, {"Syria", kLoc}, {"ZEALAND", kLoc}},
      {{"Syria", Country()}, {"New Zealand", Country()}});
  const Extracted e = Extract(
      "SOCCER - LEEDS UNITED HOST SYRIA\n\nLeeds United met Syria in a "
      "friendly.\n\nCRICKET - NEW ZEALAND WIN\n",
      &tagger);
  EXPECT_EQ(Describe(e), (Lines{"org Leeds United <- LEEDS UNITED @title",
                                "place Syria <- SYRIA @title",
                                "org Leeds United <- Leeds United @0",
                                "place Syria <- Syria @0",
                                "place New Zealand <- NEW ZEALAND @1"}));
}

TEST(EntityExtractorTest, NameAfterARoyalTitleIsAPerson) {
  // Not inside a name ("Arno King Jr."), nor before an institution or a
  // place named after someone.
  const FactsTagger tagger({}, {});
  const Extracted e = Extract(
      "Title\n\nKing Olav IX and Queen Sigrid met Pope Lino. Then Arno "
      "King Jr. spoke at Queen Maren Hospital.\n",
      &tagger);
  EXPECT_EQ(Describe(e),
            (Lines{"person Olav IX <- Olav IX @0", "person Sigrid <- Sigrid @0",
                   "person Lino <- Lino @0"}));
}

}  // namespace
}  // namespace byline
