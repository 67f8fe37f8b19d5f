// Every topic of the taxonomy has a test: a realistic staff-comment sentence that must be
// assigned that topic. A topic added without a sample fails EveryTopicHasASample. Then the
// tagger's decisions, one table row per rule (docs/topics.md), traps included.
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
       "Please revise your presentation of the non-GAAP measure Adjusted EBITDA, which gives it "
       "undue prominence."},
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
      {"insurance-reserves",
       "Explain the prior year development of your loss reserves and the IBNR assumptions."},
      {"key-performance-metrics",
       "Define each key performance indicator, such as monthly active users, and explain how "
       "you calculate it."},
      {"market-risk",
       "Revise Item 7A to provide quantitative disclosure of your interest rate risk and market "
       "risk."},
      {"derivatives",
       "Tell us how you account for the embedded derivative you bifurcated from the "
       "convertible notes."},
      {"regulatory-assets",
       "Explain why the regulatory assets are probable of recovery in the next rate case."},
      {"merger-disclosure",
       "Revise the background of the merger to describe the negotiations and the fairness "
       "opinion of each financial advisor."},
      {"exhibits-filing-mechanics",
       "Please file the legal opinion and the auditor's consent as an exhibit to the "
       "registration statement."},
  };
  return kSamples;
}

std::vector<std::string> Slugs(const TopicInput& input) {
  std::vector<std::string> out;
  for (const TopicTag& t : TagTopics(input)) out.push_back(t.slug);
  return out;
}

bool Assigned(const TopicInput& input, const std::string& slug) {
  auto slugs = Slugs(input);
  return std::find(slugs.begin(), slugs.end(), slug) != slugs.end();
}

bool Assigned(const std::string& text, const std::string& slug) {
  return Assigned(TopicInput{{}, text, ""}, slug);
}

