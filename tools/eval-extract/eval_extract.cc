// eval-extract: runs the extractor over labelled letters and prints per-letter and total
// figures (kind, comment count, number sequence, item starts, clean items, heading paths,
// response pairs); or over a whole corpus (MANIFEST.tsv): implausible letters and thread
// agreement.
//
//   eval-extract labels [--totals] LETTERS-DETAILED.TSV ROOT...
//     (ROOT: a folder of ACCESSION.pdf|.htm, or a mirror with MANIFEST.tsv; --totals: the
//     totals alone, for validation labels that nobody reads letter by letter)
//   eval-extract reviewed DATA_DIR [--json] [--examples N]
//     (an indexed data dir: share of letters whose reviewed filing is resolved, reasons of the
//     unresolved ones, offices)
//   eval-extract topics TOPIC-LABELS.TSV MIRROR [--totals] [--fold K[,K...]/N]
//     (the topic tagger against topic labels: micro and per-topic precision, recall, F1, and
//     without --totals each item with a wrong or missed topic, with its text; --fold: only
//     the rows whose sha256(id) mod N is one of the Ks; docs/topics.md)
//   eval-extract corpus MIRROR [--json-dir DIR] [--json] [--examples N]
//     (implausible letters, then the thread agreement of responses with the staff letters
//     they answer, disagreements grouped by cause; --json: all of it as one JSON object)
//   eval-extract lifecycle MIRROR [--json] [--examples N]
//     (the comment lifecycle over the whole corpus: prior comment references linked, pairing,
//     status, rounds, days to close; see lifecycle_report.h)
//   eval-extract expected DIR
//     (each letter of DIR against DIR/expected.json, the fields a reader decided before
//     running the extractor, as tests/data/synthetic holds them; expected_fields.h)
//   eval-extract rewrap MIRROR [--width W] [--examples N]
//     (the plain-text reader against the others, without labels: each PDF and HTML letter's
//     blocks hard-wrapped at W columns as a text letter of its form, extracted again and
//     compared with its extraction; rewrap_check.h)
//   eval-extract rendered MIRROR PDF_DIR [--examples N]
//     (the PDF reader against the HTML reader, without labels: each HTML letter against its
//     rendering PDF_DIR/ACCESSION.pdf, made by tools/render-html-letters; compared as rewrap)
// Exit status: 0 when every labelled letter matches (labels, expected) / always 0 for corpus.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/extract/charset.h"
#include "indexer/extract/extract.h"
#include "indexer/extract/html_reader.h"
#include "indexer/extract/pdf_reader.h"
#include "indexer/extract/sgml.h"
#include "indexer/extract/text_reader.h"
#include "indexer/extract/text_util.h"
#include "indexer/index/letter_record.h"
#include "indexer/segment/letter_dates.h"
#include "tools/eval-extract/expected_fields.h"
#include "tools/eval-extract/label_compare.h"
#include "tools/eval-extract/letter_loader.h"
#include "tools/eval-extract/lifecycle_report.h"
#include "tools/eval-extract/reviewed_eval.h"
#include "tools/eval-extract/rewrap_check.h"
#include "tools/eval-extract/thread_agreement.h"
#include "tools/eval-extract/topic_eval.h"

namespace fs = std::filesystem;
using namespace corresp;

