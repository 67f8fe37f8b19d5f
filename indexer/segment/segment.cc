#include "indexer/segment/segment.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "core/letter_form.h"
#include "indexer/extract/text_util.h"
#include "indexer/segment/broken_paragraphs.h"
#include "indexer/segment/header_fields.h"
#include "indexer/segment/heading_path.h"
#include "indexer/segment/items.h"
#include "indexer/segment/kind.h"
#include "indexer/segment/letter_labels.h"
#include "indexer/segment/patterns.h"
#include "indexer/segment/prior_refs.h"
#include "indexer/segment/staff_office.h"

namespace corresp {
namespace {

// Texts of an item's blocks, the first replaced by the text after the number; when the number
// stands alone ("1." then "Comment: We note ..."), the next block loses its comment label.
std::vector<std::string> ItemTexts(const std::vector<Block>& blocks, const ItemSpan& item) {
  std::vector<std::string> out;
  if (!item.first_text.empty()) out.push_back(CollapseSpace(item.first_text));
  for (size_t i = item.text_start; i < item.end; ++i)
    out.push_back(out.empty() ? StripCommentLabel(blocks[i].text) : blocks[i].text);
  return out;
}

// Paragraphs joined by "\n\n"; a paragraph cut mid-sentence (the next starts in lower case
// after no sentence end, as across an HTML page break, and is no list's part, "c. the ...")
// is rejoined with a space.
std::string Join(const std::vector<std::string>& parts, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (p.empty()) continue;
    if (!out.empty()) {
      char last = out.back();
      bool cut = std::islower(static_cast<unsigned char>(p[0])) && last != '.' && last != ':' &&
                 last != ';' && last != '?' && last != '!' && !StartsLetteredItem(p) &&
                 !StartsWithBullet(p);
      out += cut ? " " : "\n\n";
    }
    out += p;
  }
  return out;
}

Comment MakeComment(const std::vector<Block>& blocks, const ItemSpan& item) {
  Comment c;
  c.number = item.number;
  c.headings = item.headings;
  if (!c.headings.empty()) c.page_ref = PageRef(c.headings.back());
  std::vector<std::string> texts = ItemTexts(blocks, item);
  c.text = Join(texts, 0, texts.size());
  c.prior_refs = PriorRefs(c.text);
  return c;
}

bool Emphasized(const Block& b) { return b.bold || b.italic || b.underline; }

// Where an unlabelled restated comment in plain type ends among an item's paragraphs (the
// first is always the comment's, the last always the answer's): it goes on over a paragraph
// that continues its sentence past a page break ("... a" | "description of ..."), one that
// speaks as the staff (SpeaksAsStaff), a bullet alone in its paragraph, and the items of a
// list it introduces ("... the following disclosures:", then items ending in ";" or "; and",
// or bullets) unless they speak as the company.
size_t PlainCommentEnd(const std::vector<Block>& parts) {
  auto wordless = [](const std::string& t) {
    return std::none_of(t.begin(), t.end(),
                        [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  };
  auto listed = [&](size_t k) {
    static const RE2 introduces(R"((?::|;|;\s+(?:and|or))$)");
    return (RE2::PartialMatch(parts[k - 1].text, introduces) || StartsWithBullet(parts[k].text)) &&
           !SpeaksAsCompany(parts[k].text);
  };
  size_t end = 1;
  while (end + 1 < parts.size() &&
         (StartsLower(parts[end].text) || SpeaksAsStaff(parts[end].text) ||
          wordless(parts[end].text) || listed(end)))
    ++end;
  return end;
}

Response MakeResponse(const std::vector<Block>& blocks, const ItemSpan& item) {
  Response r;
  r.number = item.number;
  r.headings = item.headings;
  // Blocks of the item with the number stripped from the first.
  std::vector<Block> parts;
  if (!item.first_text.empty()) {
    Block b = blocks[item.start];
    b.text = CollapseSpace(item.first_text);
    parts.push_back(b);
  }
  for (size_t i = item.text_start; i < item.end; ++i) {
    parts.push_back(blocks[i]);
    if (parts.size() == 1) parts[0].text = StripCommentLabel(parts[0].text);
  }
  std::vector<std::string> comment, answer;
  size_t label = parts.size();
  for (size_t i = 0; i < parts.size(); ++i)
    if (ParseResponseLabel(parts[i].text)) {
      label = i;
      break;
    }
  if (label < parts.size() && label > 0) {
    for (size_t i = 0; i < label; ++i) comment.push_back(parts[i].text);
    std::string rest = *ParseResponseLabel(parts[label].text);
    if (!rest.empty()) answer.push_back(rest);
    for (size_t i = label + 1; i < parts.size(); ++i) answer.push_back(parts[i].text);
  } else if (label == 0 && !parts.empty()) {
    answer.push_back(*ParseResponseLabel(parts[0].text));
    for (size_t i = 1; i < parts.size(); ++i) answer.push_back(parts[i].text);
  } else {
    // Unlabelled: the emphasized run (or the first paragraph) restates the comment.
    size_t split = 0;
    if (!parts.empty() && Emphasized(parts[0])) {
      while (split < parts.size() && Emphasized(parts[split])) ++split;
      // A restated comment ends on a sentence: a caption closing the run ("Revenue
      // Attributable to Extra Content") opens the answer.
      while (split > 1 && split < parts.size() && IsHeadingLike(parts[split - 1])) --split;
    } else if (!parts.empty()) {
      // A label hidden inside a run-on paragraph (scanned letters): "... Response: ...".
      static const RE2 inline_label(R"((\s(?:Company |Management.s )?Response\s*:\s*))");
      re2::StringPiece label;
      if (RE2::PartialMatch(parts[0].text, inline_label, &label)) {
        size_t at = static_cast<size_t>(label.data() - parts[0].text.data());
        comment.push_back(parts[0].text.substr(0, at));
        answer.push_back(parts[0].text.substr(at + label.size()));
        for (size_t i = 1; i < parts.size(); ++i) answer.push_back(parts[i].text);
        r.comment_text = Join(comment, 0, comment.size());
        r.text = Join(answer, 0, answer.size());
        return r;
      }
      split = PlainCommentEnd(parts);
    }
    for (size_t i = 0; i < parts.size(); ++i)
      (i < split ? comment : answer).push_back(parts[i].text);
  }
  r.comment_text = Join(comment, 0, comment.size());
  r.text = Join(answer, 0, answer.size());
  return r;
}

// Whether an answer opens by speaking of several comments ("The Company acknowledges the
// Staff's comments and will ...", "In response to the foregoing comments, ..."): the answer of
// restated comments printed one after another with one answer below the last.
bool AnswersSeveralComments(const std::string& answer) {
  static const RE2 plural(R"((?i)\bcomments\b)");
  constexpr size_t kOpening = 300;  // bytes: the answer's first sentence or two
  return RE2::PartialMatch(re2::StringPiece(answer.data(), std::min(answer.size(), kOpening)),
                           plural);
}

// "2. Please disclose backlog." / "3. Please disclose churn." / "Response to Comments 2 and 3:
// ...": one answer to several restated comments. A restated comment left without an answer
// takes the answer of the next one (within kMaxJointComments) whose label names its number,
// or, when no label names numbers, whose answer opens by speaking of several comments and
// follows only unanswered restatements ("1. ..." "2. ..." "3. ..." "The Company acknowledges
// the Staff's comments and will ...").
void ShareJointAnswers(const std::vector<Block>& blocks, const std::vector<ItemSpan>& items,
                       std::vector<Response>& responses) {
  constexpr size_t kMaxJointComments = 4;
  for (size_t k = 0; k < responses.size(); ++k) {
    if (!responses[k].text.empty() || !responses[k].number) continue;
    for (size_t j = k + 1; j < responses.size() && j <= k + kMaxJointComments; ++j) {
      std::vector<int> named;
      for (size_t b = items[j].start; b < items[j].end && named.empty(); ++b)
        named = ResponseLabelNumbers(blocks[b].text);
      bool joint = named.empty()
                       ? !responses[j].text.empty() && AnswersSeveralComments(responses[j].text)
                       : std::find(named.begin(), named.end(), *responses[k].number) != named.end();
      if (joint) {
        responses[k].text = responses[j].text;
        break;
      }
      if (!responses[j].text.empty()) break;
    }
  }
}

// A numbered list of short phrases ("1. Core operating income excluding ...") rather than
// restated comments, which are sentences.
bool LooksLikeList(const std::vector<Block>& blocks, const std::vector<ItemSpan>& items) {
  if (items.empty()) return false;
  size_t list_like = 0;
  for (const ItemSpan& it : items) {
    std::string first = it.first_text.empty() && it.start + 1 < blocks.size()
                            ? blocks[it.start + 1].text
                            : CollapseSpace(it.first_text);
    char last = first.empty() ? '.' : first.back();
    if (first.size() < 120 && last != '.' && last != '?' && last != ':' && last != ')' &&
        it.end <= it.start + 1)
      ++list_like;
  }
  return list_like * 2 > items.size();
}

// A comment letter without numbered comments: its body after the introductory paragraphs, up
// to the closing, is one unnumbered comment under the headings above it, or one per caption:
// a run of captions after a paragraph that ends a sentence, followed by a paragraph, opens the
// next comment ("Exhibits 31.1 and 31.2" / "Please file ..."), its heading path moved as a
// numbered comment's is. A paragraph ending on ":" introduces what follows (a quoted caption
// and its text), which stays in the comment.
std::vector<Comment> UnnumberedComments(const std::vector<Block>& blocks, size_t begin) {
  static const RE2 intro(
      R"((?i)^(?:We have (?:reviewed|limited|selectively|conducted)|Please respond|After reviewing|In (?:some of )?our comments?|Our review|Unless we note otherwise))");
  size_t i = begin;
  while (i < blocks.size() && RE2::PartialMatch(blocks[i].text, intro)) ++i;
  const size_t end = BodyEnd(blocks, i, true);
  std::vector<Comment> out;
  std::vector<std::string> path;
  while (i < end) {
    std::vector<std::string> stack;
    while (i < end && IsHeadingLike(blocks[i])) stack.push_back(blocks[i++].text);
    std::vector<std::string> parts;
    for (; i < end; ++i) {
      if (IsHeadingLike(blocks[i]) && !parts.empty()) {
        const std::string& before = parts.back();
        size_t next = i;
        while (next < end && IsHeadingLike(blocks[next])) ++next;
        if (next < end && EndsSentence(before) && !EndsWith(before, ":")) break;
      }
      parts.push_back(blocks[i].text);
    }
    if (parts.empty()) break;
    UpdateHeadingPath(path, stack);
    Comment c;
    c.headings = path;
    c.text = Join(parts, 0, parts.size());
    if (!c.headings.empty()) c.page_ref = PageRef(c.headings.back());
    c.prior_refs = PriorRefs(c.text);
    out.push_back(std::move(c));
  }
  return out;
}

// A response letter whose restated comments carry no numbers but whose answers are labelled
// ("Response:"): one response per label. The answer runs from the label to the next comment;
// a comment is the text between the headings above its label and the label, or, with no
// heading in between, the one paragraph right above the label. Above the first label with no
// heading, paragraphs in the company's own voice are the reply's introduction ("... respectfully
// submits this supplemental response ..."), not a restated comment: a label with nothing else
// above it answers none (a narrative reply captioned "Supplemental Response:"). Empty without
// labels.
std::vector<Response> UnnumberedResponses(const std::vector<Block>& blocks, size_t begin,
                                          size_t end) {
  std::vector<size_t> labels;
  for (size_t i = begin; i < end; ++i)
    if (ParseResponseLabel(blocks[i].text)) labels.push_back(i);
  std::vector<Response> out;
  std::vector<size_t> comment_start(labels.size()), answer_end(labels.size(), end);
  std::vector<std::vector<std::string>> headings(labels.size());
  for (size_t k = 0; k < labels.size(); ++k) {
    size_t lo = k == 0 ? begin : labels[k - 1] + 1;
    size_t h = labels[k];
    while (h > lo && !IsHeadingLike(blocks[h - 1])) --h;
    size_t start = h;
    if (h > lo) {  // the run of headings right above the comment
      size_t top = h;
      while (top > lo && IsHeadingLike(blocks[top - 1])) --top;
      for (size_t j = top; j < h; ++j) headings[k].push_back(blocks[j].text);
      if (k > 0) answer_end[k - 1] = top;
    } else if (k > 0) {
      start = labels[k] > lo ? labels[k] - 1 : labels[k];
      answer_end[k - 1] = start;
    } else {
      while (start < labels[k] && SpeaksAsCompany(blocks[start].text)) ++start;
    }
    comment_start[k] = start;
  }
  std::vector<std::string> path;
  for (size_t k = 0; k < labels.size(); ++k) {
    Response r;
    UpdateHeadingPath(path, headings[k]);
    r.headings = path;
    r.number = ResponseLabelNumber(blocks[labels[k]].text);  // "Response to Comment 1:"
    std::vector<std::string> comment, answer;
    for (size_t i = comment_start[k]; i < labels[k]; ++i) comment.push_back(blocks[i].text);
    std::string rest = *ParseResponseLabel(blocks[labels[k]].text);
    if (!rest.empty()) answer.push_back(rest);
    for (size_t i = labels[k] + 1; i < answer_end[k]; ++i) answer.push_back(blocks[i].text);
    r.comment_text = Join(comment, 0, comment.size());
    r.text = Join(answer, 0, answer.size());
    if (!r.text.empty()) out.push_back(std::move(r));
  }
  return out;
}

// A reply that restates nothing: one response holding the body, under the first run of
// headings the body prints when they name the filing or a page ("Form 10-K ..." /
// "Non-GAAP Financial Measures, page 48"); those leave the text.
Response NarrativeResponse(const std::vector<Block>& blocks, size_t begin, size_t end) {
  Response r;
  size_t run = begin;
  while (run < end && !IsHeadingLike(blocks[run])) ++run;
  size_t run_end = run;
  while (run_end < end && IsHeadingLike(blocks[run_end])) ++run_end;
  // Headings above text (not a trailing signature block) that name what the staff commented
  // on: the filing, or a caption with its page ("Non-GAAP Financial Measures, page 48"); a
  // table's column captions are no such thing.
  bool names_subject = false;
  for (size_t i = run; i < run_end; ++i)
    names_subject = names_subject || IsDocumentHeading(blocks[i].text) || PageRef(blocks[i].text);
  if (run_end < end && names_subject) {
    for (size_t i = run; i < run_end; ++i) r.headings.push_back(blocks[i].text);
  } else {
    run = run_end = end;
  }
  std::vector<std::string> parts;
  for (size_t i = begin; i < end; ++i)
    if (i < run || i >= run_end) parts.push_back(blocks[i].text);
  r.text = Join(parts, 0, parts.size());
  return r;
}

}  // namespace

Letter SegmentLetter(const std::vector<Block>& input, std::optional<std::string> form,
                     const SegmentOptions& options) {
  const std::vector<Block> blocks = JoinBrokenParagraphs(DropLetterLabels(input));
  Letter letter;
  bool staff;
  LetterSide side = form ? SideOfForm(*form) : LetterSide::kNone;
  if (side != LetterSide::kNone) {
    staff = side == LetterSide::kStaff;
    letter.form = form;
  } else {
    staff = LooksLikeStaffLetter(blocks);
    letter.form = staff ? "UPLOAD" : "CORRESP";
    letter.issues.push_back(std::string("form inferred from text: ") + *letter.form);
  }
  LetterHead head = ReadLetterHead(blocks, staff, options.page_header_lines);
  letter.letter_date = head.date;
  letter.addressee = head.addressee;
  letter.company = head.company;
  letter.references = head.references;
  StaffOffice office = ReadStaffOffice(blocks, head.body_start, staff);
  letter.office = std::move(office.office);
  letter.staff_contacts = std::move(office.contacts);
  if (!head.date) letter.issues.push_back("no letter date found");
  ItemScanOptions scan;
  scan.staff = staff;
  scan.max_items = options.max_items;
  std::vector<ItemSpan> items = FindItems(blocks, head.body_start, scan, &letter.issues);
  letter.kind = ClassifyLetter(blocks, staff, items.size());
  switch (letter.kind) {
    case LetterKind::kCommentLetter:
      for (const ItemSpan& it : items) letter.comments.push_back(MakeComment(blocks, it));
      if (items.empty()) {
        letter.issues.push_back("comment letter without numbered comments");
        letter.comments = UnnumberedComments(blocks, head.body_start);
      }
      break;
    case LetterKind::kResponse:
      if (LooksLikeList(blocks, items)) items.clear();
      for (const ItemSpan& it : items) letter.responses.push_back(MakeResponse(blocks, it));
      ShareJointAnswers(blocks, items, letter.responses);
      if (items.empty()) {
        size_t end = BodyEnd(blocks, head.body_start, false);
        letter.responses = UnnumberedResponses(blocks, head.body_start, end);
        if (letter.responses.empty()) {
          letter.responses.push_back(NarrativeResponse(blocks, head.body_start, end));
          letter.issues.push_back("narrative response: comments are not restated or numbered");
        }
      }
      break;
    default:
      if (!items.empty())
        letter.issues.push_back(std::to_string(items.size()) + " numbered items ignored in a " +
                                LetterKindName(letter.kind));
      break;
  }
  for (const Comment& c : letter.comments)
    if (c.headings.empty()) {
      letter.issues.push_back("comments without a heading");
      break;
    }
  for (const Response& r : letter.responses)
    if (r.number && (r.comment_text.empty() || r.text.empty())) {
      letter.issues.push_back("response " + std::to_string(*r.number) +
                              ": restated comment and answer not both found");
    }
  return letter;
}

}  // namespace corresp