const TopicTag* Find(const std::vector<TopicTag>& tags, const std::string& slug) {
  for (const TopicTag& t : tags)
    if (t.slug == slug) return &t;
  return nullptr;
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

TEST(TagTopics, StandardsImplyTopics) {
  EXPECT_TRUE(
      Assigned("Please reference the appropriate sections of SFAS 133.", "hedge-accounting"));
  EXPECT_TRUE(Assigned("Provide the disclosures required by paragraph 20(d) of SFAS 146.",
                       "restructuring"));
}

TEST(TagTopics, PassingMentionIsNotEnough) {
  EXPECT_FALSE(Assigned("We note your response.", "hedge-accounting"));
  EXPECT_FALSE(Assigned("the acquisition", "business-combinations"));
  EXPECT_TRUE(TagTopics({}).empty());
}

TEST(TagTopics, ScoreGrowsWithEvidence) {
  std::string once = "Tell us about hedge accounting.";
  std::string many =
      "Tell us about hedge accounting, hedge effectiveness, cash flow hedges and SFAS 133.";
  auto score = [](const std::string& text) {
    const auto tags = TagTopics({{}, text, ""});
    const TopicTag* t = Find(tags, "hedge-accounting");
    return t ? t->score : 0;
  };
  EXPECT_GT(score(many), score(once));
}

// One row per rule of the tagger: the input, the topic asked about, whether it is assigned,
// and the rule the row pins.
struct DecisionRow {
  std::vector<std::string> headings;
  std::string text;
  std::string slug;
  bool assigned;
  const char* rule;
};

TEST(TagTopics, DecisionTable) {
  const std::vector<DecisionRow> rows = {
      {{},
       "Please tell us how you evaluated the valuation allowance.",
       "income-taxes",
       true,
       "a strong cue in a request assigns"},
      {{},
       "We note your valuation allowance.",
       "income-taxes",
       false,
       "a strong cue that only sets the scene does not"},
      {{},
       "We note your valuation allowance. Tell us why the valuation allowance decreased.",
       "income-taxes",
       true,
       "... unless the request repeats it"},
      {{},
       "We note your deferred tax assets. Please explain the valuation allowance on them.",
       "income-taxes",
       true,
       "strong cues in two sentences anchor"},
      {{},
       "Please refer to ASC 805-10-25 and revise.",
       "business-combinations",
       true,
       "a citation of an implying standard assigns"},
      {{},
       "Please explain the ineffectiveness and the critical terms.",
       "hedge-accounting",
       false,
       "supporting cues alone never assign"},
      {{"Risk Factors"},
       "We note your valuation allowance. Please revise to explain the change.",
       "risk-factors",
       false,
       "a heading never assigns beside a topic the text names"},
      {{"Item 7. Management's Discussion and Analysis", "Liquidity and Capital Resources"},
       "Please revise to explain the change in your accounts receivable.",
       "liquidity-mdna",
       true,
       "a comment that names no topic takes the innermost heading's"},
      {{"Non-GAAP Financial Measures", "Other Data, page 18"},
       "Please expand the disclosure to describe the write-offs.",
       "non-gaap",
       true,
       "... the innermost heading that names one"},
      {{"Form 10-K", "Notes to Financial Statements", "Revenue Recognition, page 53"},
       "We are continuing to evaluate your response to prior comment 3 and may have additional "
       "comments.",
       "revenue-recognition",
       false,
       "... but a comment that asks nothing takes no heading's topic"},
      {{"Item 7. Management's Discussion and Analysis", "Results of Operations"},
       "Please expand the disclosure to describe the write-offs.",
       "liquidity-mdna",
       true,
       "... else the section it sits in, the innermost heading touching a topic (MD&A)"},
      {{"Form 10-K", "Management's Discussion and Analysis", "Overview", "Inflation, page 34"},
       "Please identify the specific actions taken to mitigate these pressures.",
       "liquidity-mdna",
       true,
       "... at any depth"},
      {{"Form S-1", "Management's Discussion and Analysis", "Business, page 97"},
       "Please disclose the sources and availability of raw materials.",
       "liquidity-mdna",
       false,
       "... unless a heading below it opens another part of the filing"},
      {{"Prospectus Cover Page", "Opinion of Goldman, Sachs & Co., page 61"},
       "Please revise to disclose the fees paid to the advisor.",
       "exhibits-filing-mechanics",
       false,
       "... nor a heading that marks a place in the filing (cover page), not a subject"},
      {{},
       "Please tell us how you considered Question 100.03 of the Compliance\n\n& Disclosure "
       "Interpretations for Non-GAAP Financial Measures.",
       "non-gaap",
       true,
       "a line break inside a sentence does not end it"},
      {{},
       "Please revise as requested\nWe note your valuation allowance.",
       "income-taxes",
       false,
       "... a line that starts anew does"},
      {{"Liquidity and Capital Resources"},
       "Please revise to discuss how the trend in your working capital affects your cash needs.",
       "liquidity-mdna",
       true,
       "the innermost heading confirms supporting evidence"},
      {{"Management's Discussion and Analysis", "Results of Operations"},
       "Please explain how you recognize revenue for bundled arrangements.",
       "liquidity-mdna",
       false,
       "a comment under an MD&A heading about revenue recognition is not MD&A"},
      {{"Management's Discussion and Analysis", "Results of Operations"},
       "Please explain how you recognize revenue for bundled arrangements.",
       "revenue-recognition",
       true,
       "... it is revenue recognition"},
      {{},
       "Please explain the basis for the valuation allowance on your deferred tax assets, which "
       "relate to tax credits and to intangible assets acquired, and why the effective tax rate "
       "changed. Refer to ASC 740-10-30-5.",
       "goodwill-impairment",
       false,
       "intangible assets in passing in a tax comment"},
      {{},
       "Please explain the basis for the valuation allowance on your deferred tax assets, which "
       "relate to tax credits and to intangible assets acquired, and why the effective tax rate "
       "changed. Refer to ASC 740-10-30-5.",
       "income-taxes",
       true,
       "... is income taxes"},
      {{},
       "Please disclose net income before income taxes for each period.",
       "income-taxes",
       false,
       "a neutral phrase hides the cue inside it"},
      {{"Oil and Gas Segment, page 14"},
       "You disclose that you have over 8,500 drilling locations in your horizontal inventory. "
       "Expand this disclosure to clarify the nature of these locations, including whether they "
       "are proved or unproved.",
       "inventory",
       false,
       "an oil and gas producer's drilling locations are no inventory"},
      {{"Exhibits"},
       "We note you will enter into a credit agreement for a revolving credit facility. Please "
       "file the credit agreement as an exhibit.",
       "debt-covenants",
       false,
       "a request to file a document is not about its subject"},
      {{"Exhibits"},
       "We note you will enter into a credit agreement for a revolving credit facility. Please "
       "file the credit agreement as an exhibit.",
       "exhibits-filing-mechanics",
       true,
       "... it is about filing"},
      {{},
       "Please expand your risk factor disclosure to address the loss of a key customer.",
       "risk-factors",
       true,
       "a request to revise a risk factor"},
      {{"Form 10-K", "Risk Factors, page 17"},
       "Disclose any material litigation risks related to climate change.",
       "risk-factors",
       true,
       "a request about risks under a Risk Factors caption"},
      {{"Form 10-K", "Risk Factors", "Competition, page 17"},
       "Please explain how the risks of your credit facility covenants affect you.",
       "risk-factors",
       true,
       "... or the heading right above the caption (the comment sits in the section)"},
      {{"Form 10-K", "Risk Factors", "Risks Related to Our Business", "Competition, page 17"},
       "Please explain how the risks of your credit facility covenants affect you.",
       "risk-factors",
       false,
       "... not under a Risk Factors heading further out"},
      {{},
       "Please disaggregate your cost of sales by product line.",
       "revenue-recognition",
       false,
       "disaggregation of anything but revenue does not name revenue recognition"},
      {{},
       "Please disclose disaggregated revenue by product line.",
       "revenue-recognition",
       true,
       "... disaggregated revenue does"},
      {{},
       "Please tell us whether, at this point in time, you expect to recognize the gain.",
       "revenue-recognition",
       false,
       "\"at this point in time\" is a moment, not a point-in-time recognition"},
      {{},
       "Please disclose the period over which compensation cost is recognized over the vesting "
       "period.",
       "revenue-recognition",
       false,
       "a cost recognized over a period is not revenue"},
      {{},
       "Please expand your CD&A to describe how the NEOs' bonuses were set.",
       "executive-compensation",
       true,
       "a strong cue from the labelling guide (CD&A, NEOs)"},
      {{"Risk Factors"},
       "We note your risk factor on page 12. Please describe the seasonality of your business.",
       "risk-factors",
       true,
       "a scene-setting cue confirmed by the heading"},
      {{},
       "Please explain the changes in your valuation allowances.",
       "income-taxes",
       true,
       "a cue matches the inflections of its words (allowances)"},
      {{},
       "Please tell us how you measured the plants you restructured in 2023.",
       "restructuring",
       true,
       "... restructured"},
      {{},
       "Please tell us how you account for the equity-based awards granted by your parent.",
       "stock-compensation",
       true,
       "... equity-based awards, a synonym of stock-based awards"},
      {{},
       "Please tell us whether you will lease the office space to a third party.",
       "spac",
       false,
       "a short word keeps its form: space is not a SPAC"},
      {{},
       "We note you exclude restructuring costs from your non-GAAP measures. Please explain why "
       "these are not normal, recurring operating expenses.",
       "restructuring",
       true,
       "a scene-setting cue the next request refers back to (these) is asked about"},
      {{},
       "We note you exclude restructuring costs from your non-GAAP measures. Please explain how "
       "you calculate the tax effect of each adjustment.",
       "restructuring",
       false,
       "... not when the request asks about something else"},
      {{},
       "We note your restructuring plan. We also note your new chief executive. Please explain "
       "why these changes were made.",
       "restructuring",
       false,
       "... nor when another sentence stands between them"},
      {{"Management's Discussion and Analysis", "Operating Income, page 44"},
       "You state that operating margin increased due to cost reductions and volume. Please "
       "revise to quantify the impact of each of these factors.",
       "liquidity-mdna",
       true,
       "supporting cues in requests under a heading touching the topic (MD&A) anchor it"},
      {{"Management's Discussion and Analysis", "Business Review, page 15"},
       "Please quantify the factors that caused the changes in your proved undeveloped "
       "reserves.",
       "liquidity-mdna",
       false,
       "... not when a request names another topic"},
      {{"Financial Statements", "Note 5, page 60"},
       "Please quantify the factors that caused the change in gross margin.",
       "liquidity-mdna",
       false,
       "... nor without a heading that touches the topic"},
      {{"Management's Discussion and Analysis", "Operating Income, page 44"},
       "Please quantify the inventory write-offs.",
       "liquidity-mdna",
       false,
       "... nor with one supporting cue, a word in passing beside a named topic"},
      {{"Draft Registration Statement", "Market Segment Opportunity, page 13"},
       "Please clarify the size of each of the four market segments and the basis for the "
       "total given the segments you list.",
       "segment-reporting",
       false,
       "... nor under a heading that shares one supporting word with the topic"},
      {{},
       "Please clarify how interest income impacted the reported United States pre-tax income.",
       "goodwill-impairment",
       false,
       "an inflection never reaches past a cue's words: reported United is no reporting unit"},
      {{},
       "Please disclose the costs of complying with the Affordable Care Act.",
       "covid-19",
       false,
       "a cue word that is not to be inflected keeps its form: Care Act is not the CARES Act"},
      {{},
       "Please explain how the decline relates particularly to your European segment.",
       "related-parties",
       false,
       "... relates particularly is no related party"},
      {{"Note 4. Loans, Leases and Allowance for Credit Losses"},
       "Please reconcile the allowance for loan and lease losses for loans individually "
       "evaluated to the lease balances in your tables.",
       "leases",
       false,
       "the allowance for loan and lease losses is credit quality, not leases"},
      {{"Executive Compensation", "Compensation Philosophy", "Annual Incentive Plan",
        "Principal and Selling Stockholders, page 144"},
       "Please revise the table to reflect the shares beneficially owned by the directors.",
       "executive-compensation",
       false,
       "a heading assigns alone only within two levels of the comment"},
      {{"Unaudited Pro Forma Condensed Combined Financial Statements", "Note 7, page 158"},
       "Please explain to us how you calculated adjustment (e) for each period presented.",
       "business-combinations",
       false,
       "pro forma statements are where a deal's effects show, not a subject (spin-offs too)"},
      {{"Unaudited Pro Forma Condensed Combined Financial Statements", "Note 7, page 158"},
       "Please explain how you determined the preliminary purchase price allocation.",
       "business-combinations",
       true,
       "... the adjustment's own subject gives the topic"},
      {{"Form 10-K", "Guarantor Information, page 43"},
       "Please tell us how you determined that financial statements of the subsidiary "
       "issuer are not required. Refer to Rule 3-10 of Regulation S-X.",
       "debt-covenants",
       true,
       "guarantor financial information (S-X 3-10) is about the debt guaranteed"},
      {{"Form 8-K filed May 5, 2020", "Exhibit 99.1", "Financial Highlights, page 1"},
       "Please tell us how you determined that these units are not ongoing operations.",
       "non-gaap",
       true,
       "a comment naming no topic on a Form 8-K takes non-GAAP (DocumentTopics)"},
      {{"Form 8-K filed May 5, 2020", "Item 2.01"},
       "Please tell us how you accounted for the business combination.",
       "non-gaap",
       false,
       "... not when it names a topic"},
      {{},
       "Please file a Form 8-K to report the change in your certifying accountant.",
       "non-gaap",
       false,
       "... and only from the document heading, not the comment's words"},
      {{"Form 8-K Filed May 5, 2016"},
       "The discussion of quarterly results in the earnings release is based on non-GAAP core "
       "earnings. Please review the updated guidance when preparing your next release.",
       "non-gaap",
       true,
       "the document heading confirms a strong cue in a scene-setting sentence, as a heading "
       "does"},
      {{"Form 10-K Filed May 5, 2016"},
       "The discussion of quarterly results in the earnings release is based on non-GAAP core "
       "earnings. Please review the updated guidance when preparing your next release.",
       "non-gaap",
       false,
       "... a document heading that implies nothing confirms nothing"},
      {{"Intangible Assets, page F-14"},
       "Refer to your disclosure in Risk Factors on page 22 that states that user engagement "
       "declines. Please expand your accounting policy for the lives of virtual items.",
       "risk-factors",
       false,
       "a 'Refer to ...' sentence points to where, it asks nothing"},
      {{},
       "Refer to your disclosure on page 22. Please revise your risk factor to describe the "
       "outages.",
       "risk-factors",
       true,
       "... the request after it still does"},
      {{},
       "If there are aspects of your estimates for which material differences are reasonably "
       "likely, disclose the range of reasonably possible variation in assumptions.",
       "contingencies",
       false,
       "'reasonably possible' alone is any estimate"},
      {{},
       "Please disclose an estimate of the reasonably possible loss in excess of amounts accrued.",
       "contingencies",
       true,
       "... a reasonably possible loss is a loss contingency"},
      {{"General"},
       "If material, provide disclosure about any purchase or sale of carbon credits or offsets.",
       "climate",
       true,
       "carbon credits and offsets name climate disclosure"},
      {{"Consolidated Statements of Cash Flows, page F-5"},
       "Please disaggregate the material amounts of Other Assets and Liabilities.",
       "cash-flow-statement",
       true,
       "the statement's full name is not hidden by 'consolidated statements'"},
      {{},
       "Please tell us whether any events caused you to perform an impairment analysis of your "
       "long-lived assets and disclose the asset impairments recorded.",
       "goodwill-impairment",
       true,
       "impairment of long-lived assets is the goodwill and impairment topic"},
      {{"Form 10-K", "Critical Accounting Estimates, page 36", "Goodwill, page 39"},
       "Please tell us whether any reporting unit is at risk of failing the goodwill impairment "
       "test, and disclose the key assumptions used and the goodwill of each reporting unit.",
       "critical-accounting-estimates",
       true,
       "the section a comment sits in (named within two levels) anchors its supporting cues "
       "and is no passing mention beside the main subject"},
      {{"Form 10-K", "Management's Discussion and Analysis", "Critical Accounting Estimates",
        "Goodwill, page 39"},
       "Please tell us whether any reporting unit is at risk of failing the goodwill impairment "
       "test, and disclose the key assumptions used and the goodwill of each reporting unit.",
       "critical-accounting-estimates",
       true,
       "... the heading right above the caption counts"},
      {{"Critical Accounting Estimates", "Results of Operations", "Goodwill, page 39"},
       "Please tell us whether any reporting unit is at risk of failing the goodwill impairment "
       "test, and disclose the key assumptions used and the goodwill of each reporting unit.",
       "critical-accounting-estimates",
       false,
       "... a section three levels up does not"},
      {{},
       "Please tell us whether any reporting unit is at risk of failing the goodwill impairment "
       "test, and disclose the key assumptions used and the goodwill of each reporting unit.",
       "critical-accounting-estimates",
       false,
       "... nor do supporting cues without the section"},
      {{"Note 8, page 80"},
       "Please clarify how Ireland pre-tax income is measured. The instruction to Article "
       "4-08(h)(1) of Regulation S-X states that it should be based on the location of the "
       "operations.",
       "income-taxes",
       true,
       "S-X Rule 4-08(h), income tax expense, implies income taxes (a lettered paragraph cited)"},
      {{},
       "Tell us the amounts recognized for the incentive programs. Please refer to ASC "
       "605-50-50-1.",
       "customer-incentives",
       true,
       "an implying subtopic (ASC 605-50, customer payments and incentives) is cited"},
      {{"Dividend Policy, page 46"},
       "Please revise to disclose any restrictions on dividends. Please also address the risks "
       "related to your ability to pay dividends.",
       "risk-factors",
       true,
       "a request to set out risks names risk-factor disclosure"},
      {{},
       "Please disclose the timeframe over which you evaluate risks and the metrics you use.",
       "risk-factors",
       false,
       "... evaluating risks is not setting them out"},
      {{"Material U.S. Federal Income Tax Considerations"},
       "Please revise your disclosure to remove reliance on assumptions that the merger will "
       "qualify as a reorganization.",
       "income-taxes",
       false,
       "a prospectus's tax considerations section is not tax accounting"},
  };
  for (const DecisionRow& row : rows)
    EXPECT_EQ(Assigned(TopicInput{row.headings, row.text, ""}, row.slug), row.assigned)
        << row.rule << ": " << row.text;
}

TEST(TopicStem, CutsInflectionsNotShortWords) {
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"recognize", "recogniz"},
      {"recognizes", "recogniz"},
      {"recognized", "recogniz"},
      {"recognizing", "recogniz"},
      {"leases", "lease"},
      {"lease", "lease"},
      {"losses", "loss"},
      {"loss", "loss"},
      {"taxes", "tax"},
      {"subsidiaries", "subsidiary"},
      {"status", "status"},
      {"basis", "basis"},
      {"space", "space"},
      {"spacs", "spac"},
      {"based", "based"},
      {"gas", "gas"},
      {"7a", "7a"},
      {"restructuring", "restructur"},
      {"loans", "loan"},
      {"allowances", "allowanc"},
      {"hedging", "hedging"},
  };
  for (const auto& [word, stem] : rows) EXPECT_EQ(TopicStem(word), stem) << word;
}

