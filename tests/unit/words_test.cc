// The rules' word helpers (indexer/src/rules/words.h): WordSet, the
// fixed word lists' lookup.
#include "rules/words.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace byline::rules {
namespace {

TEST(WordSetTest, FindsExactlyTheListedWords) {
  const WordSet set = {"ship", "Ship", "HMS", "spacecraft", "a", "of"};
  for (std::string_view w : {"ship", "Ship", "HMS", "spacecraft", "a", "of"}) {
    EXPECT_TRUE(set.contains(w)) << w;
    EXPECT_EQ(set.count(w), 1u) << w;
  }
  // Other case, a prefix, a longer word, a word of a listed length, none.
  for (std::string_view w :
       {"SHIP", "shi", "ships", "HMC", "spacecrafts", "", "b", "off"}) {
    EXPECT_FALSE(set.contains(w)) << w;
  }
  // The word need not be a literal, nor end where the text ends.
  const std::string text = "the ships of the line";
  EXPECT_TRUE(set.contains(std::string_view(text).substr(4, 4)));
  EXPECT_TRUE(set.contains(std::string_view(text).substr(10, 2)));
}

TEST(WordSetTest, ManyWordsAndLongWords) {
  // More words than the first table size, so the table grows; words of
  // 63 bytes and more share one length bit.
  std::vector<std::string> words;
  // Appended, not "w" + std::to_string(i): g++ 12 reports a false
  // -Wrestrict in operator+(const char*, std::string&&).
  for (int i = 0; i < 300; ++i)
    words.emplace_back("w").append(std::to_string(i));
  words.push_back(std::string(70, 'x'));
  const std::vector<std::string>& listed = words;
  const WordSet set(
      std::vector<std::string_view>(listed.begin(), listed.end()));
  for (const std::string& w : listed) EXPECT_TRUE(set.contains(w)) << w;
  EXPECT_FALSE(set.contains("w300"));
  EXPECT_FALSE(set.contains(std::string(71, 'x')));
  EXPECT_FALSE(set.contains(std::string(63, 'x')));
}

}  // namespace
}  // namespace byline::rules