namespace {

using labels::CleanText;
using labels::LabelItem;
using labels::LabelItemsOf;
using labels::ReadFile;
using labels::ReadTsv;
using labels::StartsWithWords;

struct Totals {
  int letters = 0, kind = 0, dates = 0, count = 0, numbers = 0, headings = 0, matched = 0;
  int items = 0, starts = 0, clean = 0, with_heading = 0, responses = 0, pairs = 0;
};

// per_letter false prints totals only: for the validation labels, which nobody reads letter by
// letter (looking at their failures would tune the extractor to them).
int RunLabels(const fs::path& labels_tsv, const std::vector<fs::path>& roots, bool per_letter) {
  std::ostringstream discarded;
  std::ostream& out = per_letter ? std::cout : discarded;
  Totals t;
  for (const labels::LetterLabel& label : labels::ReadLabels(labels_tsv.string())) {
    const std::string& acc = label.accession;
    std::optional<labels::LetterDocument> doc = labels::FindDocument(acc, roots);
    if (!doc) {
      std::cout << acc << "  MISSING\n";
      continue;
    }
    std::string bytes = ReadFile(doc->path);
    Letter l = ExtractLetter({bytes, doc->path.string(), label.form});
    std::vector<LabelItem> items = LabelItemsOf(l);
    ++t.letters;
    bool kind_ok = LetterKindName(l.kind) == label.kind;
    // Not part of "fully right" (the labelling guide's measures are kinds, counts, first words
    // and headings), reported beside it.
    bool date_ok = (l.letter_date ? l.letter_date->ToIso() : "") == label.letter_date;
    bool count_ok = static_cast<int>(items.size()) == label.n;
    // As the labelling guide writes them: "1,2,3", "-" for an unnumbered item among numbered
    // ones, and "" when no item is numbered.
    std::string got_nums;
    bool any_number = false;
    for (const LabelItem& it : items) {
      got_nums += (got_nums.empty() ? "" : ",") + (it.number ? std::to_string(*it.number) : "-");
      any_number = any_number || it.number.has_value();
    }
    if (!any_number) got_nums.clear();
    bool nums_ok = got_nums == label.numbers;
    int starts = 0, clean = 0, with_heading = 0, pairs = 0, resp = 0;
    std::vector<std::string> bad_starts;
    for (size_t i = 0; i < items.size(); ++i) {
      if (i < label.first_words.size() && StartsWithWords(items[i].text, label.first_words[i]))
        ++starts;
      else
        bad_starts.push_back(std::to_string(i + 1) + ": '" + FirstWords(items[i].text, 8) + "'");
      if (CleanText(items[i].text) && CleanText(items[i].answer)) ++clean;
      if (!items[i].headings.empty()) ++with_heading;
      if (items[i].response) {
        ++resp;
        if (!items[i].text.empty() && !items[i].answer.empty()) ++pairs;
      }
    }
    bool heads_ok = labels::LetterHeadingSequence(l) == labels::SquashHeadings(label.headings);
    bool all = kind_ok && count_ok && nums_ok && starts == static_cast<int>(items.size()) &&
               clean == static_cast<int>(items.size()) && heads_ok && pairs == resp;
    t.kind += kind_ok;
    t.dates += date_ok;
    t.count += count_ok;
    t.numbers += nums_ok;
    t.headings += heads_ok;
    t.matched += all;
    t.items += static_cast<int>(items.size());
    t.starts += starts;
    t.clean += clean;
    t.with_heading += with_heading;
    t.responses += resp;
    t.pairs += pairs;
    out << (all ? "ok   " : "FAIL ") << acc << " " << label.form
        << " kind=" << LetterKindName(l.kind) << (kind_ok ? "" : "(want " + label.kind + ")")
        << " n=" << items.size() << (count_ok ? "" : "(want " + std::to_string(label.n) + ")")
        << " starts=" << starts << "/" << items.size() << " clean=" << clean
        << " heads=" << (heads_ok ? "ok" : "BAD") << " pairs=" << pairs << "/" << resp << "\n";
    if (!date_ok)
      out << "     date: " << (l.letter_date ? l.letter_date->ToIso() : "none") << " want "
          << (label.letter_date.empty() ? "none" : label.letter_date) << "\n";
    if (!nums_ok) out << "     numbers: " << got_nums << " want " << label.numbers << "\n";
    for (const auto& b : bad_starts) out << "     start " << b << "\n";
    if (!heads_ok) {
      out << "     headings got:  ";
      for (const auto& h : labels::HeadingsInOrder(items)) out << h << " || ";
      out << "\n     headings want: ";
      for (const auto& h : label.headings) out << h << " || ";
      out << "\n";
    }
  }
  auto pct = [](int a, int b) {
    std::ostringstream s;
    s << a << "/" << b << " (" << (b ? 100.0 * a / b : 100.0) << "%)";
    return s.str();
  };
  std::cout << "\nletters " << t.letters << "\n  kind accuracy        " << pct(t.kind, t.letters)
            << "\n  letter dates         " << pct(t.dates, t.letters) << "\n  exact comment count  "
            << pct(t.count, t.letters) << "\n  number sequence      " << pct(t.numbers, t.letters)
            << "\n  heading paths        " << pct(t.headings, t.letters)
            << "\n  item starts          " << pct(t.starts, t.items) << "\n  clean items          "
            << pct(t.clean, t.items) << "\n  items with headings  " << pct(t.with_heading, t.items)
            << "\n  response pairs       " << pct(t.pairs, t.responses)
            << "\n  letters fully right  " << pct(t.matched, t.letters) << "\n";
  return t.matched == t.letters ? 0 : 1;
}

// The reader's blocks, as ExtractLetter sees them before segmentation.
BlockDocument ReadBlocks(const std::string& bytes, const std::string& name) {
  std::string body = bytes;
  PayloadType type = SniffType(bytes, name);
  if (LooksLikeSgml(bytes)) {
    if (auto p = UnwrapSgml(bytes)) {
      body = p->body;
      type = p->type;
    }
  }
  return type == PayloadType::kPdf    ? ReadPdf(body)
         : type == PayloadType::kHtml ? ReadHtml(DecodeToUtf8(body))
                                      : ReadPlainText(DecodeToUtf8(body));
}

// A company response's opening (LetterOpening over the reader's blocks).
std::string OpeningOf(const std::string& bytes, const std::string& name, const Letter& letter) {
  return LetterOpening(ReadBlocks(bytes, name).blocks, letter);
}

struct CorpusLetter {
  std::map<std::string, std::string> row;  // the MANIFEST row
  Letter letter;
  std::vector<Date> named_dates;  // company responses only: NamedLetterDates of the opening
  bool oral_comments = false;     // ... AnswersOralComments of the opening
};

struct CorpusRun {
  std::vector<CorpusLetter> letters;
  size_t bytes = 0;
  double seconds = 0;
};

CorpusRun ExtractCorpus(const fs::path& root, const std::string& json_dir) {
  CorpusRun run;
  auto t0 = std::chrono::steady_clock::now();
  for (const auto& row : ReadTsv((root / "MANIFEST.tsv").string())) {
    fs::path doc = root / row.at("document");
    std::string bytes = ReadFile(doc);
    run.bytes += bytes.size();
    Letter l = ExtractLetter({bytes, doc.string(), row.at("form")});
    if (!json_dir.empty()) {
      std::ofstream out(fs::path(json_dir) / (row.at("accession") + ".json"));
      out << LetterToJson(l).dump(2) << "\n";
    }
    CorpusLetter& c = run.letters.emplace_back(CorpusLetter{row, std::move(l), {}, false});
    if (c.letter.kind == LetterKind::kResponse) {
      c.named_dates = c.letter.named_dates;  // the extractor's NamedLetterDates of the opening
      c.oral_comments = agreement::AnswersOralComments(OpeningOf(bytes, doc.string(), c.letter));
    }
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return run;
}

// Why a letter looks wrong on its own (sorted, unique); empty when it looks plausible.
std::vector<std::string> Implausibilities(const Letter& l) {
  std::vector<std::string> why;
  std::vector<LabelItem> items = LabelItemsOf(l);
  for (size_t k = 0; k < items.size(); ++k) {
    if (items[k].number && k > 0 && items[k - 1].number &&
        *items[k].number != *items[k - 1].number + 1)
      why.push_back("non-consecutive numbers");
    if (!CleanText(items[k].text) || !CleanText(items[k].answer))
      why.push_back("junk in item " + std::to_string(k + 1));
    if (items[k].response && (items[k].text.empty() || items[k].answer.empty()))
      why.push_back("response " + std::to_string(k + 1) + " not split");
  }
  if (l.kind == LetterKind::kCommentLetter && l.comments.empty()) why.push_back("no comments");
  if (l.kind == LetterKind::kCommentLetter && !l.comments.empty() && l.comments[0].number &&
      l.comments[0].number != 1)
    why.push_back("first comment not 1");
  std::sort(why.begin(), why.end());
  why.erase(std::unique(why.begin(), why.end()), why.end());
  return why;
}

agreement::AgreementReport MeasureAgreement(const std::vector<CorpusLetter>& letters) {
  std::vector<agreement::ThreadLetter> in;
  for (const CorpusLetter& c : letters)
    in.push_back({c.row.at("accession"), c.row.at("cik"), c.row.at("thread"), c.row.at("form"),
                  Date::Parse(c.row.at("date_filed")).value_or(Date{}), &c.letter, c.named_dates,
                  c.oral_comments});
  return agreement::MeasureThreadAgreement(in);
}

std::string Percent(int a, int b) {
  std::ostringstream s;
  s << a << "/" << b << " (" << std::fixed << std::setprecision(2) << (b ? 100.0 * a / b : 100.0)
    << "%)";
  return s.str();
}

std::string PairLine(const agreement::Pair& p) {
  std::ostringstream s;
  s << p.response << " #" << p.number;
  if (!p.staff.empty()) s << " vs " << p.staff;
  if (p.restated && p.cause != agreement::Cause::kNumberNotInStaff &&
      p.cause != agreement::Cause::kAgree && !p.staff.empty())
    s << " overlap " << std::fixed << std::setprecision(2) << p.overlap;
  if (!p.restated) s << " (number only)";
  if (p.text_matches) s << " (text matches comment " << *p.text_matches << ")";
  return s.str();
}

// Disagreeing pairs grouped by cause, in the order of the Cause enum.
std::map<agreement::Cause, std::vector<const agreement::Pair*>> ByCause(
    const agreement::AgreementReport& r) {
  std::map<agreement::Cause, std::vector<const agreement::Pair*>> out;
  for (const agreement::Pair& p : r.pairs)
    if (p.cause != agreement::Cause::kAgree) out[p.cause].push_back(&p);
  return out;
}

// The agreeing pairs whose staff comment and response both have headings.
std::vector<const agreement::Pair*> WithHeadings(const agreement::AgreementReport& r) {
  std::vector<const agreement::Pair*> out;
  for (const agreement::Pair& p : r.pairs)
    if (p.headings_agree) out.push_back(&p);
  return out;
}

int Agreeing(const agreement::AgreementReport& r) {
  return static_cast<int>(std::count_if(r.pairs.begin(), r.pairs.end(), [](const auto& p) {
    return p.cause == agreement::Cause::kAgree;
  }));
}

void PrintAgreement(const agreement::AgreementReport& r, size_t examples) {
  int number_only = static_cast<int>(
      std::count_if(r.pairs.begin(), r.pairs.end(), [](const auto& p) { return !p.restated; }));
  std::cout << "\nthread agreement (restated numbered comments vs the staff letter answered)\n"
            << "  pairs agreeing       " << Percent(Agreeing(r), static_cast<int>(r.pairs.size()))
            << ", " << number_only << " pairs with a number but no restated text\n"
            << "  responses all agree  " << Percent(r.responses_agreeing, r.responses_checked)
            << "\n  responses restating nothing numbered (not pairs): " << r.unnumbered.size()
            << "\n";
  for (const auto& [cause, pairs] : ByCause(r)) {
    std::cout << "  " << agreement::CauseName(cause) << " " << pairs.size() << "\n";
    for (size_t i = 0; i < pairs.size() && i < examples; ++i)
      std::cout << "      " << PairLine(*pairs[i]) << "\n";
  }
  std::cout << "  unnumbered " << r.unnumbered.size() << "\n";
  for (size_t i = 0; i < r.unnumbered.size() && i < examples; ++i)
    std::cout << "      " << r.unnumbered[i] << "\n";
  std::vector<const agreement::Pair*> headed = WithHeadings(r);
  std::vector<const agreement::Pair*> differing;
  for (const agreement::Pair* p : headed)
    if (!*p->headings_agree) differing.push_back(p);
  std::cout << "  headings agreeing    "
            << Percent(static_cast<int>(headed.size() - differing.size()),
                       static_cast<int>(headed.size()))
            << " (agreeing pairs with headings on both sides)\n";
  for (size_t i = 0; i < differing.size() && i < examples; ++i)
    std::cout << "      " << PairLine(*differing[i])
              << "\n        staff:    " << differing[i]->staff_heading
              << "\n        response: " << differing[i]->response_heading << "\n";
}

nlohmann::json AgreementToJson(const agreement::AgreementReport& r) {
  nlohmann::json causes = nlohmann::json::object();
  for (const auto& [cause, pairs] : ByCause(r)) {
    nlohmann::json list = nlohmann::json::array();
    for (const agreement::Pair* p : pairs)
      list.push_back({{"response", p->response},
                      {"staff", p->staff},
                      {"number", p->number},
                      {"restated", p->restated},
                      {"overlap", p->overlap},
                      {"text_matches", p->text_matches ? nlohmann::json(*p->text_matches)
                                                       : nlohmann::json(nullptr)}});
    causes[agreement::CauseName(cause)] = list;
  }
  nlohmann::json headings = nlohmann::json::array();
  std::vector<const agreement::Pair*> headed = WithHeadings(r);
  for (const agreement::Pair* p : headed)
    if (!*p->headings_agree)
      headings.push_back({{"response", p->response},
                          {"staff", p->staff},
                          {"number", p->number},
                          {"staff_heading", p->staff_heading},
                          {"response_heading", p->response_heading}});
  return {{"pairs", r.pairs.size()},
          {"pairs_agreeing", Agreeing(r)},
          {"pairs_with_headings", headed.size()},
          {"headings_differing", headings},
          {"responses_checked", r.responses_checked},
          {"responses_agreeing", r.responses_agreeing},
          {"disagreements", causes},
          {"unnumbered", r.unnumbered}};
}

struct CorpusOptions {
  std::string json_dir;  // --json-dir: write each letter's extract JSON there
  bool json = false;     // --json: one JSON object on stdout instead of the text report
  size_t examples = 5;   // --examples N: examples listed per cause in the text report
};

int RunCorpus(const fs::path& root, const CorpusOptions& options) {
  CorpusRun run = ExtractCorpus(root, options.json_dir);
  std::map<std::string, int> kinds;
  nlohmann::json implausible = nlohmann::json::array();
  for (const CorpusLetter& c : run.letters) {
    ++kinds[LetterKindName(c.letter.kind)];
    std::vector<std::string> why = Implausibilities(c.letter);
    if (why.empty()) continue;
    implausible.push_back({{"accession", c.row.at("accession")}, {"why", why}});
    if (options.json) continue;
    std::cout << "CHECK " << c.row.at("accession") << " " << c.row.at("form") << " "
              << LetterKindName(c.letter.kind) << " n=" << LabelItemsOf(c.letter).size() << ": ";
    for (const auto& w : why) std::cout << w << "; ";
    std::cout << "\n";
  }
  agreement::AgreementReport agree = MeasureAgreement(run.letters);
  int n = static_cast<int>(run.letters.size());
  if (options.json) {
    nlohmann::json out = {{"letters", n},
                          {"kinds", kinds},
                          {"implausible", implausible},
                          {"thread_agreement", AgreementToJson(agree)}};
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::cout << "\nletters " << n << ", crashes 0, implausible " << implausible.size()
            << ", plausible " << Percent(n - static_cast<int>(implausible.size()), n) << "\n  "
            << run.bytes / 1e6 << " MB in " << run.seconds << " s\n  kinds:";
  for (const auto& [k, v] : kinds) std::cout << " " << k << "=" << v;
  std::cout << "\n";
  PrintAgreement(agree, options.examples);
  return 0;
}

// The index's record of a corpus letter, from its MANIFEST row (the release day stands in for
// the index day that listed it).
LetterRecord RecordOf(const CorpusLetter& c) {
  Filing f;
  f.accession = Accession::Parse(c.row.at("accession")).value_or(Accession{});
  f.cik = Cik::Parse(c.row.at("cik")).value_or(Cik{});
  f.company = c.row.at("company");
  f.form = c.row.at("form");
  f.date_filed = Date::Parse(c.row.at("date_filed"));
  f.index_day = Date::Parse(c.row.count("released") ? c.row.at("released") : "");
  return MakeLetterRecord(f, c.row.at("document"), c.letter);
}

void PrintSpread(const char* what, const lifecycle::Spread& s) {
  std::cout << "  " << what << ": n=" << s.n << " min " << s.min << " p25 " << s.p25 << " median "
            << s.median << " p75 " << s.p75 << " max " << s.max << "\n";
}

template <typename K>
void PrintHistogram(const char* what, const std::map<K, int>& m) {
  std::cout << "  " << what << ":";
  for (const auto& [k, v] : m) std::cout << " " << k << "=" << v;
  std::cout << "\n";
}

// `eval-extract lifecycle MIRROR [--json] [--examples N]`: see lifecycle_report.h.
int RunLifecycle(const fs::path& root, const CorpusOptions& options) {
  CorpusRun run = ExtractCorpus(root, "");
  std::vector<LetterRecord> records;
  for (const CorpusLetter& c : run.letters) records.push_back(RecordOf(c));
  lifecycle::LifecycleReport r = lifecycle::MeasureLifecycle(records);
  if (options.json) {
    std::cout << lifecycle::ReportToJson(r).dump(2) << "\n";
    return 0;
  }
  std::cout << "letters " << records.size() << ", companies " << r.companies << ", threads "
            << r.threads << ", reviews " << r.reviews << " (closed " << r.closed_reviews << ")\n"
            << "  staff comments " << r.staff_comments << ", answered "
            << Percent(r.comments_answered, r.staff_comments) << "\n"
            << "  prior comment references linked " << Percent(r.prior_refs_linked, r.prior_refs)
            << "\n";
  for (size_t i = 0; i < r.unlinked.size() && i < options.examples; ++i)
    std::cout << "      unlinked " << r.unlinked[i] << "\n";
  PrintHistogram("response items paired by", r.paired_by);
  std::cout << "  response items " << r.responses << "\n";
  PrintHistogram("status", r.status);
  PrintHistogram("rounds per comment", r.rounds);
  PrintHistogram("staff letters per closed review", r.review_rounds);
  PrintSpread("days to close per comment", r.comment_days);
  PrintSpread("days to close per review", r.review_days);
  PrintSpread("  ... one staff letter", r.one_round_review_days);
  PrintSpread("  ... two or more", r.more_rounds_review_days);
  return 0;
}

// Debug view: the blocks a reader produced, with their flags.
int DumpBlocks(const fs::path& path) {
  BlockDocument doc = ReadBlocks(ReadFile(path), path.string());
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    std::cout << i << " p" << b.page << " x" << static_cast<int>(b.indent) << " "
              << (b.bold ? "B" : "-") << (b.italic ? "I" : "-") << (b.underline ? "U" : "-")
              << (b.kind == BlockKind::kHeading    ? "H"
                  : b.kind == BlockKind::kListItem ? "L"
                  : b.kind == BlockKind::kTableRow ? "T"
                                                   : "P")
              << (b.page_continued ? "c" : " ") << " " << b.text.substr(0, 200) << "\n";
  }
  for (const auto& i : doc.issues) std::cout << "issue: " << i << "\n";
  return 0;
}

std::string Pct(long n, long of) {
  std::ostringstream out;
  out << n << "/" << of << " (" << std::fixed << std::setprecision(1)
      << (of > 0 ? 100.0 * static_cast<double>(n) / static_cast<double>(of) : 0.0) << "%)";
  return out.str();
}

template <typename Map>
nlohmann::json ToJson(const Map& counts) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, v] : counts) out[k] = v;
  return out;
}

