// Rule stage `adjective` (indexer/src/rules/adjectives.h) with made-up
// word facts.
#include "rules/adjectives.h"

#include <gtest/gtest.h>

#include <string>

namespace byline::rules {
namespace {

// Word lists that know "Slovenian" and "Bohemian" as demonyms, "European"
// as a capitalised dictionary word and "Adrian" as a given name.
NerTagger::WordFacts Facts(std::string_view w) {
  NerTagger::WordFacts f;
  f.demonym = w == "Slovenian" || w == "Bohemian" || w == "Polish" ||
              w == "Spanish";
  f.dictionary_capital = w == "European" || w == "Adrian";
  f.given_name = w == "Adrian";
  return f;
}

TEST(AdjectivesTest, AdjectivesAloneAreNoNames) {
  EXPECT_TRUE(IsAdjectiveAlone("Slovenian", Facts));
  EXPECT_TRUE(IsAdjectiveAlone("European", Facts));
  EXPECT_TRUE(IsAdjectiveAlone("South Bohemian", Facts));
  // Compounds: "the Polish-Slovenian border", "Franco-Spanish talks".
  EXPECT_TRUE(IsAdjectiveAlone("Polish-Slovenian", Facts));
  EXPECT_TRUE(IsAdjectiveAlone("Franco-Spanish", Facts));
  EXPECT_TRUE(IsAdjectiveAlone("Franco-Polish-Spanish", Facts));
}

TEST(AdjectivesTest, NamesStay) {
  EXPECT_FALSE(IsAdjectiveAlone("Adrian", Facts));          // a given name
  EXPECT_FALSE(IsAdjectiveAlone("Slovenian Railways", Facts));  // a noun after
  EXPECT_FALSE(IsAdjectiveAlone("Great Bohemian", Facts));  // no compass word
  EXPECT_FALSE(IsAdjectiveAlone("Lithuanian", Facts));      // lists do not know it
  EXPECT_FALSE(IsAdjectiveAlone("Vilnius", Facts));         // no adjective ending
  EXPECT_FALSE(IsAdjectiveAlone("Polish-Lithuanian", Facts));  // one part unknown
  EXPECT_FALSE(IsAdjectiveAlone("Spanish-Vilnius", Facts));  // a name in it
  EXPECT_FALSE(IsAdjectiveAlone("Polish-", Facts));          // an empty part
  EXPECT_FALSE(IsAdjectiveAlone("Franco", Facts));           // no compound
  EXPECT_FALSE(IsAdjectiveAlone("Polish-Franco", Facts));    // -o only first
  EXPECT_FALSE(IsAdjectiveAlone("", Facts));
}

}  // namespace
}  // namespace byline::rules
