// Comment lifecycle (indexer/index/comment_lifecycle.h): each decision as a table, then whole
// hand-built threads. The real threads of the test mirror are in tests/e2e/lifecycle_test.cc.
#include "indexer/index/comment_lifecycle.h"

#include <gtest/gtest.h>

#include "tests/indexer/test_letter_record.h"

namespace corresp {
namespace {

LetterRecord Staff(const std::string& acc, Date date, std::vector<std::string> texts,
                   LetterKind kind = LetterKind::kCommentLetter) {
  LetterRecord r = testing::TestLetter(acc, "UPLOAD", kind, date);
  int n = 0;
  for (std::string& t : texts) r.letter.comments.push_back(Comment{++n, {}, {}, std::move(t), {}});
  return r;
}

struct Item {
  std::optional<int> number;
  std::string restated;
};

LetterRecord Reply(const std::string& acc, Date date, std::vector<Item> items,
                   LetterKind kind = LetterKind::kResponse, std::vector<Date> named = {}) {
  LetterRecord r = testing::TestLetter(acc, "CORRESP", kind, date);
  r.letter.named_dates = std::move(named);
  for (Item& i : items) r.letter.responses.push_back(Response{i.number, {}, i.restated, "We did."});
  return r;
}

// --- DecideStatus --------------------------------------------------------------------------

TEST(CommentLifecycle, DecideStatus) {
  const Date d1{2020, 1, 10}, d2{2020, 2, 10}, d3{2020, 3, 10};
  struct Row {
    StatusFacts facts;
    CommentStatus want;
    std::string reason;
    const char* why;
  };
  const Row rows[] = {
      {{.raised_on = d1},
       CommentStatus::kOpen,
       "the staff letter of 2020-01-10 is the latest word on it",
       "nothing after it"},
      {{.answered_on = d2, .raised_on = d1},
       CommentStatus::kResponded,
       "answered on 2020-02-10; no later staff letter follows it up and the review has not closed",
       "answered, review goes on"},
      {{.replied_on = d2, .raised_on = d1},
       CommentStatus::kResponded,
       "the company replied to its letter on 2020-02-10 (no item of the reply was matched to "
       "it); the review has not closed",
       "a narrative reply answers the letter"},
      {{.replied_on = d2, .moved_on = d3, .raised_on = d1},
       CommentStatus::kResponded,
       "the company replied to its letter on 2020-02-10 (no item of the reply was matched to "
       "it); the review has not closed",
       "a reply beats a later letter moving on"},
      {{.moved_on = d2, .raised_on = d1},
       CommentStatus::kResponded,
       "no response letter answers it, but the staff letter of 2020-02-10 moved on without "
       "repeating it (answered in an amended filing); the review has not closed",
       "trap: no response letter, yet a later staff letter left it behind: not open"},
      {{.closed_on = d3, .answered_on = d2, .raised_on = d1},
       CommentStatus::kResolved,
       "the review closed on 2020-03-10 after the answer of 2020-02-10",
       "closed after its answer"},
      {{.closed_on = d3, .raised_on = d1},
       CommentStatus::kResolved,
       "the review closed on 2020-03-10; no answer to it was identified",
       "closed with no answer found: still resolved"},
      {{.followed_up_on = d3, .follower_number = 2, .closed_on = d3, .answered_on = d2},
       CommentStatus::kReissued,
       "followed up by comment 2 of the staff letter of 2020-03-10",
       "a follow-up beats the closing"},
      {{.unreadable_on = d2, .closed_on = d3, .raised_on = d1},
       CommentStatus::kUnclear,
       "the letter of 2020-02-10 in the review has no readable text",
       "trap: an unreadable letter before the closing may have reissued it"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.why);
    StatusDecision d = DecideStatus(r.facts);
    EXPECT_STREQ(CommentStatusName(d.status), CommentStatusName(r.want));
    EXPECT_EQ(d.reason, r.reason);
  }
}

// --- AnsweredLetters -----------------------------------------------------------------------

TEST(CommentLifecycle, AnsweredLetters) {
  LetterRecord a = Staff("0000000000-20-000001", {2020, 1, 10}, {"x"});
  LetterRecord b = Staff("0000000000-20-000002", {2020, 2, 10}, {"y"});
  b.letter.letter_date = Date{2020, 2, 7};
  std::vector<const LetterRecord*> both = {&a, &b};
  using V = std::vector<const LetterRecord*>;
  struct Row {
    LetterRecord reply;
    V unanswered;
    V want;
    const char* why;
  };
  const Row rows[] = {
      {Reply("0000000042-20-000001", {2020, 3, 1}, {}, LetterKind::kResponse, {{2020, 1, 10}}),
       {&b},
       {&a},
       "the named date picks the letter, even an answered one"},
      {Reply("0000000042-20-000001", {2020, 3, 1}, {}, LetterKind::kResponse, {{2020, 2, 7}}),
       {},
       {&b},
       "the letter's own date counts as well as its filing date"},
      {Reply("0000000042-20-000001", {2020, 3, 1}, {}, LetterKind::kResponse,
             {{2020, 1, 10}, {2020, 2, 10}}),
       {},
       {&a, &b},
       "a reply naming two letters answers both"},
      {Reply("0000000042-20-000001", {2020, 3, 1}, {}),
       {&a, &b},
       {&a, &b},
       "no date named: every staff letter since the last reply"},
      {Reply("0000000042-20-000001", {2020, 3, 1}, {}, LetterKind::kResponse, {{2019, 5, 5}}),
       {},
       {&b},
       "trap: a named date of no staff letter falls back to the latest"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.why);
    EXPECT_EQ(AnsweredLetters(r.reply, both, r.unanswered), r.want);
  }
  EXPECT_TRUE(AnsweredLetters(rows[0].reply, {}, {}).empty());
}

// --- FollowedLetter ------------------------------------------------------------------------

TEST(CommentLifecycle, FollowedLetter) {
  LetterRecord a = Staff("0000000000-20-000001", {2020, 1, 10}, {"x", "y", "z", "w"});
  LetterRecord b = Staff("0000000000-20-000002", {2020, 2, 10}, {"x", "y"});
  std::vector<const LetterRecord*> earlier = {&a, &b};
  struct Row {
    PriorRef ref;
    const LetterRecord* want;
    const char* why;
  };
  const Row rows[] = {
      {{2, std::nullopt}, &b, "no date: the latest letter with that number"},
      {{4, std::nullopt}, &a, "the latest letter lacks the number: the one that has it"},
      {{2, Date{2020, 1, 10}}, &a, "trap: a named date picks the older letter"},
      {{2, Date{2019, 1, 1}}, &b, "a date of no letter is ignored"},
      {{7, std::nullopt}, nullptr, "no letter has the number"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.why);
    EXPECT_EQ(FollowedLetter(r.ref, earlier), r.want);
  }
}

// --- whole threads ---------------------------------------------------------------------------

const CommentLifecycle& Find(const ThreadLifecycle& t, const std::string& id) {
  for (const CommentLifecycle& c : t.comments)
    if (c.id == id) return c;
  ADD_FAILURE() << "no comment " << id;
  static CommentLifecycle none;
  return none;
}

// Two rounds with an extension request between them and a closing: comment 2 is reissued
// ("your response to prior comment 2"), the others resolve; the follow-up carries 2 rounds and
// the days from the first letter to the closing.
TEST(CommentLifecycle, ReissuedThenClosed) {
  std::vector<LetterRecord> v = {
      Staff("0000000000-20-000001", {2020, 1, 10}, {"Revise revenue.", "Explain goodwill."}),
      Reply("0000000042-20-000001", {2020, 1, 20}, {}, LetterKind::kExtensionRequest),
      Reply("0000000042-20-000002", {2020, 2, 1}, {{1, ""}, {2, ""}}),
      Staff("0000000000-20-000002", {2020, 2, 20},
            {"We note your response to prior comment 2. Please explain further."}),
      Reply("0000000042-20-000003", {2020, 3, 1}, {{1, ""}}),
      Staff("0000000000-20-000003", {2020, 3, 20}, {}, LetterKind::kClosing)};
  std::vector<const LetterRecord*> ptrs;
  for (const LetterRecord& r : v) ptrs.push_back(&r);
  ThreadLifecycle t = TraceComments(ptrs);
  EXPECT_EQ(t.prior_refs, 1);
  EXPECT_EQ(t.prior_refs_linked, 1);
  const CommentLifecycle& first = Find(t, "0000000000-20-000001#1");
  EXPECT_EQ(first.status, CommentStatus::kResolved);
  EXPECT_EQ(first.rounds, 1);
  ASSERT_EQ(first.responses.size(), 1u);
  EXPECT_EQ(first.responses[0].id, "0000000042-20-000002#1");  // not the extension request
  EXPECT_EQ(first.responses[0].match, "number");
  EXPECT_EQ(first.days_to_close, 70);
  const CommentLifecycle& reissued = Find(t, "0000000000-20-000001#2");
  EXPECT_EQ(reissued.status, CommentStatus::kReissued);
  EXPECT_EQ(reissued.followed_up_by, std::vector<std::string>{"0000000000-20-000002#1"});
  EXPECT_EQ(reissued.rounds, 2);
  const CommentLifecycle& follow = Find(t, "0000000000-20-000002#1");
  EXPECT_EQ(follow.follows_up, std::vector<std::string>{"0000000000-20-000001#2"});
  EXPECT_EQ(follow.status, CommentStatus::kResolved);
  EXPECT_EQ(follow.rounds, 2);
  EXPECT_EQ(follow.first_raised, (Date{2020, 1, 10}));
  EXPECT_EQ(follow.first_response_date, (Date{2020, 3, 1}));
  EXPECT_EQ(follow.closed_date, (Date{2020, 3, 20}));
  EXPECT_EQ(follow.days_to_close, 70);
}

// One reply answers two staff letters whose numbers collide: the restated text decides which
// comment 1 an item answers; an unnumbered restatement pairs by text.
TEST(CommentLifecycle, ReplyAnsweringTwoLetters) {
  std::vector<LetterRecord> v = {
      Staff("0000000000-20-000001", {2020, 1, 10},
            {"Please revise the revenue recognition policy for licenses.",
             "Tell us about segment reporting."}),
      Staff("0000000000-20-000002", {2020, 1, 15},
            {"Please file the exhibit agreement with the supplier."}),
      Reply("0000000042-20-000001", {2020, 2, 1},
            {{1, "Please file the exhibit agreement with the supplier."},
             {1, "Please revise the revenue recognition policy for licenses."},
             {std::nullopt, "Tell us about segment reporting."}})};
  std::vector<const LetterRecord*> ptrs;
  for (const LetterRecord& r : v) ptrs.push_back(&r);
  ThreadLifecycle t = TraceComments(ptrs);
  EXPECT_EQ(t.response_to.at("0000000042-20-000001#1"), "0000000000-20-000002#1");
  EXPECT_EQ(t.response_to.at("0000000042-20-000001#u1"), "0000000000-20-000001#1");
  EXPECT_EQ(t.response_to.at("0000000042-20-000001#u2"), "0000000000-20-000001#2");
  const CommentLifecycle& segment = Find(t, "0000000000-20-000001#2");
  ASSERT_EQ(segment.responses.size(), 1u);
  EXPECT_EQ(segment.responses[0].match, "text");
  EXPECT_EQ(segment.status, CommentStatus::kResponded);
  EXPECT_EQ(segment.closed_date, std::nullopt);
  EXPECT_EQ(segment.days_to_close, std::nullopt);
}

// A staff letter with no reply yet is open; a later unreadable letter makes earlier comments
// unclear.
TEST(CommentLifecycle, OpenAndUnclear) {
  std::vector<LetterRecord> v = {Staff("0000000000-20-000001", {2020, 1, 10}, {"Revise."})};
  std::vector<const LetterRecord*> ptrs = {&v[0]};
  EXPECT_EQ(TraceComments(ptrs).comments.at(0).status, CommentStatus::kOpen);
  LetterRecord broken = Reply("0000000042-20-000001", {2020, 2, 1}, {});
  broken.letter.unreadable = "encrypted PDF";
  ptrs.push_back(&broken);
  EXPECT_EQ(TraceComments(ptrs).comments.at(0).status, CommentStatus::kUnclear);
}

}  // namespace
}  // namespace corresp