void PrintCounts(const std::map<std::string, long>& counts) {
  std::vector<std::pair<long, std::string>> sorted;
  for (const auto& [k, v] : counts) sorted.emplace_back(-v, k);
  std::sort(sorted.begin(), sorted.end());
  for (const auto& [n, k] : sorted) std::cout << "  " << std::setw(5) << -n << "  " << k << "\n";
}

// eval-extract reviewed DATA_DIR [--json] [--examples N]
int RunReviewed(const std::string& data_dir, bool json, size_t examples) {
  Result<std::vector<LetterRecord>> records = ReadIndexedLetters(data_dir);
  if (!records.ok()) {
    std::cerr << "eval-extract reviewed: " << records.status().ToString() << "\n";
    return 1;
  }
  ReviewedMeasure m = MeasureReviewed(*records);
  auto share = [](const ReviewedShare& s) {
    return nlohmann::json{{"letters", s.letters}, {"with_re", s.with_re}, {"resolved", s.resolved}};
  };
  if (json) {
    std::cout << nlohmann::json{{"comment_letters", share(m.comment_letters)},
                                {"all_letters", share(m.all_letters)},
                                {"references", m.references},
                                {"references_resolved", m.references_resolved},
                                {"resolved_by", ToJson(m.resolved_by)},
                                {"unresolved_reasons", ToJson(m.unresolved_reasons)},
                                {"comment_letters_with_contacts", m.comment_letters_with_contacts},
                                {"offices", ToJson(m.offices)}}
                     .dump(2)
              << "\n";
    return 0;
  }
  const ReviewedShare& c = m.comment_letters;
  const ReviewedShare& a = m.all_letters;
  std::cout << "staff comment letters: " << c.letters << "; reviewed filing resolved "
            << Pct(c.resolved, c.letters) << ", of those with a Re: block "
            << Pct(c.resolved, c.with_re) << "\n"
            << "all letters with a Re: block: resolved " << Pct(a.resolved, a.with_re) << " (of "
            << a.letters << " letters)\n"
            << "references resolved: " << Pct(m.references_resolved, m.references) << "\n"
            << "comment letters naming staff contacts: "
            << Pct(m.comment_letters_with_contacts, c.letters) << "\n"
            << "resolved by:\n";
  PrintCounts(m.resolved_by);
  std::cout << "unresolved comment letters by reason:\n";
  PrintCounts(m.unresolved_reasons);
  for (size_t i = 0; i < std::min(examples, m.unresolved_examples.size()); ++i)
    std::cout << "    " << m.unresolved_examples[i] << "\n";
  std::cout << "staff letters by office:\n";
  PrintCounts(m.offices);
  return 0;
}

