#include "query_fixture.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "index_fixture.h"
#include "indexer/index/index_pipeline.h"

namespace corresp::testing {

const Config& SharedIndexConfig() {
  static const Config config = [] {
    auto dir = MakeTestDataDir("query-shared", true);
    if (!dir.ok()) {
      ADD_FAILURE() << dir.status().ToString();
      return Config{};
    }
    auto report = IndexPending(dir->config, *dir->catalog, *dir->store);
    if (!report.ok()) ADD_FAILURE() << report.status().ToString();
    return dir->config;
  }();
  return config;
}

std::unique_ptr<IndexReader> OpenSharedIndex() {
  auto reader = IndexReader::Open(IndexPath(SharedIndexConfig()));
  if (!reader.ok()) {
    ADD_FAILURE() << reader.status().ToString();
    return nullptr;
  }
  return std::move(reader).value();
}

ExportedText ExportToString(IndexReader& reader, const ExportRequest& request) {
  ExportedText out;
  auto summary = Export(reader, request, [&](std::string_view bytes) {
    out.text += bytes;
    return Status::Ok();
  });
  if (!summary.ok()) {
    ADD_FAILURE() << summary.status().ToString();
    return out;
  }
  out.rows = static_cast<long>(summary->rows);
  return out;
}

const std::vector<nlohmann::json>& AllDocumentData() {
  static const std::vector<nlohmann::json> docs = [] {
    std::vector<nlohmann::json> out;
    Xapian::Database db(IndexPath(SharedIndexConfig()).string());
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
      out.push_back(nlohmann::json::parse(db.get_document(*it).get_data()));
    return out;
  }();
  return docs;
}

}  // namespace corresp::testing
