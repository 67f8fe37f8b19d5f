// Bad documents in the middle of a refresh are recorded with their reason; every other letter
// is indexed; nothing crashes. The mirror serves a folder built here: one real review thread
// (Agilent, 3 letters) and one crafted filing per kind of bad input, all listed by one daily
// index.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "tests/e2e/subprocess.h"
#include "tests/mirror/mirror_process.h"
#include "tests/store/temp_dir.h"

namespace corresp {
namespace {
namespace fs = std::filesystem;
using test::MirrorProcess;
using test::RunCorresp;

constexpr const char* kDay = "20161028";

std::string Uuencode(const std::string& bytes) {
  std::string out = "begin 644 filename1.pdf\n";
  for (size_t i = 0; i < bytes.size(); i += 45) {
    std::string chunk = bytes.substr(i, 45);
    out += static_cast<char>(32 + chunk.size());
    for (size_t j = 0; j < chunk.size(); j += 3) {
      unsigned char a = chunk[j], b = j + 1 < chunk.size() ? chunk[j + 1] : 0,
                    c = j + 2 < chunk.size() ? chunk[j + 2] : 0;
      for (int v : {a >> 2, ((a & 3) << 4) | (b >> 4), ((b & 15) << 2) | (c >> 6), c & 63})
        out += static_cast<char>(v ? 32 + v : '`');
    }
    out += "\n";
  }
  return out + "`\nend\n";
}

struct Crafted {
  std::string accession;
  std::string form;
  std::string filename;
  std::string body;   // the <TEXT> content
  bool pdf = false;   // wrap body uuencoded in <PDF>
  bool close = true;  // write the closing tags
};

std::string Submission(const Crafted& c) {
  std::string s =
      "<SEC-DOCUMENT>" + c.accession + ".txt : " + kDay + "\n<SEC-HEADER>" + c.accession +
      ".hdr.sgml : " + kDay + "\nACCESSION NUMBER:\t\t" + c.accession +
      "\nCONFORMED SUBMISSION TYPE:\t" + c.form +
      "\nPUBLIC DOCUMENT COUNT:\t\t1\nFILED AS OF DATE:\t\t" + kDay +
      "\n\nFILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tBAD DOCS CORP\n"
      "\t\tCENTRAL INDEX KEY:\t\t\t0009990001\n\t\tSTATE OF INCORPORATION:\t\t\tDE\n"
      "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>" +
      c.form + "\n<SEQUENCE>1\n<FILENAME>" + c.filename + "\n<TEXT>\n";
  s += c.pdf ? "<PDF>\n" + Uuencode(c.body) + (c.close ? "</PDF>\n" : "") : c.body + "\n";
  if (c.close) s += "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
  return s;
}

// One row of a master.idx (the layout the crawler reads).
std::string IndexRow(const std::string& form, const std::string& company, const std::string& cik,
                     const std::string& date, const std::string& acc) {
  return cik + "|" + company + "|" + form + "|" + date + "|edgar/data/" + cik + "/" + acc +
         ".txt\n";
}

// Writes a mirror folder under `root`: the real Agilent thread (three letters) and `crafted`
// (company BAD DOCS CORP, CIK 9990001), all listed by the daily index of kDay.
void BuildMirror(const fs::path& root, const std::vector<Crafted>& crafted) {
  fs::path data = root / "Archives/edgar/data";
  fs::create_directories(data);
  fs::create_directory_symlink(fs::path(CORRESP_TEST_DATA) / "edgar/Archives/edgar/data/1090872",
                               data / "1090872");
  fs::create_directories(root / "Archives/edgar/daily-index/2016/QTR4");
  std::ofstream idx(root /
                    ("Archives/edgar/daily-index/2016/QTR4/master." + std::string(kDay) + ".idx"));
  idx << "Description:           Daily Index of EDGAR Dissemination Feed\n"
         "Last Data Received:    Oct 28, 2016\nComments:              webmaster@sec.gov\n"
         "Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n \n"
         "CIK|Company Name|Form Type|Date Filed|File Name\n"
      << std::string(80, '-') << "\n";
  idx << IndexRow("CORRESP", "AGILENT TECHNOLOGIES, INC.", "1090872", "20160923",
                  "0001090872-16-000078");
  idx << IndexRow("UPLOAD", "AGILENT TECHNOLOGIES, INC.", "1090872", "20160914",
                  "0000000000-16-092800");
  idx << IndexRow("UPLOAD", "AGILENT TECHNOLOGIES, INC.", "1090872", "20160930",
                  "0000000000-16-095373");
  for (const Crafted& c : crafted) {
    fs::create_directories(data / "9990001");
    std::ofstream(data / "9990001" / (c.accession + ".txt"), std::ios::binary) << Submission(c);
    idx << IndexRow(c.form, "BAD DOCS CORP", "9990001", "20161003", c.accession);
  }
}

class BadDocumentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = dir_.path() / "edgar";
    std::mt19937 rng(5);
    std::string binary(20000, '\0');
    for (char& ch : binary) ch = static_cast<char>(rng());
    std::string huge = "<html><body>";
    std::string para =
        "<p>1. Please tell us how you account for the rebates described on page 7 "
        "and why revenue is recognised at shipment.</p>\n";
    while (huge.size() < (50u << 20)) huge += para;
    huge += "</body></html>";
    crafted_ = {
        {"0009990001-16-000001", "UPLOAD", "filename1.pdf", "%PDF-1.5\n1 0 obj garbage, no xref",
         true, true},
        {"0009990001-16-000002", "CORRESP", "filename1.htm", binary, false, true},
        {"0009990001-16-000003", "CORRESP", "filename1.htm", huge, false, true},
        {"0009990001-16-000004", "CORRESP", "filename1.htm",
         "<html><body><p>October 3, 2016</p><p>Re: Bad Docs Corp Form 10-K</p>"
         "<p>1. Please explain the zebracorn reserve.</p><p>Response: The zebracorn reserve "
         "covers \xff\xfe returns \xc3\x28 of product.</p></body></html>",
         false, true},
        {"0009990001-16-000005", "CORRESP", "filename1.htm", "", false, true},
        {"0009990001-16-000006", "UPLOAD", "filename1.pdf", "%PDF-1.4 never closed", true, false},
    };
    BuildMirror(root_, crafted_);
  }

