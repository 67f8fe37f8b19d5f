#include "config/load.h"

#include <re2/re2.h>
#include <toml++/toml.h>

#include <cstdlib>
#include <sstream>

#include "core/date.h"

namespace corresp {
namespace fs = std::filesystem;
namespace {

// Reads typed values from a TOML table, remembering the first error.
class TomlReader {
 public:
  TomlReader(const toml::table& root, std::string file) : root_(root), file_(std::move(file)) {}

  void String(const char* key, std::string& out) { Read<std::string>(key, out, "a string"); }
  void Int(const char* key, int& out) {
    std::int64_t v = out;
    if (Read<std::int64_t>(key, v, "an integer")) out = static_cast<int>(v);
  }
  void Long(const char* key, long& out) {
    std::int64_t v = out;
    if (Read<std::int64_t>(key, v, "an integer")) out = static_cast<long>(v);
  }
  void UInt64(const char* key, std::uint64_t& out) {
    std::int64_t v = static_cast<std::int64_t>(out);
    if (Read<std::int64_t>(key, v, "an integer")) out = static_cast<std::uint64_t>(v);
  }
  void Double(const char* key, double& out) {
    auto node = root_.at_path(key);
    if (!node) return;
    if (auto d = node.value<double>())
      out = *d;
    else
      Fail(key, "a number");
  }
  void Bool(const char* key, bool& out) { Read<bool>(key, out, "true or false"); }
  void StringList(const char* key, std::vector<std::string>& out) {
    auto node = root_.at_path(key);
    if (!node) return;
    const toml::array* arr = node.as_array();
    std::vector<std::string> values;
    if (arr) {
      for (const auto& item : *arr) {
        auto s = item.value<std::string>();
        if (!s) return Fail(key, "a list of strings");
        values.push_back(*s);
      }
      out = values;
    } else {
      Fail(key, "a list of strings");
    }
  }
  const Status& status() const { return status_; }

