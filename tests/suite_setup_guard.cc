// Linked into every test executable (corresp_add_test): a test whose suite's SetUpTestSuite
// failed fails too. GoogleTest itself only skips such tests (and prints "[  SKIPPED ]"),
// which CTest counts as skipped, not failed: a broken fixture would leave the run green.
#include <gtest/gtest.h>

namespace {

class SuiteSetUpGuard : public ::testing::EmptyTestEventListener {
  void OnTestStart(const ::testing::TestInfo&) override {
    const ::testing::TestSuite* suite = ::testing::UnitTest::GetInstance()->current_test_suite();
    if (suite != nullptr && suite->ad_hoc_test_result().Failed())
      ADD_FAILURE() << "the test suite's SetUpTestSuite failed (its failure is printed above)";
  }
};

// Installed before main() runs RUN_ALL_TESTS; GoogleTest owns and deletes the listener.
const bool kInstalled = [] {
  ::testing::UnitTest::GetInstance()->listeners().Append(new SuiteSetUpGuard);
  return true;
}();

}  // namespace