  testing::TempDir dir_;
  testing::TempDir home_;
  fs::path root_;
  std::vector<Crafted> crafted_;
};

TEST_F(BadDocumentsTest, EachBadDocumentIsRecordedWithItsReasonAndTheRestIsIndexed) {
  MirrorProcess::Options options;
  options.root = root_.string();
  auto mirror = MirrorProcess::Start(options);
  ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
  fs::path data = dir_.path() / "data";
  test::CommandOptions env;
  env.env = {"HOME=" + home_.path().string(), "XDG_CONFIG_HOME=" + home_.path().string()};
  auto r = RunCorresp({"--data-dir", data.string(), "refresh", "--base-url", (*mirror)->base_url(),
                       "--rate", "100", "--since", "2016-10-28", "--until", "2016-10-28", "--json"},
                      env);
  ASSERT_EQ(r.exit_code, 1) << "some items failed, all recorded\n" << r.err << r.out;
  auto report = nlohmann::json::parse(r.out);
  std::map<std::string, std::string> failed;
  for (const auto& f : report["failures"]) failed[f["subject"]] = f["reason"];

  // Corrupt PDF, binary bytes posing as HTML, an empty document, SGML that never closes.
  for (const char* acc : {"0009990001-16-000001", "0009990001-16-000002", "0009990001-16-000005",
                          "0009990001-16-000006"}) {
    ASSERT_TRUE(failed.count(acc)) << acc << " should be a recorded failure\n" << r.out;
    EXPECT_GE(failed[acc].size(), 10u) << "a reason, not just a code: " << failed[acc];
  }
  // The three real letters are indexed and searchable.
  auto hits = RunCorresp({"--data-dir", data.string(), "search", "Syria", "--json"}, env);
  ASSERT_EQ(hits.exit_code, 0) << hits.err;
  auto j = nlohmann::json::parse(hits.out);
  EXPECT_GE(j["total"].get<int>(), 2) << hits.out;
  // Invalid UTF-8 is decoded, not fatal: the letter is searchable.
  auto zebra = RunCorresp({"--data-dir", data.string(), "search", "zebracorn", "--json"}, env);
  ASSERT_EQ(zebra.exit_code, 0) << zebra.err;
  EXPECT_GE(nlohmann::json::parse(zebra.out)["total"].get<int>(), 1) << zebra.out;
  // The 50 MB page is either capped (and indexed with an issue) or recorded; never a crash.
  auto stats = RunCorresp({"--data-dir", data.string(), "stats", "--json"}, env);
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  // `stats` lists every recorded failure with its reason; unreadable documents are permanent.
  std::map<std::string, bool> listed;
  const nlohmann::json stats_json = nlohmann::json::parse(stats.out);
  for (const auto& f : stats_json["failure_list"])
    listed[f["subject"].get<std::string>()] = f["permanent"].get<bool>();
  for (const char* acc : {"0009990001-16-000001", "0009990001-16-000002", "0009990001-16-000005"})
    EXPECT_TRUE(listed.count(acc) && listed[acc]) << acc << " listed as permanent\n" << stats.out;
  EXPECT_TRUE(listed.count("0009990001-16-000006")) << stats.out;
  // Failures stay listed, and a second refresh does not retry permanent ones.
  auto again =
      RunCorresp({"--data-dir", data.string(), "refresh", "--base-url", (*mirror)->base_url(),
                  "--rate", "100", "--since", "2016-10-28", "--until", "2016-10-28", "--json"},
                 env);
  auto second = nlohmann::json::parse(again.out);
  EXPECT_EQ(second["new_filings"], 0) << again.out;
}

