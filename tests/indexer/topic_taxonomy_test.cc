// Every topic of the taxonomy has a test: a realistic staff-comment sentence that must be
// assigned that topic. A topic added without a sample fails EveryTopicHasASample.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "indexer/index/topics.h"

namespace corresp {
namespace {

const std::map<std::string, std::string>& Samples() {
  static const std::map<std::string, std::string> kSamples = {
      {"hedge-accounting", "Tell us how you assess hedge effectiveness for your cash flow hedges."},
      {"loans-held-for-sale", "Revise your policy for loans held for sale to address transfers."},
      {"revenue-recognition",
       "Explain how you identify performance obligations and allocate the transaction price."},
      {"non-gaap",
       "Your presentation of the non-GAAP measure Adjusted EBITDA gives it undue prominence."},
      {"segment-reporting",
       "Tell us how your chief operating decision maker reviews each operating segment."},
      {"goodwill-impairment",
       "Describe your goodwill impairment test and how you identified reporting units."},
      {"income-taxes", "Explain the changes in your valuation allowance on deferred tax assets."},
      {"liquidity-mdna", "Expand your discussion of liquidity and capital resources in MD&A."},
      {"critical-accounting-estimates",
       "Revise your critical accounting estimates to explain the sensitivity."},
      {"credit-quality",
       "Discuss your exposure to subprime mortgages and the credit quality trends."},
      {"restructuring", "Provide the restructuring disclosures required for your exit activities."},
      {"contingencies",
       "Disclose an estimate of the reasonably possible loss for each loss contingency."},
      {"fair-value",
       "Describe the unobservable inputs used in your Level 3 fair value measurements."},
      {"business-combinations",
       "Explain the purchase price allocation for this business combination."},
      {"cybersecurity",
       "Discuss the cybersecurity incident and any data breach of customer records."},
      {"climate",
       "Discuss the material effects of climate change regulation and greenhouse gas rules."},
      {"state-sponsors-terrorism",
       "Describe your contacts with Syria and Sudan, countries designated as state sponsors of "
       "terrorism."},
      {"china-based-issuers",
       "As a China-based issuer, disclose how the Chinese government may intervene in your "
       "operations."},
      {"spac",
       "Disclose the amounts held in the trust account of the special purpose acquisition "
       "company."},
      {"crypto-assets", "Tell us how you account for the crypto assets and bitcoin you hold."},
      {"consolidation-vie",
       "Tell us why you are the primary beneficiary of the variable interest entity."},
      {"leases", "Explain how you measured the right-of-use assets for your operating leases."},
      {"stock-compensation",
       "Disclose the grant date fair value assumptions for stock-based compensation."},
      {"pensions",
       "Explain the expected return on plan assets assumption for your defined benefit pension "
       "plans."},
      {"inventory", "Explain your reserve for excess and obsolete inventory."},
      {"earnings-per-share",
       "Tell us how you applied the two-class method in computing earnings per share."},
      {"cash-flow-statement",
       "Revise your statements of cash flows to classify these payments as financing activities."},
      {"securitization-transfers",
       "Explain the accounting for your securitization trusts as transfers of financial assets."},
      {"investment-securities",
       "Explain why the declines in available-for-sale securities are not other-than-temporary "
       "impairment."},
      {"risk-factors", "Revise your risk factor to describe the specific risk."},
      {"executive-compensation",
       "In your Compensation Discussion and Analysis, explain the pay of each named executive "
       "officer."},
      {"controls-procedures",
       "Explain how you concluded your disclosure controls were effective despite the material "
       "weakness."},
      {"related-parties",
       "Disclose the terms of the related party transactions with your chairman."},
      {"discontinued-operations",
       "Tell us why the disposal group was not presented as discontinued operations."},
      {"oil-gas-reserves",
       "Reconcile the changes in proved undeveloped reserves in your reserve report."},
      {"foreign-currency",
       "Explain how you determined the functional currency of your foreign subsidiaries."},
      {"debt-covenants",
       "Disclose the financial covenants in your credit facility and your compliance."},
      {"covid-19", "Discuss the impact of the COVID-19 pandemic on your operations."},
      {"customer-incentives",
       "Disclose your policies for the customer rewards programs and loyalty program costs."},
  };
  return kSamples;
}

bool Assigned(const std::string& text, const std::string& slug) {
  auto topics = AssignTopics(text, FindStandards(text));
  return std::any_of(topics.begin(), topics.end(),
                     [&](const TopicScore& t) { return t.slug == slug; });
}

TEST(TopicTaxonomy, HasThirtyPlusUniqueTopics) {
  std::set<std::string> slugs;
  for (const Topic& t : TopicTaxonomy()) {
    EXPECT_TRUE(slugs.insert(t.slug).second) << "duplicate " << t.slug;
    EXPECT_FALSE(t.name.empty());
    EXPECT_FALSE(t.cues.empty()) << t.slug;
  }
  EXPECT_GE(slugs.size(), 30u);
}

TEST(TopicTaxonomy, EveryTopicHasASample) {
  for (const Topic& t : TopicTaxonomy()) EXPECT_TRUE(Samples().count(t.slug)) << t.slug;
}

class TopicSample : public ::testing::TestWithParam<std::string> {};

TEST_P(TopicSample, SampleIsAssignedItsTopic) {
  const std::string& slug = GetParam();
  EXPECT_TRUE(Assigned(Samples().at(slug), slug)) << Samples().at(slug);
}

std::vector<std::string> AllSlugs() {
  std::vector<std::string> out;
  for (const Topic& t : TopicTaxonomy()) out.push_back(t.slug);
  return out;
}

INSTANTIATE_TEST_SUITE_P(All, TopicSample, ::testing::ValuesIn(AllSlugs()), [](const auto& info) {
  std::string n = info.param;
  std::replace(n.begin(), n.end(), '-', '_');
  return n;
});

TEST(AssignTopics, StandardsImplyTopics) {
  EXPECT_TRUE(
      Assigned("Please reference the appropriate sections of SFAS 133.", "hedge-accounting"));
  EXPECT_TRUE(Assigned("Provide the disclosures required by paragraph 20(d) of SFAS 146.",
                       "restructuring"));
}

TEST(AssignTopics, PassingMentionIsNotEnough) {
  EXPECT_FALSE(Assigned("We note your response.", "hedge-accounting"));
  EXPECT_FALSE(Assigned("the acquisition", "business-combinations"));
  EXPECT_TRUE(AssignTopics("", {}).empty());
}

TEST(AssignTopics, ScoreGrowsWithEvidence) {
  std::string once = "Tell us about hedge accounting.";
  std::string many =
      "Tell us about hedge accounting, hedge effectiveness, cash flow hedges and SFAS 133.";
  auto score = [](const std::string& text) {
    for (const TopicScore& t : AssignTopics(text, FindStandards(text)))
      if (t.slug == "hedge-accounting") return t.score;
    return 0;
  };
  EXPECT_GT(score(many), score(once));
}

}  // namespace
}  // namespace corresp
