// Thread linking and response pairing on hand-built letters (pure logic); the corpus test
// against MANIFEST.tsv is in index_pipeline_test.cc.
#include "indexer/index/thread_linker.h"

#include <gtest/gtest.h>

#include "tests/indexer/test_letter_record.h"

namespace corresp {
namespace {

LetterRecord Make(const std::string& acc, const std::string& form, LetterKind kind, Date date,
                  std::vector<int> numbers = {}, std::string ref_form = "10-K") {
  LetterRecord r = testing::TestLetter(acc, form, kind, date);
  if (!ref_form.empty())
    r.letter.references.push_back(Reference{ref_form, Date{date.year - 1, 12, 31}, {}, {}});
  for (int n : numbers) {
    if (form == "UPLOAD")
      r.letter.comments.push_back(Comment{n, {}, std::nullopt, "comment " + std::to_string(n), {}});
    else
      r.letter.responses.push_back(Response{n, {}, "", "response " + std::to_string(n)});
  }
  return r;
}

std::vector<const LetterRecord*> Ptrs(const std::vector<LetterRecord>& v) {
  std::vector<const LetterRecord*> out;
  for (const auto& r : v) out.push_back(&r);
  return out;
}

TEST(LinkThreads, OneReviewFromFirstLetterToClosing) {
  std::vector<LetterRecord> v = {
      Make("0000000000-16-000001", "UPLOAD", LetterKind::kCommentLetter, {2016, 3, 1}, {1, 2}),
      Make("0000000042-16-000001", "CORRESP", LetterKind::kResponse, {2016, 3, 15}, {1, 2}),
      Make("0000000000-16-000002", "UPLOAD", LetterKind::kCommentLetter, {2016, 4, 1}, {1}),
      Make("0000000042-16-000002", "CORRESP", LetterKind::kResponse, {2016, 4, 10}, {1}),
      Make("0000000000-16-000003", "UPLOAD", LetterKind::kClosing, {2016, 4, 20})};
  ThreadLinks links = LinkThreads(Ptrs(v));
  ASSERT_EQ(links.threads.size(), 1u);
  const ReviewThread& t = links.threads[0];
  EXPECT_EQ(t.id, "42-0000000000-16-000001");
  EXPECT_EQ(t.status, ThreadStatus::kClosed);
  EXPECT_EQ(t.letters.size(), 5u);
  EXPECT_EQ(t.Days(), 50);
  // Responses pair with the latest earlier staff letter's comment of the same number.
  EXPECT_EQ(links.response_to.at("0000000042-16-000001#2"), "0000000000-16-000001#2");
  EXPECT_EQ(links.response_to.at("0000000042-16-000002#1"), "0000000000-16-000002#1");
  EXPECT_EQ(links.first_response.at("0000000000-16-000001#1"), "0000000042-16-000001#1");
}

TEST(LinkThreads, ClosingEndsAReviewAndALongGapStartsOne) {
  std::vector<LetterRecord> v = {
      Make("0000000000-16-000001", "UPLOAD", LetterKind::kCommentLetter, {2016, 3, 1}, {1}),
      Make("0000000000-16-000002", "UPLOAD", LetterKind::kClosing, {2016, 4, 1}),
      Make("0000000000-16-000003", "UPLOAD", LetterKind::kCommentLetter, {2016, 5, 1}, {1}),
      Make("0000000000-17-000001", "UPLOAD", LetterKind::kCommentLetter, {2017, 6, 1}, {1})};
  ThreadLinks links = LinkThreads(Ptrs(v));
  ASSERT_EQ(links.threads.size(), 3u);
  EXPECT_EQ(links.threads[1].status, ThreadStatus::kOpen);
  EXPECT_NE(links.thread_of.at("0000000000-16-000003"), links.thread_of.at("0000000000-17-000001"));
}

TEST(LinkThreads, NewFilingWithRestartedNumberingIsANewReview) {
  std::vector<LetterRecord> v = {Make("0000000000-16-000001", "UPLOAD", LetterKind::kCommentLetter,
                                      {2016, 3, 1}, {1, 2}, "10-K"),
                                 Make("0000000000-16-000002", "UPLOAD", LetterKind::kCommentLetter,
                                      {2016, 3, 20}, {1}, "S-1")};
  EXPECT_EQ(LinkThreads(Ptrs(v)).threads.size(), 2u);
}

TEST(LinkThreads, TrailingAccelerationRequestJoinsTheClosedReview) {
  std::vector<LetterRecord> v = {
      Make("0000000000-20-000001", "UPLOAD", LetterKind::kNoReview, {2020, 10, 9}),
      Make("0000000042-20-000001", "CORRESP", LetterKind::kAccelerationRequest, {2020, 10, 14})};
  ThreadLinks links = LinkThreads(Ptrs(v));
  ASSERT_EQ(links.threads.size(), 1u);
  EXPECT_EQ(links.threads[0].status, ThreadStatus::kClosed);
}

TEST(LinkThreads, SameReleaseDayMeansSameThread) {
  std::vector<LetterRecord> v = {
      Make("0000000000-20-000001", "UPLOAD", LetterKind::kNoReview, {2020, 10, 9}),
      Make("0000000000-20-000002", "UPLOAD", LetterKind::kCommentLetter, {2020, 12, 22}, {1})};
  EXPECT_EQ(LinkThreads(Ptrs(v)).threads.size(), 2u);
  v[0].released = v[1].released = Date{2021, 6, 1};
  EXPECT_EQ(LinkThreads(Ptrs(v)).threads.size(), 1u);
}

TEST(LinkThreads, UnnumberedAndUnmatchedResponsesAreNotPaired) {
  std::vector<LetterRecord> v = {
      Make("0000000000-16-000001", "UPLOAD", LetterKind::kCommentLetter, {2016, 3, 1}, {1}),
      Make("0000000042-16-000001", "CORRESP", LetterKind::kResponse, {2016, 3, 15}, {7})};
  v[1].letter.responses.push_back(Response{std::nullopt, {}, "", "general answer"});
  ThreadLinks links = LinkThreads(Ptrs(v));
  EXPECT_TRUE(links.response_to.empty());
  EXPECT_TRUE(links.first_response.empty());
}

TEST(LinkThreads, EmptyInput) { EXPECT_TRUE(LinkThreads({}).threads.empty()); }

}  // namespace
}  // namespace corresp