 private:
  template <typename T>
  bool Read(const char* key, T& out, const char* expected) {
    auto node = root_.at_path(key);
    if (!node) return false;
    auto v = node.value<T>();
    if (!v) {
      Fail(key, expected);
      return false;
    }
    out = *v;
    return true;
  }
  void Fail(const char* key, const char* expected) {
    if (status_.ok()) status_ = InvalidArgument(file_ + ": " + key + ": expected " + expected);
  }
  const toml::table& root_;
  std::string file_;
  Status status_;
};

Status ApplyToml(const fs::path& file, Config& c) {
  toml::table root;
  try {
    root = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << file.string() << ":" << e.source().begin.line << ": " << e.description();
    return InvalidArgument(msg.str());
  }
  TomlReader r(root, file.string());
  std::string data_dir;
  r.String("data_dir", data_dir);
  if (!data_dir.empty()) c.data_dir = data_dir;
  r.String("crawl.base_url", c.crawl.base_url);
  r.String("crawl.user_agent", c.crawl.user_agent);
  r.Double("crawl.requests_per_second", c.crawl.requests_per_second);
  r.Int("crawl.max_connections", c.crawl.max_connections);
  r.Int("crawl.connect_timeout_ms", c.crawl.connect_timeout_ms);
  r.Int("crawl.transfer_timeout_ms", c.crawl.transfer_timeout_ms);
  r.UInt64("crawl.max_body_bytes", c.crawl.max_body_bytes);
  r.Int("crawl.max_attempts", c.crawl.max_attempts);
  r.Int("crawl.backoff_initial_ms", c.crawl.backoff_initial_ms);
  r.Int("crawl.backoff_max_ms", c.crawl.backoff_max_ms);
  r.Int("crawl.block_pause_seconds", c.crawl.block_pause_seconds);
  r.Int("crawl.max_consecutive_blocks", c.crawl.max_consecutive_blocks);
  r.StringList("crawl.forms", c.crawl.forms);
  r.String("refresh.backfill_since", c.refresh.backfill_since);
  r.Int("refresh.daily_window_days", c.refresh.daily_window_days);
  r.Int("extract.workers", c.extract.workers);
  r.Int("extract.cpu_seconds", c.extract.cpu_seconds);
  r.Int("extract.wall_seconds", c.extract.wall_seconds);
  r.UInt64("extract.max_memory_mb", c.extract.max_memory_mb);
  r.Long("search.exact_facets_up_to", c.search.exact_facets_up_to);
  r.Bool("log.json", c.log.json);
  r.Int("log.verbosity", c.log.verbosity);
  return r.status();
}

Status ParseEnvNumber(const std::string& name, const std::string& text, double& out) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0')
    return InvalidArgument(name + ": expected a number, got \"" + text + "\"");
  out = v;
  return Status::Ok();
}

Status ParseEnvInt(const std::string& name, const std::string& text, int& out) {
  double v = 0;
  CORRESP_RETURN_IF_ERROR(ParseEnvNumber(name, text, v));
  if (v != static_cast<int>(v))
    return InvalidArgument(name + ": expected an integer, got \"" + text + "\"");
  out = static_cast<int>(v);
  return Status::Ok();
}

std::vector<std::string> SplitCommaList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

Status ApplyEnv(const EnvLookup& env, Config& c) {
  if (auto v = env("CORRESP_HOME"); v && !v->empty()) c.data_dir = *v;
  if (auto v = env("CORRESP_BASE_URL")) c.crawl.base_url = *v;
  if (auto v = env("CORRESP_USER_AGENT")) c.crawl.user_agent = *v;
  if (auto v = env("CORRESP_RATE"))
    CORRESP_RETURN_IF_ERROR(ParseEnvNumber("CORRESP_RATE", *v, c.crawl.requests_per_second));
  if (auto v = env("CORRESP_MAX_CONNECTIONS"))
    CORRESP_RETURN_IF_ERROR(ParseEnvInt("CORRESP_MAX_CONNECTIONS", *v, c.crawl.max_connections));
  if (auto v = env("CORRESP_BLOCK_PAUSE_SECONDS"))
    CORRESP_RETURN_IF_ERROR(
        ParseEnvInt("CORRESP_BLOCK_PAUSE_SECONDS", *v, c.crawl.block_pause_seconds));
  if (auto v = env("CORRESP_FORMS")) c.crawl.forms = SplitCommaList(*v);
  if (auto v = env("CORRESP_BACKFILL_SINCE")) c.refresh.backfill_since = *v;
  if (auto v = env("CORRESP_LOG_JSON")) c.log.json = (*v == "1" || *v == "true");
  return Status::Ok();
}

std::string HostOf(const std::string& url) {
  std::string rest = url;
  auto scheme = rest.find("://");
  if (scheme != std::string::npos) rest = rest.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  auto at = rest.rfind('@');
  if (at != std::string::npos) rest = rest.substr(at + 1);
  rest = rest.substr(0, rest.find(':'));
  for (char& ch : rest) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  while (!rest.empty() && rest.back() == '.') rest.pop_back();
  return rest;
}

}  // namespace

EnvLookup ProcessEnv() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  };
}

fs::path DefaultDataDir(const EnvLookup& env) {
  if (auto v = env("CORRESP_HOME"); v && !v->empty()) return *v;
  if (auto v = env("XDG_DATA_HOME"); v && !v->empty()) return fs::path(*v) / "corresp";
  std::string home = env("HOME").value_or(".");
  return fs::path(home) / ".local" / "share" / "corresp";
}

fs::path DefaultConfigFile(const EnvLookup& env) {
  if (auto v = env("XDG_CONFIG_HOME"); v && !v->empty())
    return fs::path(*v) / "corresp" / "config.toml";
  std::string home = env("HOME").value_or(".");
  return fs::path(home) / ".config" / "corresp" / "config.toml";
}

Result<Config> LoadConfig(const std::optional<fs::path>& file, bool file_must_exist,
                          const EnvLookup& env) {
  Config c;
  c.data_dir = DefaultDataDir(env);
  if (file) {
    std::error_code ec;
    if (fs::exists(*file, ec)) {
      CORRESP_RETURN_IF_ERROR(ApplyToml(*file, c));
    } else if (file_must_exist) {
      return InvalidArgument("config file " + file->string() + " does not exist");
    }
  }
  CORRESP_RETURN_IF_ERROR(ApplyEnv(env, c));
  return c;
}

