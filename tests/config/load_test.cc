#include "config/load.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

namespace corresp {
namespace {
namespace fs = std::filesystem;

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("corresp-config-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path WriteToml(const std::string& text) {
    fs::path p = dir_ / "config.toml";
    std::ofstream(p) << text;
    return p;
  }
  EnvLookup Env() {
    return [this](const std::string& k) -> std::optional<std::string> {
      auto it = env_.find(k);
      if (it == env_.end()) return std::nullopt;
      return it->second;
    };
  }
  Config Valid() {
    Config c;
    c.data_dir = dir_;
    c.crawl.user_agent = "Acme Research ops@acme.com";
    return c;
  }

  fs::path dir_;
  std::map<std::string, std::string> env_;
};

TEST_F(ConfigTest, DefaultsWhenNothingIsSet) {
  env_["HOME"] = "/home/u";
  Result<Config> c = LoadConfig(std::nullopt, false, Env());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->data_dir, fs::path("/home/u/.local/share/corresp"));
  EXPECT_EQ(c->crawl.requests_per_second, 8.0);
  EXPECT_EQ(c->crawl.forms, (std::vector<std::string>{"UPLOAD", "SEC STAFF LETTER", "CORRESP",
                                                      "DRSLTR", "DOSLTR"}));
  EXPECT_EQ(DefaultConfigFile(Env()), fs::path("/home/u/.config/corresp/config.toml"));
}

TEST_F(ConfigTest, FileThenEnvironmentThenFlagsWin) {
  fs::path file = WriteToml(R"(
data_dir = "/from/file"
[crawl]
requests_per_second = 5.5
user_agent = "File Org file@example.com"
max_connections = 4
forms = ["UPLOAD"]
[refresh]
backfill_since = "2024-01-01"
[search]
exact_facets_up_to = 5000
)");
  env_["CORRESP_RATE"] = "6";
  env_["CORRESP_HOME"] = "/from/env";
  Result<Config> c = LoadConfig(file, true, Env());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->data_dir, fs::path("/from/env"));  // env beats file
  EXPECT_EQ(c->crawl.requests_per_second, 6.0);   // env beats file
  EXPECT_EQ(c->crawl.max_connections, 4);         // file beats default
  EXPECT_EQ(c->crawl.user_agent, "File Org file@example.com");
  EXPECT_EQ(c->crawl.forms, (std::vector<std::string>{"UPLOAD"}));
  EXPECT_EQ(c->refresh.backfill_since, "2024-01-01");
  EXPECT_EQ(c->search.exact_facets_up_to, 5000);
  EXPECT_EQ(Config().search.exact_facets_up_to, 10'000) << "the documented default";
  // Flags are applied by the CLI on top of the loaded config, then validated.
  Config flagged = *c;
  flagged.crawl.requests_per_second = 7;
  EXPECT_TRUE(Validate(flagged).ok());
}

TEST_F(ConfigTest, MissingNamedFileIsAnError) {
  Result<Config> c = LoadConfig(dir_ / "absent.toml", true, Env());
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("absent.toml does not exist"), std::string::npos);
  EXPECT_TRUE(LoadConfig(dir_ / "absent.toml", false, Env()).ok());
}

TEST_F(ConfigTest, WrongTypesNameTheFileAndKey) {
  fs::path file = WriteToml("[crawl]\nrequests_per_second = \"fast\"\n");
  Result<Config> c = LoadConfig(file, true, Env());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(c.status().message().find("config.toml: crawl.requests_per_second: expected a number"),
            std::string::npos)
      << c.status().message();
}

TEST_F(ConfigTest, TomlSyntaxErrorsNameTheLine) {
  fs::path file = WriteToml("[crawl\nrate=1\n");
  Result<Config> c = LoadConfig(file, true, Env());
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("config.toml:1"), std::string::npos) << c.status().message();
}

TEST_F(ConfigTest, BadEnvironmentValuesNameTheVariable) {
  env_["CORRESP_MAX_CONNECTIONS"] = "2.5";
  Result<Config> c = LoadConfig(std::nullopt, false, Env());
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("CORRESP_MAX_CONNECTIONS: expected an integer"),
            std::string::npos);
}

struct ValidationCase {
  const char* what;
  void (*mutate)(Config&);
  const char* expected_key;
};

