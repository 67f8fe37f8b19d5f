// The heading path of a letter's items (indexer/segment/heading_path.h): parts of a filing,
// filings, exhibits and the sections of a part.
#include "indexer/segment/heading_path.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace corresp::testing {
namespace {

TEST(IsFilingPart, PartsOfReportsProspectusesAndProxies) {
  for (const char* part :
       {"Risk Factors", "Item 7. Management's Discussion and Analysis", "Use of Proceeds, page 68",
        "Dilution", "Management, page 90", "Pay Versus Performance, page 61", "Proposal No. 2",
        "General", "Prospectus Cover Page", "Items 1 and 2. Business and Properties",
        "Grants of Plan-Based Awards Table, page 29",
        "Potential Payments Upon Termination or Change in Control, page 33",
        "Compensation of Directors and Executive Officers, page 33",
        "Securities Being Offered, page 41"})
    EXPECT_TRUE(IsFilingPart(part)) << part;
  EXPECT_TRUE(IsFilingPart("Notes to the Interim Condensed Consolidated Financial Statements"));
  for (const char* caption : {"Results of Operations, page 40", "Management's plans",
                              "Business Combinations", "Dilution of our shareholders' interest"})
    EXPECT_FALSE(IsFilingPart(caption)) << "trap: " << caption;
}

std::vector<std::string> Path(std::vector<std::string> path, const std::string& next) {
  UpdateHeadingPath(path, {next});
  return path;
}

// One caption above the next item moves the heading path: parts of a filing (a report's or
// a prospectus's) are siblings, a filing's caption replaces another's, a section number
// replaces its sibling's whatever its case or number.
TEST(UpdateHeadingPath, PartsOfTheFilingAndFilings) {
  using Paths = std::vector<std::string>;
  const std::string s1 = "Registration Statement on Form S-1 filed February 16, 2021";
  EXPECT_EQ(Path({s1, "Risk Factors", "Risks Related to Our Business"}, "Use of Proceeds, page 68"),
            (Paths{s1, "Use of Proceeds, page 68"}))
      << "a prospectus's part leaves the part before it";
  EXPECT_EQ(Path({s1, "Dilution, page 70"}, "Management, page 90"),
            (Paths{s1, "Management, page 90"}));
  EXPECT_EQ(Path({s1, "The Separation"},
                 "Management's Discussion and Analysis of Financial Condition, page 95"),
            (Paths{s1, "Management's Discussion and Analysis of Financial Condition, page 95"}))
      << "with no part in the path, a part sits right under the filing";
  EXPECT_EQ(Path({"Form 10-12G", "Exhibit 99.1 Information Statement"}, "Risk Factors, page 20"),
            (Paths{"Form 10-12G", "Exhibit 99.1 Information Statement", "Risk Factors, page 20"}))
      << "... or under the exhibit that holds the document";
  EXPECT_EQ(Path({"Form 10-K", "Exhibit 96.2, page E-49"}, "Exhibits"),
            (Paths{"Form 10-K", "Exhibits"}))
      << "an exhibit with a page is a section reviewed, no document";
  EXPECT_EQ(Path({"Form 10-K for the Fiscal Year Ended December 31, 2007", "Financial Statements"},
                 "FORM 8-K FILED AUGUST 14, 2008"),
            (Paths{"FORM 8-K FILED AUGUST 14, 2008"}))
      << "a filing's caption in capitals replaces the filing before";
  const std::string reg_a = "Offering Statement on Form 1-A filed July 27, 2021";
  EXPECT_EQ(Path({reg_a,
                  "Management's Discussion and Analysis of Financial Condition and "
                  "Results of Operations, page 26"},
                 "Compensation of Directors and Executive Officers, page 33"),
            (Paths{reg_a, "Compensation of Directors and Executive Officers, page 33"}))
      << "an offering circular's part (Form 1-A) leaves MD&A";
  const std::string k10 = "Form 10-K for the Fiscal Year Ended December 31, 2006";
  const std::string mdna =
      "Item 7. Management's Discussion and Analysis of Financial Condition and Results of "
      "Operations, page 38";
  EXPECT_EQ(Path({k10, mdna}, "Consolidated Statements of Cash Flows, page 62"),
            (Paths{k10, "Consolidated Statements of Cash Flows, page 62"}))
      << "a financial statement is never a section of MD&A, on a later page or not";
  const std::string mdna_plain =
      "Management's Discussion and Analysis of Financial Condition and Results of Operations";
  EXPECT_EQ(Path({k10, mdna_plain, "Results of Operations"}, "Note 9. Taxes, page 45"),
            (Paths{k10, "Note 9. Taxes, page 45"}))
      << "a note of the financial statements is never a section of MD&A either";
  EXPECT_EQ(Path({k10, mdna_plain, "Consolidated Results of Operations"},
                 "Consolidated Statements of Income, page 35"),
            (Paths{k10, "Consolidated Statements of Income, page 35"}))
      << "... nor a statement below MD&A's own sections";
  const std::string f20 = "Form 20-F for the Fiscal Year Ended December 31, 2021";
  EXPECT_EQ(Path({f20, "Item 3. Key Information"}, "Item 3.D. Risk Factors, page 14"),
            (Paths{f20, "Item 3. Key Information", "Item 3.D. Risk Factors, page 14"}))
      << "a sub-item goes under its item";
  EXPECT_EQ(Path({f20, "Item 5. Operating and Financial Review and Prospects",
                  "Item 5.B Liquidity and Capital Resources, page 68"},
                 "Item 15. Controls and Procedures, page 97"),
            (Paths{f20, "Item 15. Controls and Procedures, page 97"}))
      << "an item replaces the item whose sub-item the path is in";
  EXPECT_EQ(Path({f20, "Item 5. Operating and Financial Review and Prospects",
                  "Item 5.A Operating Results, page 61"},
                 "Item 5.B Liquidity and Capital Resources, page 68"),
            (Paths{f20, "Item 5. Operating and Financial Review and Prospects",
                   "Item 5.B Liquidity and Capital Resources, page 68"}))
      << "a sub-item replaces its sibling";
  EXPECT_EQ(Path({k10, "Item 7. Management's Discussion and Analysis"},
                 "Item 7A. Quantitative and Qualitative Disclosures About Market Risk"),
            (Paths{k10, "Item 7A. Quantitative and Qualitative Disclosures About Market Risk"}))
      << "trap: Form 10-K's Item 7A is an item of its own, not a part of Item 7";
  const std::string notes = "Notes to Consolidated Financial Statements";
  EXPECT_EQ(Path({k10, notes, "C. Collaborative and Licensing Arrangements",
                  "Solstice Biologics AG, page F-24"},
                 "K. Income Taxes, page F-38"),
            (Paths{k10, notes, "K. Income Taxes, page F-38"}))
      << "a lettered note replaces its lettered sibling and what lies below it";
  EXPECT_EQ(Path({k10, notes, "(8) Reinsurance, page F-34"}, "(15) Segment Information"),
            (Paths{k10, notes, "(15) Segment Information"}))
      << "... and so does a note numbered in parentheses, with or without a page";
  const std::string exhibit = "Exhibit 99.1 - Preliminary Information Statement";
  std::vector<std::string> exhibit_path{exhibit, "Information Statement Summary, page 1"};
  UpdateHeadingPath(exhibit_path, {"Risk Factors", "Risks Related to the Separation, page 19"});
  EXPECT_EQ(exhibit_path,
            (Paths{exhibit, "Risk Factors", "Risks Related to the Separation, page 19"}))
      << "the exhibit holding the document stays on top, also as the outermost caption";
  const std::string proxy = "Definitive Proxy Statement on Schedule 14A";
  EXPECT_EQ(Path({proxy, "Compensation Discussion and Analysis, page 32"},
                 "Pay Ratio Disclosure, page 52"),
            (Paths{proxy, "Pay Ratio Disclosure, page 52"}))
      << "the pay ratio is a part of the proxy statement beside CD&A (Item 402(u))";
  EXPECT_EQ(
      Path({"Preliminary Proxy Statement on Schedule 14A", "Proposal 1"}, "Form of Proxy Card"),
      (Paths{"Preliminary Proxy Statement on Schedule 14A", "Form of Proxy Card"}))
      << "a form the filing contains is no filing of its own";
  EXPECT_EQ(Path({"Form 10-K", "Item 7. Management's Discussion and Analysis"},
                 "Items 1 and 2. Business and Properties, page 5"),
            (Paths{"Form 10-K", "Items 1 and 2. Business and Properties, page 5"}));
  EXPECT_EQ(Path({"Registration Statement on Form S-3", "Plan of Distribution, page 18"},
                 "Exhibit 5.1 - Opinion of Counsel"),
            (Paths{"Registration Statement on Form S-3", "Exhibit 5.1 - Opinion of Counsel"}))
      << "a caption without a page after one with a page keeps the filing on top";
  EXPECT_EQ(Path({"I. Form 10-K for Fiscal Year Ended December 31, 2018", "Revenue, page 30"},
                 "II. Form 8-K Filed May 2, 2019"),
            (Paths{"II. Form 8-K Filed May 2, 2019"}))
      << "another filing's caption starts the path again";
  EXPECT_EQ(Path({"Offering Statement on Form 1-A", "Offering Circular Cover Page"},
                 "Offering Circular Summary, page 3"),
            (Paths{"Offering Statement on Form 1-A", "Offering Circular Summary, page 3"}))
      << "a cover page and a summary are parts";
  std::vector<std::string> path = {"Form 10", "Exhibit 99.1 - Information Statement",
                                   "Risk Factors, page 28"};
  UpdateHeadingPath(path, {"The Spin-Off", "Reasons for the Spin-Off, page 42"});
  EXPECT_EQ(path, (Paths{"Form 10", "Exhibit 99.1 - Information Statement", "The Spin-Off",
                         "Reasons for the Spin-Off, page 42"}))
      << "a run of captions keeps the filing and the exhibit holding the document reviewed";
  path = {"Form S-1", "Management's Discussion and Analysis", "Results of Operations, page 80"};
  UpdateHeadingPath(path, {"Critical Accounting Estimates", "Stock-Based Compensation, page 97"});
  EXPECT_EQ(path, (Paths{"Form S-1", "Management's Discussion and Analysis",
                         "Critical Accounting Estimates", "Stock-Based Compensation, page 97"}))
      << "a run of captions opening with a section of MD&A stays in MD&A";
  path = {"Form S-1", "Financial Statements", "Note 2. Revenue, page F-9"};
  UpdateHeadingPath(path, {"Note 7. Leases", "Lease Terms, page F-20"});
  EXPECT_EQ(path,
            (Paths{"Form S-1", "Financial Statements", "Note 7. Leases", "Lease Terms, page F-20"}))
      << "... and one opening with a note in the financial statements";
  path = {"Form S-4", "Risk Factors", "Risks Related to the Merger, page 20"};
  UpdateHeadingPath(path, {"The Merger", "Background of the Merger, page 50"});
  EXPECT_EQ(path, (Paths{"Form S-4", "The Merger", "Background of the Merger, page 50"}))
      << "trap: a run opening with another part leaves the part before";
  EXPECT_EQ(
      Path({"Form S-1", "Notes to Consolidated Financial Statements", "Note 4. Leases"}, "General"),
      (Paths{"Form S-1", "General"}))
      << "'General' sits right under the filing";
  EXPECT_EQ(
      Path({"Prospectus", "Fees and Expenses, page 14"}, "Statement of Additional Information"),
      (Paths{"Statement of Additional Information"}))
      << "a fund's prospectus and statement of additional information are documents";
  EXPECT_EQ(Path({"Prospectus", "Cover Page"}, "Principal Investment Strategies"),
            (Paths{"Prospectus", "Principal Investment Strategies"}));
  EXPECT_EQ(Path({"Form S-4", "Unaudited Pro Forma Condensed Combined Financial Information"},
                 "Certain U.S. Federal Income Tax Considerations, page 168"),
            (Paths{"Form S-4", "Certain U.S. Federal Income Tax Considerations, page 168"}))
      << "a merger prospectus's parts";
  EXPECT_EQ(Path({"Form 10-K", "Liquidity, page 30"}, "Revenue, page 32"),
            (Paths{"Form 10-K", "Revenue, page 32"}))
      << "trap: captions that name no part move as before";
  EXPECT_EQ(Path({"Form 10-K", "Note 4. Leases"}, "Lease Terms, page F-20"),
            (Paths{"Form 10-K", "Note 4. Leases", "Lease Terms, page F-20"}));
}

// MD&A's sections are the company's own ("Asset Quality", "Outlook"): a run of captions that
// names no place of its own stays in MD&A, and a standard section of MD&A goes back right
// under it. Elsewhere a run opening with an unknown caption may be a new part.
TEST(UpdateHeadingPath, SectionsOfMdnaAndSupplementsToTheStatements) {
  using Paths = std::vector<std::string>;
  const std::string k = "Form 10-K for the Fiscal Year Ended December 31, 2022";
  const std::string mdna =
      "Management's Discussion and Analysis of Financial Condition and Results of Operations";
  std::vector<std::string> path = {k, mdna, "Non-GAAP Financial Measures, page 48"};
  UpdateHeadingPath(path, {"Asset Quality", "Allowance for Credit Losses, page 61"});
  EXPECT_EQ(path, (Paths{k, mdna, "Asset Quality", "Allowance for Credit Losses, page 61"}))
      << "a run naming no place of its own stays in MD&A";
  EXPECT_EQ(Path(path, "Liquidity and Funding, page 66"),
            (Paths{k, mdna, "Liquidity and Funding, page 66"}))
      << "a standard section of MD&A sits right under it, not in the sub-section before";
  path = {mdna, "Results of Operations, page 90"};
  UpdateHeadingPath(
      path, {"Critical Accounting Policies and Estimates", "Stock-Based Compensation, page 101"});
  EXPECT_EQ(path, (Paths{mdna, "Critical Accounting Policies and Estimates",
                         "Stock-Based Compensation, page 101"}))
      << "also with no filing's caption on top";
  path = {k, mdna, "Liquidity, page 40"};
  UpdateHeadingPath(path, {"Notes to Consolidated Financial Statements", "Note 5 - Loans"});
  EXPECT_EQ(path, (Paths{k, "Notes to Consolidated Financial Statements", "Note 5 - Loans"}))
      << "trap: a run opening with a part leaves MD&A";
  path = {k, mdna, "Liquidity, page 40"};
  UpdateHeadingPath(path, {"Form 8-K Filed April 20, 2023", "Exhibit 99.1"});
  EXPECT_EQ(path, (Paths{"Form 8-K Filed April 20, 2023", "Exhibit 99.1"}))
      << "trap: ... and so does one opening with a filing";
  path = {"Form 10", "Exhibit 99.1 - Information Statement", "Risk Factors",
          "Risks Related to the Spin-Off, page 28"};
  UpdateHeadingPath(path, {"The Spin-Off", "Reasons for the Spin-Off, page 42"});
  EXPECT_EQ(path, (Paths{"Form 10", "Exhibit 99.1 - Information Statement", "The Spin-Off",
                         "Reasons for the Spin-Off, page 42"}))
      << "trap: outside MD&A an unknown caption may open a part of a prospectus";
  EXPECT_EQ(Path({k, mdna + ", page 34", "Overview, page 34"}, "Results of Operations, page 39"),
            (Paths{k, mdna + ", page 34", "Results of Operations, page 39"}))
      << "trap: a part printed with a page is a comment's caption, not a section holding others";

  EXPECT_EQ(
      Path({k, mdna, "Results of Operations", "Segment Results - Flow Control, page 38"},
           "Segment Results - Industrial Automation, page 40"),
      (Paths{k, mdna, "Results of Operations", "Segment Results - Industrial Automation, page 40"}))
      << "trap: segment results are often inside Results of Operations: a sibling, as before";
  EXPECT_EQ(Path({k, mdna, "Results of Operations", "Segment Results - Flow Control, page 38"},
                 "Liquidity and Capital Resources, page 44"),
            (Paths{k, mdna, "Liquidity and Capital Resources, page 44"}));
  const std::string f20 = "FORM 20-F FOR THE FISCAL YEAR ENDED DECEMBER 31, 2013";
  path = {f20, "ITEM 18. FINANCIAL STATEMENTS", "Consolidated Statements of Cash Flows, page F-8"};
  UpdateHeadingPath(path, {"Notes to the Consolidated Financial Statements",
                           "Note 11 - Spectrum Licenses, page F-39"});
  EXPECT_EQ(path, (Paths{f20, "ITEM 18. FINANCIAL STATEMENTS",
                         "Notes to the Consolidated Financial Statements",
                         "Note 11 - Spectrum Licenses, page F-39"}))
      << "the notes are a section of the financial statements printed above them";
  const std::string item8 = "Item 8. Financial Statements and Supplementary Data";
  path = {k, item8, "Notes to Consolidated Financial Statements", "Note 9 - Debt, page F-30"};
  UpdateHeadingPath(path, {"Supplemental Oil and Gas Information (Unaudited)",
                           "Standardized Measure of Discounted Future Net Cash Flows, page F-38"});
  EXPECT_EQ(path, (Paths{k, item8, "Supplemental Oil and Gas Information (Unaudited)",
                         "Standardized Measure of Discounted Future Net Cash Flows, page F-38"}))
      << "... and so is a run opening with their supplementary information";
  const std::string form_f1 = "Registration Statement on Form F-1";
  path = {form_f1, mdna, "Results of Operations, page 80"};
  UpdateHeadingPath(path, {mdna + " (continued)", "Liquidity and Capital Resources, page 87"});
  EXPECT_EQ(path, (Paths{form_f1, mdna, "Liquidity and Capital Resources, page 87"}))
      << "a caption repeated with (continued) after a page break is the caption it continues";
  path = {form_f1, mdna, "Results of Operations"};
  UpdateHeadingPath(path, {"Results of Operations (continued)"});
  EXPECT_EQ(path, (Paths{form_f1, mdna, "Results of Operations"}))
      << "... and alone it leaves the path where it is";
  path = {k, mdna};
  UpdateHeadingPath(path, {"Discontinued Operations", "Sale of the Ceramics Business, page 45"});
  EXPECT_EQ(path,
            (Paths{k, mdna, "Discontinued Operations", "Sale of the Ceramics Business, page 45"}))
      << "trap: 'Discontinued' keeps its word";
  EXPECT_EQ(
      Path({k, "Item 8. Financial Statements", "Consolidated Balance Sheets, page F-3"},
           "Notes to Consolidated Financial Statements"),
      (Paths{k, "Item 8. Financial Statements", "Notes to Consolidated Financial Statements"}));
  EXPECT_EQ(Path({k, mdna, "Liquidity, page 40"}, "Notes to Consolidated Financial Statements"),
            (Paths{k, "Notes to Consolidated Financial Statements"}))
      << "trap: after another part the notes are its sibling";

  const std::string f20c = "Form 20-F for the Fiscal Year Ended December 31, 2021";
  path = {f20c, "Part I", "Item 3. Key Information", "D. Risk Factors, page 12"};
  UpdateHeadingPath(path, {"Item 5. Operating and Financial Review and Prospects",
                           "B. Liquidity and Capital Resources, page 98"});
  EXPECT_EQ(path, (Paths{f20c, "Part I", "Item 5. Operating and Financial Review and Prospects",
                         "B. Liquidity and Capital Resources, page 98"}))
      << "a run opening with a numbered section keeps the places above its sibling";
  path = {f20c, "Increase in valuation allowance Page 117 20,978", "Note 3 - Taxes, page F-20"};
  UpdateHeadingPath(path,
                    {"Note 21 - Condensed Consolidating Information", "Cash Flows, page 138"});
  EXPECT_EQ(path,
            (Paths{f20c, "Note 21 - Condensed Consolidating Information", "Cash Flows, page 138"}))
      << "trap: only places are kept (a table row taken for a caption is none)";

  const std::string f1 = "Amendment No. 1 to Registration Statement on Form F-1";
  path = {f1, "Prospectus Summary", "Our Challenges, page 8"};
  UpdateHeadingPath(path, {"Prospectus Summary", "Recent Developments, page 10"});
  EXPECT_EQ(path, (Paths{f1, "Prospectus Summary", "Recent Developments, page 10"}))
      << "a run restating a caption of the path keeps the filing's caption printed once on top";
  path = {f1, mdna, "Liquidity, page 90"};
  UpdateHeadingPath(path, {"Taxation", "People's Republic of China Taxation, page 176"});
  EXPECT_EQ(path, (Paths{f1, "Taxation", "People's Republic of China Taxation, page 176"}))
      << "a prospectus's Taxation is a part of its own, not a section of MD&A";

  const std::string cda = "Compensation Discussion and Analysis, page 14";
  EXPECT_EQ(Path({"Schedule 14A", cda}, "Benchmarking, page 16"),
            (Paths{"Schedule 14A", cda, "Benchmarking, page 16"}))
      << "a caption on a later page of a Discussion and Analysis part printed with its page is "
         "one of its sections";
  EXPECT_EQ(Path({k, mdna + ", page 18"}, "Consolidated Statements of Cash Flows, page F-6"),
            (Paths{k, "Consolidated Statements of Cash Flows, page F-6"}))
      << "trap: a page of another series is no page of MD&A";
  EXPECT_EQ(Path({"Schedule 14A", cda}, "Summary Compensation Table, page 25"),
            (Paths{"Schedule 14A", "Summary Compensation Table, page 25"}))
      << "trap: a part of its own";
  EXPECT_EQ(Path({"Form SB-2", "Risk Factors, page 5"}, "Description of Business, page 12"),
            (Paths{"Form SB-2", "Description of Business, page 12"}))
      << "trap: only a Discussion and Analysis part holds captions by their pages";
  EXPECT_EQ(Path({k, mdna + " Overview, page 34"}, "Results of Operations, page 39"),
            (Paths{k, "Results of Operations, page 39"}))
      << "trap: the part run together with a section's caption is that comment's caption";

  EXPECT_EQ(Path({k, "Financial Statements", "Note 12 - Debt, page F-30"},
                 "Supplemental Oil and Gas Information (Unaudited), page F-38"),
            (Paths{k, "Financial Statements",
                   "Supplemental Oil and Gas Information (Unaudited), page F-38"}))
      << "supplementary information sits under the financial statements";
  EXPECT_EQ(Path({k, "Item 7. " + mdna, "Liquidity and Capital Resources, page 58"},
                 "Supplemental Oil and Gas Information (Unaudited), page F-38"),
            (Paths{k, "Supplemental Oil and Gas Information (Unaudited), page F-38"}))
      << "... and without them in the path is a part, no section of MD&A";
  EXPECT_EQ(
      Path({k, "Notes to Consolidated Financial Statements", "Note 7 - Reinsurance, page F-33"},
           "Schedule III - Supplementary Insurance Information, page S-3"),
      (Paths{k, "Schedule III - Supplementary Insurance Information, page S-3"}))
      << "a schedule is no note";
}

// Where the words place a caption nowhere else, its style does: set unlike the innermost caption
// and like one further up (not the filing's heading), it is that one's sibling.
TEST(UpdateHeadingPath, CaptionsSetAlikeAreSiblings) {
  using Paths = std::vector<std::string>;
  const CaptionStyle bold{true, false, false}, italic{false, true, false};
  const CaptionStyles styles = {{"Form of Prospectus", {true, false, true}},
                                {"Summary of Terms", bold},
                                {"Transaction Parties, page 5", italic},
                                {"Asset Representations Reviewer, page 62", bold},
                                {"Pool Assets, page 7", italic}};
  Paths path{"Form of Prospectus", "Summary of Terms", "Transaction Parties, page 5"};
  UpdateHeadingPath(path, {"Asset Representations Reviewer, page 62"}, &styles);
  EXPECT_EQ(path, (Paths{"Form of Prospectus", "Asset Representations Reviewer, page 62"}));

  path = {"Form of Prospectus", "Summary of Terms", "Transaction Parties, page 5"};
  UpdateHeadingPath(path, {"Pool Assets, page 7"}, &styles);
  EXPECT_EQ(path, (Paths{"Form of Prospectus", "Summary of Terms", "Pool Assets, page 7"}))
      << "set like the innermost caption: the words decide, as without styles";

  const CaptionStyles filing_alike = {
      {"Form 10-K for the Fiscal Year Ended December 31, 2023", bold},
      {"Segment Overview", italic},
      {"Our Markets", bold}};
  path = {"Form 10-K for the Fiscal Year Ended December 31, 2023", "Segment Overview"};
  UpdateHeadingPath(path, {"Our Markets"}, &filing_alike);
  EXPECT_EQ(path, (Paths{"Form 10-K for the Fiscal Year Ended December 31, 2023", "Our Markets"}))
      << "trap: a caption set like the filing's heading does not replace it";
}

}  // namespace
}  // namespace corresp::testing