// `expected`: a QA round's letters against the fields DIR/expected.json gives each (known gaps
// listed, not compared). Prints each letter's differences and the share right.
int RunExpected(const fs::path& dir) {
  const fs::path expected_path = dir / "expected.json";
  nlohmann::json all = nlohmann::json::parse(ReadFile(expected_path.string()), nullptr, false);
  if (!all.is_object()) {
    std::cerr << expected_path.string() << ": not a JSON object of expected fields\n";
    return 2;
  }
  int right = 0, letters = 0;
  std::vector<std::string> known_gaps;
  for (const auto& [file, expected] : all.items()) {
    if (expected.contains("known_gap")) {  // not compared, as in synthetic_letters_test
      known_gaps.push_back(file + ": " + expected["known_gap"].dump());
      continue;
    }
    ++letters;
    const fs::path path = dir / file;
    if (!fs::exists(path)) {
      std::cout << file << ": no such file\n";
      continue;
    }
    Letter letter = ExtractLetter({ReadFile(path.string()), file, std::nullopt});
    std::vector<std::string> differences = labels::ExpectedFieldDifferences(letter, expected);
    if (differences.empty()) {
      ++right;
      continue;
    }
    std::cout << file << "\n";
    for (const std::string& difference : differences) std::cout << "    " << difference << "\n";
  }
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name != "expected.json" && entry.path().extension() != ".md" &&
        !all.contains(name))
      std::cout << name << ": no expected fields\n";
  }
  std::cout << "letters right " << Percent(right, letters) << "\n";
  std::cout << "known gaps, not compared: " << known_gaps.size() << "\n";
  for (const std::string& gap : known_gaps) std::cout << "    " << gap << "\n";
  return right == letters ? 0 : 1;
}

