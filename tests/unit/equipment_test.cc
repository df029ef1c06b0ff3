// Rule stage `equipment` (indexer/src/rules/equipment.h) on made-up names.
#include "rules/equipment.h"

#include <gtest/gtest.h>

namespace byline::rules {
namespace {

TEST(EquipmentTest, WeaponsAreEquipment) {
  EXPECT_TRUE(IsEquipmentName("National Advanced Surface-to-Air Missile System"));
  EXPECT_TRUE(IsEquipmentName("Patriot missile"));
  EXPECT_TRUE(IsEquipmentName("Storm Shadow Missiles"));
  EXPECT_TRUE(IsEquipmentName("Krab Howitzer"));
  EXPECT_TRUE(IsEquipmentName("Iron Dome Defence System"));
  EXPECT_TRUE(IsEquipmentName("High Mobility Artillery Rocket System"));
}

TEST(EquipmentTest, BodiesAndTeamsAreNot) {
  EXPECT_FALSE(IsEquipmentName("Missile Defense Agency"));
  EXPECT_FALSE(IsEquipmentName("Strategic Rocket Forces"));
  EXPECT_FALSE(IsEquipmentName("Houston Rockets"));
  EXPECT_FALSE(IsEquipmentName("Federal Reserve System"));
  EXPECT_FALSE(IsEquipmentName("Patriot"));  // the word alone: anything
  EXPECT_FALSE(IsEquipmentName(""));
}

}  // namespace
}  // namespace byline::rules