TEST_F(ConfigTest, EachInvalidSettingIsNamed) {
  const ValidationCase cases[] = {
      {"sec.gov without UA", [](Config& c) { c.crawl.user_agent = ""; }, "crawl.user_agent"},
      {"UA without email", [](Config& c) { c.crawl.user_agent = "Acme Research"; },
       "crawl.user_agent"},
      {"rate above 10 on sec.gov", [](Config& c) { c.crawl.requests_per_second = 10.5; },
       "crawl.requests_per_second"},
      {"zero rate", [](Config& c) { c.crawl.requests_per_second = 0; },
       "crawl.requests_per_second"},
      {"bad url", [](Config& c) { c.crawl.base_url = "ftp://x"; }, "crawl.base_url"},
      {"connections", [](Config& c) { c.crawl.max_connections = 0; }, "crawl.max_connections"},
      {"attempts", [](Config& c) { c.crawl.max_attempts = 0; }, "crawl.max_attempts"},
      {"forms", [](Config& c) { c.crawl.forms.clear(); }, "crawl.forms"},
      {"backfill", [](Config& c) { c.refresh.backfill_since = "last year"; },
       "refresh.backfill_since"},
      {"pause", [](Config& c) { c.crawl.block_pause_seconds = -1; }, "crawl.block_pause_seconds"},
      {"backoff", [](Config& c) { c.crawl.backoff_max_ms = 1; }, "crawl.backoff_max_ms"},
      {"no workers", [](Config& c) { c.extract.workers = 0; }, "extract.workers"},
      {"no cpu time", [](Config& c) { c.extract.cpu_seconds = 0; }, "extract.cpu_seconds"},
      {"tiny memory", [](Config& c) { c.extract.max_memory_mb = 8; }, "extract.max_memory_mb"},
      {"negative facet limit", [](Config& c) { c.search.exact_facets_up_to = -1; },
       "search.exact_facets_up_to"},
  };
  ASSERT_TRUE(Validate(Valid()).ok());
  for (const auto& tc : cases) {
    Config c = Valid();
    tc.mutate(c);
    Status s = Validate(c);
    ASSERT_FALSE(s.ok()) << tc.what;
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << tc.what;
    EXPECT_EQ(s.message().rfind(tc.expected_key, 0), 0u) << tc.what << ": " << s.message();
    EXPECT_EQ(s.message().find('\n'), std::string::npos) << "one line: " << tc.what;
  }
}

TEST_F(ConfigTest, ExtractionLimitsComeFromTheFile) {
  EXPECT_EQ(Valid().extract.cpu_seconds, 30);
  EXPECT_EQ(Valid().extract.max_memory_mb, 1024u);
  fs::path file =
      WriteToml("[extract]\nworkers = 1\ncpu_seconds = 5\nwall_seconds = 9\nmax_memory_mb = 256\n");
  Result<Config> c = LoadConfig(file, true, Env());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->extract.workers, 1);
  EXPECT_EQ(c->extract.cpu_seconds, 5);
  EXPECT_EQ(c->extract.wall_seconds, 9);
  EXPECT_EQ(c->extract.max_memory_mb, 256u);
}

TEST_F(ConfigTest, MirrorsMayGoFasterAndNeedNoUserAgent) {
  Config c = Valid();
  c.crawl.base_url = "http://127.0.0.1:8080";
  c.crawl.user_agent = "";
  c.crawl.requests_per_second = 500;
  EXPECT_TRUE(Validate(c).ok());
  EXPECT_TRUE(IsSecGov("https://www.sec.gov"));
  EXPECT_TRUE(IsSecGov("https://WWW.SEC.GOV:443/Archives"));
  EXPECT_FALSE(IsSecGov("https://notsec.gov.example.com"));
  EXPECT_FALSE(IsSecGov("https://evilsec.gov"));
}

TEST_F(ConfigTest, DeclaredUserAgentNeedsNameAndEmail) {
  EXPECT_TRUE(IsDeclaredUserAgent("Acme Research ops@acme.com"));
  EXPECT_TRUE(IsDeclaredUserAgent("Sample Company Name AdminContact@samplecompany.com"));
  EXPECT_FALSE(IsDeclaredUserAgent("ops@acme.com"));
  EXPECT_FALSE(IsDeclaredUserAgent("curl/7.88"));
  EXPECT_FALSE(IsDeclaredUserAgent(""));
}

}  // namespace
}  // namespace corresp