// Two extractions of the same letters compared (rewrap::FirstDifference): how many agree, and
// the differences grouped by kind ("comment start", "response heading", ...).
class Agreement {
 public:
  void Add(const std::string& accession, const Letter& original, const Letter& other) {
    ++letters_;
    std::string why = rewrap::FirstDifference(original, other);
    if (why.empty()) {
      ++same_;
      return;
    }
    std::string cause = why.substr(0, why.find(' '));
    if (why.find("start") != std::string::npos) cause += " start";
    if (why.find("heading") != std::string::npos) cause += " heading";
    if (why.find("count") != std::string::npos) cause += " count";
    by_cause_[cause].push_back(accession + " " + why);
  }
  // "letters N (what), same as how: S/N (P%)", then each kind of difference with examples.
  void Print(const std::string& what, const std::string& how, size_t examples) const {
    std::cout << "letters " << letters_ << " (" << what << "), same as " << how << ": "
              << Percent(static_cast<int>(same_), static_cast<int>(letters_)) << "\n";
    for (const auto& [cause, list] : by_cause_) {
      std::cout << "  " << cause << " " << list.size() << "\n";
      for (size_t i = 0; i < std::min(examples, list.size()); ++i)
        std::cout << "      " << list[i] << "\n";
    }
  }

 private:
  size_t letters_ = 0, same_ = 0;
  std::map<std::string, std::vector<std::string>> by_cause_;
};