// Poison letters: extraction that crashes, spins past its CPU limit or blocks past its wall-clock
// limit (CORRESP_TEST_EXTRACT_FAULT, honoured by the extraction worker only) costs only that
// letter: recorded as a permanent failure with its reason, the rest indexed, the watermark
// moved; the next refresh leaves them alone; --retry-failed tries them again.
class PoisonLettersTest : public ::testing::Test {
 protected:
  static constexpr const char* kCrash = "0009990001-16-000011";
  static constexpr const char* kSpin = "0009990001-16-000012";
  static constexpr const char* kBlock = "0009990001-16-000013";
  static constexpr const char* kFine = "0009990001-16-000014";

  static std::string LetterHtml(const std::string& word) {
    return "<html><body><p>October 3, 2016</p><p>Re: Bad Docs Corp Form 10-K</p><p>1. Please "
           "explain the " +
           word + " reserve.</p><p>Response: The " + word +
           " reserve covers returns.</p></body></html>";
  }

  // The crafted filings the mirror serves beside the Agilent thread.
  virtual std::vector<Crafted> Letters() const {
    return {{kCrash, "CORRESP", "filename1.htm", LetterHtml("quokka")},
            {kSpin, "CORRESP", "filename1.htm", LetterHtml("wombat")},
            {kBlock, "CORRESP", "filename1.htm", LetterHtml("numbat")},
            {kFine, "CORRESP", "filename1.htm", LetterHtml("zebracorn")}};
  }
  // Limits small enough for a test: the real letters need well under a second each. The
  // wall-clock limit is far above the CPU one: on a loaded machine (parallel tests on 2 cores)
  // a second of CPU has taken more than 6 s of wall clock, and the spinning letter must meet
  // its CPU limit, the sleeping one the wall-clock limit.
  virtual std::string ExtractLimits() const { return "cpu_seconds = 1\nwall_seconds = 20\n"; }

  void SetUp() override {
    root_ = dir_.path() / "edgar";
    BuildMirror(root_, Letters());
    auto mirror = MirrorProcess::Start(MirrorProcess::Options{root_.string()});
    ASSERT_TRUE(mirror.ok()) << mirror.status().ToString();
    mirror_ = std::move(*mirror);
    std::ofstream(config_) << "[extract]\n" << ExtractLimits();
  }

  test::CommandResult Corresp(std::vector<std::string> args, const std::string& faults) {
    test::CommandOptions env;
    env.env = {"HOME=" + home_.path().string(), "XDG_CONFIG_HOME=" + home_.path().string(),
               "CORRESP_TEST_EXTRACT_FAULT=" + faults};
    args.insert(args.begin(), {"--data-dir", (dir_.path() / "data").string(), "--config", config_});
    return RunCorresp(args, env);
  }
  test::CommandResult Refresh(const std::string& faults, bool retry_failed = false) {
    std::vector<std::string> args = {"refresh",    "--base-url", mirror_->base_url(), "--rate",
                                     "100",        "--since",    "2016-10-28",        "--until",
                                     "2016-10-28", "--json"};
    if (retry_failed) args.push_back("--retry-failed");
    return Corresp(args, faults);
  }
  long Hits(const std::string& word) {
    auto r = Corresp({"search", word, "--json"}, "");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? nlohmann::json::parse(r.out)["total"].get<long>() : -1;
  }
  // subject -> the extract failure listed by `corresp stats --json`.
  std::map<std::string, nlohmann::json> ListedFailures() {
    auto r = Corresp({"stats", "--json"}, "");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::map<std::string, nlohmann::json> out;
    const nlohmann::json stats = nlohmann::json::parse(r.out);
    for (const auto& f : stats["failure_list"])
      if (f["stage"] == "extract") out[f["subject"].get<std::string>()] = f;
    return out;
  }

