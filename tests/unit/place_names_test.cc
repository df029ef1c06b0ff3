// Rule stages `placelink` and `theplace` (indexer/src/rules/place_names.h).
#include "rules/place_names.h"

#include <gtest/gtest.h>

namespace byline::rules {
namespace {

TEST(PlaceNamesTest, LinkingWordsOfPlaceNames) {
  for (const char* w : {"de", "da", "do", "del", "della", "di", "du", "sur",
                        "am", "upon"}) {
    EXPECT_TRUE(IsPlaceLinkWord(w)) << w;
  }
}

TEST(PlaceNamesTest, EnglishSmallWordsDoNotLink) {
  // "from Paris to Lyon", "Berlin and Bonn", "Leeds on Monday".
  for (const char* w : {"to", "and", "on", "of", "an", "in", "De", ""}) {
    EXPECT_FALSE(IsPlaceLinkWord(w)) << w;
  }
}

}  // namespace
}  // namespace byline::rules