TEST(TagTopics, DocumentFallbackNamesItsEvidence) {
  auto tags = TagTopics({{"Form 8-K filed May 5, 2020", "Exhibit 99.1"},
                         "Please tell us why these units are not ongoing operations.",
                         ""});
  const TopicTag* t = Find(tags, "non-gaap");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->cues, std::vector<std::string>{"heading: form 8 k"});
  EXPECT_EQ(t->score, kHeadingAloneScore);
}

TEST(TagTopics, EvidenceNamesCuesCitationsAndHeadings) {
  auto tags = TagTopics(
      {{"Income Taxes"}, "Please explain the valuation allowance. Refer to ASC 740-10-30-5.", ""});
  const TopicTag* t = Find(tags, "income-taxes");
  ASSERT_NE(t, nullptr);
  auto has = [&](const std::string& cue) {
    return std::find(t->cues.begin(), t->cues.end(), cue) != t->cues.end();
  };
  EXPECT_TRUE(has("valuation allowance"));
  EXPECT_TRUE(has("ASC 740")) << "citations by label";
  EXPECT_TRUE(has("heading: income taxes"));
}

TEST(TagTopics, ResponseInheritsItsCommentPlusStrongEvidence) {
  std::string comment = "Please tell us how you evaluated the valuation allowance.";
  // The answer's own words mention goodwill once: not enough on their own ...
  auto tags = TagTopics({{}, "The allowance reflects our goodwill position.", comment});
  ASSERT_NE(Find(tags, "income-taxes"), nullptr) << "inherited from the restated comment";
  EXPECT_EQ(Find(tags, "income-taxes")->cues.front(), "comment: valuation allowance");
  EXPECT_EQ(Find(tags, "goodwill-impairment"), nullptr);
  // ... while an answer that dwells on a topic adds it.
  tags = TagTopics({{},
                    "We tested goodwill at each reporting unit; the goodwill impairment test "
                    "under ASC 350 showed no impairment.",
                    comment});
  EXPECT_NE(Find(tags, "income-taxes"), nullptr);
  EXPECT_NE(Find(tags, "goodwill-impairment"), nullptr) << "the answer's own strong evidence";
}

TEST(TagTopics, Deterministic) {
  TopicInput in{{"Revenue Recognition"}, Samples().at("revenue-recognition"), ""};
  auto a = TagTopics(in), b = TagTopics(in);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].slug, b[i].slug);
    EXPECT_EQ(a[i].score, b[i].score);
    EXPECT_EQ(a[i].cues, b[i].cues);
  }
}

}  // namespace
}  // namespace corresp