  testing::TempDir dir_;
  testing::TempDir home_;
  fs::path root_;
  std::string config_ = (dir_.path() / "config.toml").string();
  std::unique_ptr<MirrorProcess> mirror_;
};

TEST_F(PoisonLettersTest, CrashAndLimitsArePermanentFailuresTheRestIsIndexedAndTheWatermarkMoves) {
  std::string faults = std::string("crash:") + kCrash + ",hang:" + kSpin + ",sleep:" + kBlock;
  auto first = Refresh(faults);
  ASSERT_EQ(first.exit_code, 1) << "finished, some letters failed\n" << first.err << first.out;
  auto report = nlohmann::json::parse(first.out);
  std::map<std::string, std::string> failed;
  for (const auto& f : report["failures"]) failed[f["subject"]] = f["reason"];
  EXPECT_NE(failed[kCrash].find("crashed: killed by SIGSEGV"), std::string::npos) << first.out;
  EXPECT_NE(failed[kSpin].find("CPU time limit (1 s)"), std::string::npos) << first.out;
  EXPECT_NE(failed[kBlock].find("time limit (20 s wall clock)"), std::string::npos) << first.out;
  EXPECT_EQ(report["letters"], 4) << "three Agilent letters and the fine one\n" << first.out;
  EXPECT_EQ(report["watermark"], "2016-10-28") << first.out;
  EXPECT_GE(Hits("Syria"), 2);
  EXPECT_EQ(Hits("zebracorn"), 1);
  EXPECT_EQ(Hits("quokka"), 0);

  auto listed = ListedFailures();
  for (const char* acc : {kCrash, kSpin, kBlock}) {
    ASSERT_TRUE(listed.count(acc)) << acc << " listed by stats";
    EXPECT_TRUE(listed[acc]["permanent"].get<bool>()) << listed[acc];
    EXPECT_EQ(listed[acc]["attempts"], 1) << listed[acc];
    EXPECT_EQ(listed[acc]["reason"], failed[acc]);
  }

  // The next night does not hand them out again: nothing to extract, nothing failed anew.
  auto second = Refresh(faults);
  ASSERT_EQ(second.exit_code, 0) << second.err << second.out;
  auto again = nlohmann::json::parse(second.out);
  EXPECT_EQ(again["letters"], 0) << second.out;
  EXPECT_TRUE(again["failures"].empty()) << second.out;
  EXPECT_EQ(again["watermark"], "2016-10-28");
  for (const char* acc : {kCrash, kSpin, kBlock}) EXPECT_EQ(ListedFailures()[acc]["attempts"], 1);

  // --retry-failed tries them again: the crash is gone (a fixed extractor), the spin is not.
  auto retry = Refresh(std::string("hang:") + kSpin, true);
  ASSERT_EQ(retry.exit_code, 1) << retry.err << retry.out;
  EXPECT_EQ(nlohmann::json::parse(retry.out)["letters"], 2) << retry.out;
  EXPECT_EQ(Hits("quokka"), 1);
  EXPECT_EQ(Hits("numbat"), 1);
  listed = ListedFailures();
  EXPECT_FALSE(listed.count(kCrash)) << "an extracted letter clears its failure";
  EXPECT_EQ(listed[kSpin]["attempts"], 2) << listed[kSpin];
}

