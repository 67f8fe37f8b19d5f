// ListsOfficeCities: a law firm's office list, not a sentence or a caption naming a city.
#include "indexer/extract/office_cities.h"

#include <gtest/gtest.h>

namespace corresp {
namespace {

TEST(OfficeCities, ListsInAnyCaseAndWithAnySeparator) {
  EXPECT_TRUE(ListsOfficeCities(
      "AUSTIN BEIJING BOSTON BRUSSELS HONG KONG LONDON LOS ANGELES NEW YORK PALO ALTO"));
  EXPECT_TRUE(
      ListsOfficeCities("SAN DIEGO SAN FRANCISCO SEATTLE SHANGHAI WASHINGTON, DC WILMINGTON, DE"));
  EXPECT_TRUE(ListsOfficeCities(
      "Beijing Boston Brussels Century City Chicago Dubai Düsseldorf Frankfurt Hamburg Hong "
      "Kong Houston London Los Angeles Madrid Milan Munich New York Orange County Paris"));
  EXPECT_TRUE(ListsOfficeCities("New York | Washington, D.C. | London | Paris | Tokyo"));
  EXPECT_TRUE(ListsOfficeCities("Chicago \u2022 Houston \u2022 São Paulo \u2022 Singapore"));
  EXPECT_TRUE(ListsOfficeCities("Offices in: New York London Hong Kong Tokyo"));
}

TEST(OfficeCities, SentencesAndCaptionsAreNoLists) {
  EXPECT_FALSE(ListsOfficeCities("We have offices in New York, London and Hong Kong."));
  EXPECT_FALSE(ListsOfficeCities("New York and London"));  // two cities
  EXPECT_FALSE(ListsOfficeCities("Properties in Boston, page 32"));
  EXPECT_FALSE(ListsOfficeCities("Risk Factors"));
  EXPECT_FALSE(ListsOfficeCities(""));
  // A paragraph naming many markets is text, however many cities it lists.
  std::string paragraph = "Our markets are Boston Chicago Dallas Denver Houston Miami";
  while (paragraph.size() < 500) paragraph += " Boston Chicago Dallas";
  EXPECT_FALSE(ListsOfficeCities(paragraph));
}

}  // namespace
}  // namespace corresp
