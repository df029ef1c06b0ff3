#include "byline/index/date_extractor.h"

#include <gtest/gtest.h>

namespace byline {
namespace {

std::vector<std::pair<std::string, std::string>> Dates(std::string_view text,
                                                       int default_year = 0) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const DateMention& d : FindDates(text, {0, text.size()}, default_year)) {
    out.emplace_back(std::string(text.substr(d.range.start, d.range.size())),
                     d.iso);
  }
  return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(FindDatesTest, FullDatesInCommonForms) {
  EXPECT_EQ(Dates("Signed on 8 July 2024 in Warsaw."),
            (Pairs{{"8 July 2024", "2024-07-08"}}));
  EXPECT_EQ(Dates("Friday, July 21, 2017 was hot."),
            (Pairs{{"July 21, 2017", "2017-07-21"}}));
  EXPECT_EQ(Dates("By X | Warsaw | 16 July 2024"),
            (Pairs{{"16 July 2024", "2024-07-16"}}));
  EXPECT_EQ(Dates("As of 2024-03-05, nothing."),
            (Pairs{{"2024-03-05", "2024-03-05"}}));
  EXPECT_EQ(Dates("On Sept. 4, 2019 and the 1st of May"),
            (Pairs{{"Sept. 4, 2019", "2019-09-04"}}));
}

TEST(FindDatesTest, MonthsAndYears) {
  EXPECT_EQ(Dates("in March 2023 and again in 2019, not 2019-ish 1500"),
            (Pairs{{"March 2023", "2023-03"}, {"2019", "2019"}}));
  EXPECT_EQ(Dates("He may go in May."), Pairs{});  // no day or year
  EXPECT_EQ(Dates("The 2024 budget had 2000 items."), Pairs{});
}

TEST(FindDatesTest, DayWithoutYearTakesTheArticleYearOrStaysPartial) {
  EXPECT_EQ(Dates("talks on July 8 and 14 July", 2024),
            (Pairs{{"July 8", "2024-07-08"}, {"14 July", "2024-07-14"}}));
  EXPECT_EQ(Dates("talks on July 8"), (Pairs{{"July 8", "--07-08"}}));
  // No article year: the year written before it in the text.
  EXPECT_EQ(Dates("In March 2023 it began; on 4 April it ended."),
            (Pairs{{"March 2023", "2023-03"}, {"4 April", "2023-04-04"}}));
}

TEST(FindDatesTest, RejectsImpossibleDays) {
  EXPECT_EQ(Dates("31 February 2024 and 29 February 2023"), Pairs{});
  EXPECT_EQ(Dates("29 February 2024"),
            (Pairs{{"29 February 2024", "2024-02-29"}}));
}

TEST(FindDatesTest, OffsetsAreBytesIntoTheWholeText) {
  const std::string text = "Łódź, 3 May 2021: rally";
  const auto found = FindDates(text, {0, text.size()});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].range, (TextRange{9, 19}));
  EXPECT_EQ(YearOf("2024-07"), 2024);
  EXPECT_EQ(YearOf("--07-14"), 0);
}

}  // namespace
}  // namespace byline