// A PDF of `depth` nested form XObjects, each drawing the next `fan` times at shifted
// places; the innermost shows three words. A few kB, but poppler lays out fan^(depth-1) copies
// of the words on one page, and its text layout is worse than linear in the words on a page:
// depth 5 (10,000 copies) takes poppler's own pdftotext 0.6 s of CPU, depth 6 (100,000) more
// than 28 s and 450 MB (killed there), depth 7 ten times the copies again. No fault switch:
// any filer could send this.
std::string NestedFormsPdf(int depth, int fan) {
  std::map<int, std::string> objects;
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
  objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  const int first_form = 5, contents = first_form + depth;
  auto stream = [](const std::string& dict, const std::string& body) {
    return dict + " /Length " + std::to_string(body.size()) + " >>\nstream\n" + body +
           "\nendstream";
  };
  for (int level = 0; level < depth; ++level) {
    std::string body, resources = "/Resources << /Font << /F1 4 0 R >>";
    if (level == depth - 1) {
      body = "BT /F1 6 Tf 0 0 Td (quokka wombat numbat) Tj ET";
    } else {
      for (int i = 0; i < fan; ++i) {
        int shift = i * 60 / (level + 1);  // alternately across and down the page
        body += "q 1 0 0 1 " + std::to_string(level % 2 ? 0 : shift) + " " +
                std::to_string(level % 2 ? shift : 0) + " cm /X Do Q\n";
      }
      resources += " /XObject << /X " + std::to_string(first_form + level + 1) + " 0 R >>";
    }
    objects[first_form + level] =
        stream("<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] " + resources + " >>", body);
  }
  objects[3] =
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X " +
      std::to_string(first_form) + " 0 R >> >> /Contents " + std::to_string(contents) + " 0 R >>";
  objects[contents] = stream("<<", "/X Do");
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (const auto& [number, object] : objects) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(number) + " 0 obj\n" + object + "\nendobj\n";
  }
  std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    std::string digits = std::to_string(offset);
    pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
  }
  return pdf + "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

// A genuinely poisonous letter, no test switch: a small PDF whose layout outlasts any CPU limit
// (NestedFormsPdf). It becomes a permanent failure with its reason, the rest of the batch is
// indexed and the watermark moves; the next night leaves it alone.
class GenuinePoisonTest : public PoisonLettersTest {
 protected:
  static constexpr const char* kNested = "0009990001-16-000015";
  std::vector<Crafted> Letters() const override {
    Crafted nested{kNested, "CORRESP", "filename1.pdf", NestedFormsPdf(7, 10)};
    nested.pdf = true;
    return {nested, {kFine, "CORRESP", "filename1.htm", LetterHtml("zebracorn")}};
  }
  // A wall-clock limit far above the CPU one: on a loaded machine a second of CPU can take
  // several seconds of wall clock, and the CPU limit is the one this input should meet.
  std::string ExtractLimits() const override { return "cpu_seconds = 1\nwall_seconds = 60\n"; }
};

TEST_F(GenuinePoisonTest, APdfBeyondTheCpuLimitIsAPermanentFailureTheRestIsIndexed) {
  auto first = Refresh("");
  ASSERT_EQ(first.exit_code, 1) << "finished, one letter failed\n" << first.err << first.out;
  auto report = nlohmann::json::parse(first.out);
  // The crafted company has no submissions JSON in the mirror (a recorded 404 of another
  // stage); the one extraction failure is the nested PDF.
  std::vector<nlohmann::json> extract_failures;
  for (const auto& f : report["failures"])
    if (f["stage"] == "extract") extract_failures.push_back(f);
  ASSERT_EQ(extract_failures.size(), 1u) << first.out;
  EXPECT_EQ(extract_failures[0]["subject"], kNested);
  EXPECT_NE(extract_failures[0]["reason"].get<std::string>().find("CPU time limit (1 s)"),
            std::string::npos)
      << first.out;
  EXPECT_EQ(report["letters"], 4) << "three Agilent letters and the fine one\n" << first.out;
  EXPECT_EQ(report["watermark"], "2016-10-28") << first.out;
  EXPECT_EQ(Hits("zebracorn"), 1);
  EXPECT_GE(Hits("Syria"), 2);
  auto listed = ListedFailures();
  ASSERT_TRUE(listed.count(kNested)) << "listed by stats";
  EXPECT_TRUE(listed[kNested]["permanent"].get<bool>()) << listed[kNested];

  auto second = Refresh("");
  ASSERT_EQ(second.exit_code, 0) << second.err << second.out;
  EXPECT_EQ(nlohmann::json::parse(second.out)["letters"], 0) << second.out;
  EXPECT_EQ(ListedFailures()[kNested]["attempts"], 1);
}

}  // namespace
}  // namespace corresp