bool IsSecGov(const std::string& base_url) {
  std::string host = HostOf(base_url);
  return host == "sec.gov" || (host.size() > 8 && host.ends_with(".sec.gov"));
}

bool IsDeclaredUserAgent(const std::string& ua) {
  // [^\r\n]*, not .*: RE2's . matches \r, which std::regex's (ECMAScript) did not.
  static const RE2 kPattern(R"(\s*\S[^\r\n]*\s+[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\s*)");
  return RE2::FullMatch(ua, kPattern);
}

Status Validate(const Config& c) {
  const CrawlOptions& k = c.crawl;
  if (c.data_dir.empty()) return InvalidArgument("data_dir: must not be empty");
  if (!k.base_url.starts_with("http://") && !k.base_url.starts_with("https://"))
    return InvalidArgument("crawl.base_url: expected an http:// or https:// URL, got \"" +
                           k.base_url + "\"");
  bool sec = IsSecGov(k.base_url);
  if (sec && !IsDeclaredUserAgent(k.user_agent))
    return InvalidArgument(
        "crawl.user_agent: www.sec.gov requires a declared User-Agent \"Company Name "
        "email@domain\" (got \"" +
        k.user_agent +
        "\"); set it with --user-agent, CORRESP_USER_AGENT or crawl.user_agent in the config");
  if (!(k.requests_per_second > 0))
    return InvalidArgument("crawl.requests_per_second: expected a number above 0");
  if (sec && k.requests_per_second > 10)
    return InvalidArgument(
        "crawl.requests_per_second: sec.gov allows at most 10 requests/second (default 8), got " +
        std::to_string(k.requests_per_second));
  if (k.max_connections < 1 || k.max_connections > 256)
    return InvalidArgument("crawl.max_connections: expected an integer from 1 to 256");
  if (k.connect_timeout_ms <= 0 || k.transfer_timeout_ms <= 0)
    return InvalidArgument("crawl.connect_timeout_ms/transfer_timeout_ms: expected positive ms");
  if (k.max_attempts < 1) return InvalidArgument("crawl.max_attempts: expected at least 1");
  if (k.backoff_initial_ms < 0 || k.backoff_max_ms < k.backoff_initial_ms)
    return InvalidArgument("crawl.backoff_max_ms: expected >= crawl.backoff_initial_ms >= 0");
  if (k.block_pause_seconds < 0)
    return InvalidArgument("crawl.block_pause_seconds: expected seconds >= 0");
  if (k.max_consecutive_blocks < 1)
    return InvalidArgument("crawl.max_consecutive_blocks: expected at least 1");
  if (k.max_body_bytes < 1024) return InvalidArgument("crawl.max_body_bytes: expected >= 1024");
  if (k.forms.empty()) return InvalidArgument("crawl.forms: expected at least one form type");
  if (!c.refresh.backfill_since.empty() && !Date::Parse(c.refresh.backfill_since))
    return InvalidArgument("refresh.backfill_since: expected YYYY-MM-DD, got \"" +
                           c.refresh.backfill_since + "\"");
  if (c.search.exact_facets_up_to < 0)
    return InvalidArgument("search.exact_facets_up_to: expected a count >= 0 (0 = always exact)");
  if (c.refresh.daily_window_days < 0)
    return InvalidArgument("refresh.daily_window_days: expected days >= 0");
  const ExtractOptions& x = c.extract;
  if (x.workers < 1 || x.workers > 64)
    return InvalidArgument("extract.workers: expected an integer from 1 to 64");
  if (x.cpu_seconds < 1 || x.wall_seconds < 1)
    return InvalidArgument("extract.cpu_seconds/wall_seconds: expected seconds >= 1");
  if (x.max_memory_mb < 64) return InvalidArgument("extract.max_memory_mb: expected >= 64");
  return Status::Ok();
}

}  // namespace corresp
