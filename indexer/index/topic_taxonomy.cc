// The curated topic taxonomy: data only (rules in topics.cc, documentation in docs/topics.md).
// Cue syntax: "phrase=weight;phrase=weight"; a word ending in '*' matches any word starting
// with it. Standards: canonical keys separated by spaces.
#include <sstream>

#include "indexer/index/topics.h"

namespace corresp {

namespace {

Topic Make(std::string slug, std::string name, std::string_view cues, std::string_view stds) {
  Topic t{std::move(slug), std::move(name), {}, {}};
  std::string spec(cues);
  std::stringstream in(spec);
  std::string item;
  while (std::getline(in, item, ';')) {
    auto eq = item.rfind('=');
    if (eq == std::string::npos) continue;
    t.cues.push_back(TopicCue{item.substr(0, eq), std::stoi(item.substr(eq + 1))});
  }
  std::stringstream s{std::string(stds)};
  std::string key;
  while (s >> key) t.standards.push_back(key);
  return t;
}

// A request to set out risks names risk-factor disclosure as its subject ("Please also
// address the risks related to your ability to pay dividends", "disclose any potential
// risks"): a disclosing verb, "any" or "the", at most one qualifier, then "risk(s)"; strong
// cues, generated here rather than written out one by one.
std::string RisksAskedFor() {
  std::string out;
  for (const char* verb : {"describe", "disclose", "discuss", "address", "highlight"})
    for (const char* det : {"any", "the"})
      for (const char* qualifier :
           {"", "material ", "potential ", "particular ", "specific ", "additional "})
        out += std::string(verb) + " " + det + " " + qualifier + "risk*=2;";
  return out;
}

std::vector<Topic> Build() {
  return {
      Make("hedge-accounting", "Hedge accounting",
           "hedge accounting=2;hedge effectiveness=2;hedging relationship*=2;hedging "
           "instrument*=2;cash flow hedg*=2;fair value hedg*=2;net investment hedg*=2;hedge "
           "ineffectiveness=2;ineffectiveness=1;hedged item*=2;short cut method=1;shortcut "
           "method=1;dollar offset=1;critical terms=1;highly effective=1;derivative "
           "instrument*=1;hedges=1",
           "sfas133 asc815 asu2017-12 ias39 ifrs9"),
      Make("loans-held-for-sale", "Loans held for sale",
           "loans held for sale=2;loan held for sale=2;held for sale loans=2;mortgage loans held "
           "for sale=2;classification of loans=1;held for investment=1;lower of cost or market=1;"
           "hfs=2",
           "sop01-6"),
      Make(
          "revenue-recognition", "Revenue recognition",
          "gross vs net=2;principal agent=2;revenue recognition=2;recognize revenue=2;recognizes "
          "revenue=2;revenue is "
          "recognized=2;performance obligation*=2;transaction price=2;multiple element=2;"
          "principal versus agent=2;gross versus net=2;gross or net=2;as a principal=2;as an "
          "agent=2;"
          "material right*=2;variable consideration=2;disaggregat* revenue*=2;disaggregation of "
          "revenue*=2;disaggregation of your revenue*=2;disaggregat*=1;standalone selling price*=2;"
          "stand alone selling price*=2;bill and hold=2;recognition of revenue=2;revenue "
          "recognized=2;recognized as revenue=2;revenues are recognized=2;recognizing revenue=2;"
          "recognize the revenue=2;recognized over time=2;recognized over=1;point in "
          "time=2;revenue*=1;over time=1;topic "
          "606=2;revenue from contracts with customers=2;deferred revenue=1;unearned "
          "revenue=1;contract asset*=1",
          "asc606 asc605 asc605-25 asc605-45 sab104 sabtopic13 asu2014-09 sop97-2 eitf00-21"),
      Make("non-gaap", "Non-GAAP financial measures",
           "non gaap=2;regulation g=2;adjusted ebitda=2;adjusted ebit=2;adjusted operating=2;"
           "adjusted net income=2;adjusted eps=2;adjusted earnings=2;free cash flow=2;funds from "
           "operations=2;ffo=2;affo=2;nareit=2;comparable gaap measure*=2;directly comparable gaap="
           "2;individually tailored=2;equal or greater prominence=2;ebitda=1;prominence=1;"
           "reconciliation=1;liquidity measure*=1;performance "
           "measure*=1;gaap=1;measure*=1;adjustment*=1;adjusted=1",
           "regsk10"),
      Make("segment-reporting", "Segment reporting",
           "segment reporting=2;reportable segment*=2;operating segment*=2;chief operating "
           "decision maker=2;codm=2;entity wide=2;country of domicile=2;segment information=1;"
           "segment profit=1;segment measure*=1;segment*=1;geographic area*=1",
           "asc280 sfas131"),
      Make("goodwill-impairment", "Goodwill and impairment",
           "recoverability test*=2;goodwill=2;asset impairment*=2;impairment of long lived "
           "asset*=2;impairment analys*=2;impairment assessment*=2;impairment test*=2;reporting "
           "unit=2;impairment "
           "charge*=1;intangible "
           "asset*=1;long lived asset*=1;impairment=1",
           "asc350 sfas142 asc360 sfas144"),
      Make("income-taxes", "Income taxes",
           "income tax*=2;deferred tax*=2;valuation allowance=2;uncertain tax position*=2;"
           "effective tax rate=2;tax provision=2;statutory rate=2;statutory tax rate=2;tax "
           "jurisdiction*=2;unrecognized tax "
           "benefit*=2;tax rate=1;repatriation=1;taxes=1;pre tax income=1;tax benefit*=1",
           "asc740 sfas109 fin48 regsx4-08h"),
      Make(
          "liquidity-mdna", "Liquidity and MD&A",
          "known uncertaint*=2;liquidity=2;capital resources=2;known trend*=2;cash "
          "requirements=2;underlying reason*=2;"
          "reasons for the change*=2;reasons for changes=2;reasons underlying=2;factors that "
          "contributed=2;management s discussion and analysis=1;md a=1;working capital=1;results "
          "of operations=1;changes in revenue*=2;change in revenue*=2;price and volume=2;price "
          "versus=2;principal drivers=2;operating cash flow*=1;cash flows from operations=1;period "
          "to period=1;"
          "drivers=1;quantif*=1;variance*=1;factors=1;capital expenditures=1;cash flow from "
          "operations=1",
          "regsk303"),
      Make("critical-accounting-estimates", "Critical accounting estimates",
           "critical accounting estimate*=2;critical accounting polic*=2;significant "
           "estimates=1;assumption*=1;"
           "sensitivity analysis=1;key assumptions=1",
           ""),
      Make("credit-quality", "Credit quality and subprime",
           "subprime=2;sub prime=2;credit quality=2;allowance for loan losses=2;allowance for loan "
           "and lease loss*=2;loan loss*=2;"
           "allowance for credit loss*=2;acl=2;loan modification*=2;loans=1;troubled debt "
           "restructuring*=2;nonperforming=1;non "
           "performing=1;charge off*=1;delinquen*=1;credit losses=1",
           "asc326 asc310 asc310-10 sfas114 asu2016-13 sop03-3"),
      Make("restructuring", "Restructuring and exit costs",
           "restructuring=2;exit activit*=2;exit or disposal=2;exit costs=2;severance=1",
           "asc420 sfas146"),
      Make("contingencies", "Contingencies and litigation",
           "litigation accrual*=2;legal accrual*=2;loss contingenc*=2;contingenc*=1;reasonably "
           "possible=1;reasonably possible loss*=2;reasonably possible additional "
           "loss*=2;litigation=1;legal "
           "proceedings=1;range of loss=2;accrued loss*=1",
           "asc450 sfas5"),
      Make("fair-value", "Fair value measurement",
           "valuation input*=2;fair value measurement*=2;level 3=2;fair value "
           "hierarchy=2;unobservable input*=2;"
           "fair value estimate*=2;income approach*=2;market approach*=2;valuation "
           "approach*=2;valuation technique*=1;level 2=1;observable input*=1;fair "
           "value=1;valuation=1",
           "asc820 sfas157 sfas159 asc825"),
      Make("business-combinations", "Business combinations",
           "acquisition accounting=2;acquisition method=2;business combination*=2;purchase price "
           "allocation=2;purchase accounting=2;bargain "
           "purchase=2;contingent consideration=2;purchase price=2;purchase consideration=2;"
           "acquired net assets=2;net assets acquired=2;assets acquired=2;pro forma adjustment*=1;"
           "accounting acquirer=2;acquiree=2;preliminary allocation=2;acquired business*=1;"
           "acquisition date=1;acquisition=1;acquired=1;pro forma condensed combined=0",
           "asc805 sfas141 sfas141r regsx3-05 regsx8-04 regsx11-01"),
      Make("cybersecurity", "Cybersecurity",
           "cyber risk*=2;cyber threat*=2;cybersecurity=2;cyber security=2;cyber "
           "attack*=2;cyberattack*=2;cyber incident*=2;"
           "data breach*=2;ransomware=2;information security=1",
           "regsk106"),
      Make("climate", "Climate change",
           "ghg=2;climate=2;carbon credit*=2;carbon offset*=2;greenhouse gas*=2;climate "
           "change=2;carbon "
           "emission*=2;emissions=1;carbon=1;"
           "physical risk*=1;transition risk*=1",
           "regsk1500"),
      Make("state-sponsors-terrorism", "State sponsors of terrorism",
           "state sponsor* of terrorism=2;syria=2;sudan=2;iran=2;north korea=2;cuba=2;office of "
           "global security risk=2;sanctions=1",
           ""),
      Make("china-based-issuers", "China-based issuers",
           "china based=2;people s republic of china=2;prc=2;vie structure=2;holding foreign "
           "companies accountable=2;hfcaa=2;chinese government=2;cyberspace administration=2;"
           "mainland china=2;hong kong=1;china=1",
           ""),
      Make("spac", "SPACs and de-SPAC transactions",
           "special purpose acquisition compan*=2;spac=2;de spac=2;trust account=2;blank check "
           "compan*=2;redemption*=1;sponsor=1",
           ""),
      Make("crypto-assets", "Crypto assets",
           "crypto asset*=2;crypto=2;cryptocurrenc*=2;bitcoin=2;digital asset*=2;blockchain=2;"
           "stablecoin*=2;ether=1;token*=1",
           ""),
      Make("consolidation-vie", "Consolidation and variable interest entities",
           "variable interest entit*=2;primary beneficiary=2;consolidation=1;noncontrolling "
           "interest*=2;deconsolidat*=2;vie*=1",
           "asc810 fin46 fin46r sfas160 sfas167"),
      Make("leases", "Leases",
           "lease accounting=2;lease*=1;right of use=2;operating lease*=2;finance lease*=2;capital "
           "lease*=2;"
           "lessee=1;lessor=1;sale leaseback=2;lease termination*=2",
           "asc842 asc840 sfas13 asu2016-02"),
      Make("stock-compensation", "Stock-based compensation",
           "share based payment*=2;stock based award*=2;share based award*=2;stock based "
           "compensation=2;share based compensation=2;stock compensation=2;equity "
           "based compensation=2;stock option*=1;equity award*=1;grant date fair value=2;"
           "equity based award*=2",
           "asc718 sfas123 sfas123r apb25"),
      Make("pensions", "Pensions and postretirement benefits",
           "pension*=2;postretirement=2;defined benefit=2;expected return on plan assets=2;"
           "plan assets=1",
           "asc715 sfas87 sfas106 sfas158"),
      Make("inventory", "Inventory",
           "inventory=2;inventories=2;lower of cost=1;obsolescence=1;excess and obsolete=2",
           "asc330"),
      Make("earnings-per-share", "Earnings per share",
           "loss per share=2;income per share=2;earnings per share=2;two class method=2;diluted "
           "shares=1;eps=1;weighted average "
           "shares=1",
           "asc260 sfas128"),
      Make("cash-flow-statement", "Statement of cash flows",
           "statement of cash flows=2;statements of cash flows=2;consolidated statement* of cash "
           "flows=2;cash flow statement*=2;"
           "operating activities=1;investing activities=1;financing activities=1",
           "asc230 sfas95"),
      Make("securitization-transfers", "Securitizations and transfers of financial assets",
           "securitization*=2;transfers of financial assets=2;qualifying special purpose=2;"
           "qspe*=2;off balance sheet=1;sale accounting=1",
           "asc860 sfas140 sfas166"),
      Make("investment-securities", "Investment securities",
           "available for sale=2;held to maturity=2;other than temporary impairment=2;otti=2;"
           "investment securities=1;trading securities=1",
           "asc320 sfas115"),
      Make("risk-factors", "Risk factors", "risk factor*=2;risks*=1;" + RisksAskedFor(),
           "regsk105"),
      Make("executive-compensation", "Executive compensation",
           "cd a=2;neo=2;neos=2;executive compensation=2;compensation discussion and "
           "analysis=2;named executive "
           "officer*=2;incentive compensation=1;peer group=1",
           "regsk402"),
      Make("controls-procedures", "Disclosure controls and internal control",
           "disclosure controls=2;internal control over financial reporting=2;material "
           "weakness*=2;icfr=2;significant deficienc*=2;control deficienc*=2;internal control*=1",
           "regsk307 regsk308"),
      Make("related-parties", "Related party transactions",
           "related party=2;related parties=2;affiliated transaction*=1", "regsk404 asc850"),
      Make("discontinued-operations", "Discontinued operations and assets held for sale",
           "discontinued operation*=2;assets held for sale=2;disposal group*=2;held for sale=1",
           "asc205-20 apb30"),
      Make("oil-gas-reserves", "Oil and gas reserves",
           "proved reserves=2;proved undeveloped=2;standardized measure=2;oil and gas=1;"
           "reserves=1;reserve report*=2;puds=2;pud=2;proved=1",
           "asc932 sfas19 sfas69 regsk1200"),
      Make("foreign-currency", "Foreign currency",
           "foreign currency=2;functional currency=2;translation adjustment*=1;exchange rate*=1;"
           "constant currency=2",
           "asc830 sfas52"),
      Make("debt-covenants", "Debt and covenants",
           "line of credit=2;lines of credit=2;convertible debt=2;convertible "
           "debenture*=2;extinguishment=2;covenant*=2;credit facilit*=2;credit "
           "agreement*=2;indebtedness=2;convertible note*=2;"
           "term loan*=2;senior notes=2;notes payable=2;debt extinguishment=2;debt maturit*=1;"
           "revolving=1;borrowing*=1;prepayment*=1;debt=1;guarantor*=1;debt instrument*=1;debt "
           "securit*=1",
           "asc470 regsx3-10 regsx13-01 regsx4-08e"),
      Make("covid-19", "COVID-19 and pandemic effects",
           "covid=2;covid 19=2;pandemic=2;cares* act=2;coronavirus=2", ""),
      Make("customer-incentives", "Customer incentives, rewards and loyalty programs",
           "rewards=2;reward program*=2;loyalty program*=2;customer incentive*=2;rebate*=2;sales "
           "incentive*=2;promotional allowance*=2;coupons=1;discounts=1",
           "eitf00-22 eitf01-9 asc605-50"),
      Make(
          "insurance-reserves", "Insurance reserves and claims",
          "loss reserve*=2;claim reserve*=2;claims reserve*=2;reserve for losses=2;unpaid losses="
          "2;unpaid claims=2;loss adjustment expense*=2;incurred but not reported=2;ibnr=2;reserve "
          "development=2;prior year development=2;loss development=2;annuity reserve*=2;future "
          "policy benefit*=2;policy acquisition cost*=2;policyholder*=1;reinsurance=1;claims=1;"
          "actuarial=1;insurance=1;underwriting=1",
          "asc944 sfas60 sfas97"),
      Make("key-performance-metrics", "Key performance metrics",
           "key performance indicator*=2;key performance metric*=2;key metric*=2;key operating "
           "metric*=2;operating metric*=2;kpi*=2;monthly active users=2;daily active users=2;same "
           "store sales=2;comparable store sales=2;comparable sales=2;average revenue per=2;arpu=2;"
           "net revenue retention=2;annual recurring revenue=2;metric*=1;subscribers=1;backlog=1",
           ""),
      Make("market-risk", "Market risk (Item 7A)",
           "market risk*=2;item 7a=2;interest rate risk=2;commodity price risk=2;value at risk=2;"
           "foreign currency risk=2;equity price risk=2;sensitivity analysis=1;interest rate "
           "sensitivity=1",
           "regsk305"),
      Make("derivatives", "Derivatives not designated as hedges",
           "embedded derivative*=2;derivative liabilit*=2;derivative asset*=2;bifurcat*=2;economic "
           "hedg*=2;not designated as hedg*=2;warrant liabilit*=2;derivative instrument*=1;"
           "derivative*=1;undesignated=1;mark to market=1",
           "asc815-15 asc815-40 eitf00-19"),
      Make("regulatory-assets", "Regulatory assets and rate regulation",
           "regulatory asset*=2;regulatory liabilit*=2;rate case*=2;rate base=2;rate recovery=2;"
           "rate regulated=2;regulated operations=1;public utility commission*=1;public service "
           "commission*=1;recoverab*=1;cost recovery=1",
           "asc980 sfas71"),
      Make("merger-disclosure", "Mergers and deal disclosure",
           "background of the merger=2;background of the transaction*=2;background of the offer=2;"
           "background of the business combination=2;fairness opinion*=2;financial advisor*=2;"
           "merger consideration=2;exchange ratio=2;special committee=2;reasons for the merger=2;"
           "reasons for the transaction*=2;recommendation of the board=2;tender offer=2;offer to "
           "purchase=2;going private=2;appraisal rights=2;dissenters=2;projected financial "
           "information=2;projections=1;merger agreement=1;synergies=1;merger*=1;shareholder "
           "approval=1;vote=1",
           "regsk1015"),
      Make("exhibits-filing-mechanics", "Exhibits and filing mechanics",
           "as an exhibit=2;exhibit index=2;legal opinion*=2;legality opinion*=2;tax opinion*=2;"
           "opinion of counsel=2;auditor s consent=2;consent of=2;file an amendment=2;amended "
           "filing=1;incorporate by reference=2;incorporation by reference=2;confidential "
           "treatment=2;filing fee*=2;fee table=2;registration fee*=2;undertaking*=2;hyperlink*=2;"
           "xbrl=2;power of attorney=2;signature*=1;signed=1;exhibit*=1;consents=1;redact*=1;"
           "cover page=1",
           "regsk601 regsk512"),
  };
}

}  // namespace

const std::vector<DocumentTopic>& DocumentTopics() {
  // A Form 8-K the staff comments on is an earnings release (Item 2.02, Exhibit 99.1) whose
  // non-GAAP measures it questions; an 8-K on an acquisition names its own topic
  // (business combinations, S-X 3-05) in the comment's words.
  static const std::vector<DocumentTopic> kDocuments = {{"form 8 k", "non-gaap"}};
  return kDocuments;
}

const std::vector<std::string>& PlaceTopics() {
  static const std::vector<std::string> kPlaces = {"exhibits-filing-mechanics"};
  return kPlaces;
}

const std::vector<std::string>& FilingParts() {
  // Form 10-K, S-1/S-4 and proxy statement captions that open a part of their own.
  static const std::vector<std::string> kParts = {
      "business",
      "our business",
      "our company",
      "description of business",
      "risk factors",
      "properties",
      "legal proceedings",
      "executive compensation",
      "compensation discussion and analysis",
      "prospectus summary",
      "summary",
      "use of proceeds",
      "capitalization",
      "dilution",
      "management",
      "principal stockholders",
      "principal shareholders",
      "security ownership of certain beneficial owners and management",
      "description of capital stock",
      "financial statements",
      "exhibits",
      "the merger",
      "the separation",
      "the transaction",
      "certain relationships and related transactions",
      "quantitative and qualitative disclosures about market risk",
      "controls and procedures"};
  return kParts;
}

const std::vector<std::string>& NeutralPhrases() {
  // Each hides a topic's cue inside a phrase about something else: amounts stated before or
  // net of tax, tax consequences or considerations of a deal ("Material U.S. Federal Income
  // Tax Considerations": a disclosure or opinion matter, not tax accounting), inventory that
  // is a product (advertising inventory) or an oil and gas producer's drilling locations
  // ("over 8,500 drilling locations in our horizontal inventory"), forward-looking risk-factor
  // boilerplate, a heading's "Results of Operations" quoted in a caption, "at this point in time"
  // (a moment, not revenue recognized at a point in time).
  static const std::vector<std::string> kPhrases = {"before income tax*",
                                                    "net of tax*",
                                                    "net of income tax*",
                                                    "income tax consequences",
                                                    "income tax considerations",
                                                    "tax consequences",
                                                    "federal income tax purposes",
                                                    "advertising inventory",
                                                    "inventory of homes",
                                                    "horizontal inventory",
                                                    "drilling inventory",
                                                    "inventory of drilling",
                                                    "location inventory",
                                                    "risk factors section",
                                                    "consolidated financial statements",
                                                    "consolidated statement*",
                                                    "consolidated balance sheet*",
                                                    "condensed consolidated",
                                                    "combined financial statements",
                                                    "this point in time",
                                                    "that point in time",
                                                    "any point in time"};
  return kPhrases;
}

const std::vector<Topic>& TopicTaxonomy() {
  static const std::vector<Topic> kTopics = Build();
  return kTopics;
}

}  // namespace corresp
