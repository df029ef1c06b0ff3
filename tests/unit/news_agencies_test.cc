// Rule stage `newsagency` (indexer/src/rules/news_agencies.h) on made-up
// text.
#include "rules/news_agencies.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace byline::rules {
namespace {

std::vector<std::string> Agencies(const std::string& text) {
  std::vector<std::string> out;
  for (const TextRange& r : FindNewsAgencies(text, {0, text.size()}))
    out.push_back(text.substr(r.start, r.size()));
  return out;
}

using Names = std::vector<std::string>;

TEST(NewsAgenciesTest, NameBeforeTheCue) {
  EXPECT_EQ(Agencies("Tarsk-Press news agency said the talks ended."),
            Names{"Tarsk-Press"});
  EXPECT_EQ(Agencies("the official Vellmar Post newspaper reported"),
            Names{"Vellmar Post"});
  // "The" opens no name.
  EXPECT_EQ(Agencies("The newspaper said so."), Names{});
}

TEST(NewsAgenciesTest, NameAfterTheCue) {
  EXPECT_EQ(Agencies("the official news agency VNP said."), Names{"VNP"});
  EXPECT_EQ(Agencies("said the news agency."), Names{});
}

TEST(NewsAgenciesTest, LowercaseWordsAndLineBreaksStopIt) {
  EXPECT_EQ(Agencies("a state news agency said"), Names{});
  EXPECT_EQ(Agencies("Tarsk\nnews agency said"), Names{});
  // "newspapers" is another word.
  EXPECT_EQ(Agencies("Vellmar newspapers said"), Names{});
}

}  // namespace
}  // namespace byline::rules