// `rewrap`: every PDF and HTML letter of the mirror against itself as a hard-wrapped text
// letter.
int RunRewrap(const fs::path& root, size_t width, size_t examples) {
  Agreement agreement;
  for (const auto& row : ReadTsv((root / "MANIFEST.tsv").string())) {
    fs::path doc = root / row.at("document");
    std::string bytes = ReadFile(doc);
    PayloadType type = SniffType(bytes, doc.string());
    if (type != PayloadType::kPdf && type != PayloadType::kHtml) continue;
    Letter original = ExtractLetter({bytes, doc.string(), row.at("form")});
    std::string text =
        rewrap::AsTextLetter(ReadBlocks(bytes, doc.string()).blocks, row.at("form"), width);
    Letter again = ExtractLetter({text, "letter.txt", row.at("form")});
    agreement.Add(row.at("accession"), original, again);
  }
  agreement.Print("PDF and HTML", "text hard-wrapped at " + std::to_string(width), examples);
  return 0;
}

// `rendered`: every HTML letter of the mirror against its rendering as a PDF, found in
// `rendered` as ACCESSION.pdf (tools/render-html-letters prints them through Chromium, as a
// company's own PDF reply would be made). Letters without a rendering are skipped.
int RunRendered(const fs::path& root, const fs::path& rendered, size_t examples) {
  Agreement agreement;
  for (const auto& row : ReadTsv((root / "MANIFEST.tsv").string())) {
    fs::path doc = root / row.at("document");
    fs::path pdf = rendered / (row.at("accession") + ".pdf");
    if (!fs::exists(pdf)) continue;
    std::string bytes = ReadFile(doc);
    if (SniffType(bytes, doc.string()) != PayloadType::kHtml) continue;
    Letter original = ExtractLetter({bytes, doc.string(), row.at("form")});
    Letter printed = ExtractLetter({ReadFile(pdf), pdf.string(), row.at("form")});
    agreement.Add(row.at("accession"), original, printed);
  }
  agreement.Print("HTML with a PDF rendering", "the rendering", examples);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 2 && args[0] == "blocks") return DumpBlocks(args[1]);
  if (args.size() == 2 && args[0] == "json") {
    std::string bytes = ReadFile(args[1]);
    std::cout << LetterToJson(ExtractLetter({bytes, args[1], std::nullopt})).dump(2) << "\n";
    return 0;
  }
  if (args.size() >= 3 && args[0] == "labels") {
    bool per_letter = args[1] != "--totals";
    size_t first = per_letter ? 1 : 2;
    if (args.size() >= first + 2) {
      std::vector<fs::path> roots(args.begin() + static_cast<long>(first) + 1, args.end());
      return RunLabels(args[first], roots, per_letter);
    }
  }
  if (args.size() >= 2 && args[0] == "reviewed") {
    bool json = false, ok = true;
    size_t examples = 0;
    for (size_t i = 2; i < args.size() && ok; ++i) {
      if (args[i] == "--json")
        json = true;
      else if (args[i] == "--examples" && i + 1 < args.size())
        examples = static_cast<size_t>(std::atoi(args[++i].c_str()));
      else
        ok = false;
    }
    if (ok) return RunReviewed(args[1], json, examples);
  }
  if (args.size() >= 3 && args[0] == "topics") {
    bool totals = false, ok = true;
    labels::FoldFilter folds;
    std::vector<std::string> rest;
    for (size_t i = 1; i < args.size() && ok; ++i) {
      if (args[i] == "--totals") {
        totals = true;
      } else if (args[i] == "--fold" && i + 1 < args.size()) {
        std::optional<labels::FoldFilter> parsed = labels::ParseFoldFilter(args[++i]);
        if (parsed) folds = *parsed;
        ok = parsed.has_value();
      } else {
        rest.push_back(args[i]);
      }
    }
    if (ok && rest.size() == 2) return labels::RunTopicLabels(rest[0], rest[1], !totals, folds);
  }
  if (args.size() >= 2 && (args[0] == "corpus" || args[0] == "lifecycle")) {
    CorpusOptions options;
    bool ok = true;
    for (size_t i = 2; i < args.size() && ok; ++i) {
      if (args[i] == "--json") {
        options.json = true;
      } else if (args[i] == "--json-dir" && i + 1 < args.size()) {
        options.json_dir = args[++i];
      } else if (args[i] == "--examples" && i + 1 < args.size()) {
        options.examples = static_cast<size_t>(std::atoi(args[++i].c_str()));
      } else {
        ok = false;
      }
    }
    if (ok && args[0] == "lifecycle") return RunLifecycle(args[1], options);
    if (ok) return RunCorpus(args[1], options);
  }
  if (args.size() == 2 && args[0] == "expected") return RunExpected(args[1]);
  if (args.size() >= 2 && args[0] == "rewrap") {
    size_t width = 70, examples = 5;
    bool ok = true;
    for (size_t i = 2; i < args.size() && ok; ++i) {
      if (args[i] == "--width" && i + 1 < args.size()) {
        width = static_cast<size_t>(std::max(20, std::atoi(args[++i].c_str())));
      } else if (args[i] == "--examples" && i + 1 < args.size()) {
        examples = static_cast<size_t>(std::atoi(args[++i].c_str()));
      } else {
        ok = false;
      }
    }
    if (ok) return RunRewrap(args[1], width, examples);
  }
  if (args.size() >= 3 && args[0] == "rendered") {
    size_t examples = 5;
    bool ok = true;
    for (size_t i = 3; i < args.size() && ok; ++i) {
      if (args[i] == "--examples" && i + 1 < args.size())
        examples = static_cast<size_t>(std::atoi(args[++i].c_str()));
      else
        ok = false;
    }
    if (ok) return RunRendered(args[1], args[2], examples);
  }
  std::cerr << "usage: eval-extract labels [--totals] LABELS.tsv ROOT...\n"
               "       eval-extract topics TOPIC-LABELS.tsv MIRROR [--totals] [--fold K[,K...]/N]\n"
               "       eval-extract corpus MIRROR [--json-dir DIR] [--json] [--examples N]\n"
               "       eval-extract lifecycle MIRROR [--json] [--examples N]\n"
               "       eval-extract reviewed DATA_DIR [--json] [--examples N]\n"
               "       eval-extract expected DIR\n"
               "       eval-extract rewrap MIRROR [--width W] [--examples N]\n"
               "       eval-extract rendered MIRROR PDF_DIR [--examples N]\n"
               "       eval-extract blocks FILE | json FILE\n";
  return 2;
}
