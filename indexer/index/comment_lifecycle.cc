#include "indexer/index/comment_lifecycle.h"

#include <algorithm>
#include <functional>
#include <set>

#include "core/letter_form.h"
#include "indexer/segment/letter_dates.h"
#include "indexer/segment/word_overlap.h"

namespace corresp {

namespace {

bool IsStaff(const LetterRecord& r) { return SideOfForm(r.form) == LetterSide::kStaff; }

bool Closes(const LetterRecord& r) {
  return r.letter.kind == LetterKind::kClosing || r.letter.kind == LetterKind::kNoReview;
}

std::string Day(const std::optional<Date>& d) { return d ? d->ToIso() : "an unknown day"; }

std::string NumberWords(const std::optional<int>& n) {
  return n ? "comment " + std::to_string(*n) : "an unnumbered comment";
}

// One staff comment while the thread is traced.
struct Node {
  const LetterRecord* letter;
  size_t index;  // in letter->letter.comments
  CommentLifecycle life;
};

// The comment of `letters` a response item answers, and how it was matched.
struct Match {
  Node* node = nullptr;
  const char* how = "";
};

double Overlap(const Response& r, const Node& n) {
  return WordOverlap(r.comment_text, n.letter->letter.comments[n.index].text);
}

// Best comment by restated text among `nodes`, when it reaches the threshold.
Node* ByText(const Response& r, const std::vector<Node*>& nodes, double min_overlap) {
  if (r.comment_text.empty()) return nullptr;
  Node* best = nullptr;
  double best_overlap = min_overlap;
  for (Node* n : nodes) {
    double o = Overlap(r, *n);
    if (o >= best_overlap) {
      best = n;
      best_overlap = o;
    }
  }
  return best;
}

// By number among the answered letters' comments (the best restated-text overlap decides
// between letters that both have the number; else the latest letter); else by text among the
// answered letters, then among every earlier staff letter.
Match PairItem(const Response& r, const std::vector<Node*>& answered,
               const std::vector<Node*>& earlier, double min_overlap) {
  if (r.number) {
    Node* best = nullptr;
    double best_overlap = -1;
    for (Node* n : answered) {
      if (n->life.number != r.number) continue;
      double o = r.comment_text.empty() ? 0 : Overlap(r, *n);
      if (o >= best_overlap) {  // later letters come later: they win a tie
        best = n;
        best_overlap = o;
      }
    }
    if (best) return {best, "number"};
  }
  if (Node* n = ByText(r, answered, min_overlap)) return {n, "text"};
  if (Node* n = ByText(r, earlier, min_overlap)) return {n, "text"};
  return {};
}

// Union-find over comment indexes: the follow-up chains.
struct Chains {
  std::vector<size_t> parent;
  explicit Chains(size_t n) : parent(n) {
    for (size_t i = 0; i < n; ++i) parent[i] = i;
  }
  size_t Find(size_t i) { return parent[i] == i ? i : parent[i] = Find(parent[i]); }
  void Join(size_t a, size_t b) { parent[Find(a)] = Find(b); }
};

nlohmann::json DateOrNull(const std::optional<Date>& d) {
  return d ? nlohmann::json(d->ToIso()) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json LifecycleFields(const CommentLifecycle& c) {
  nlohmann::json responses = nlohmann::json::array();
  for (const ResponseLink& r : c.responses)
    responses.push_back({{"id", r.id},
                         {"accession", r.accession.text},
                         {"date", DateOrNull(r.date)},
                         {"match", r.match}});
  return {{"status", CommentStatusName(c.status)},
          {"status_reason", c.status_reason},
          {"rounds", c.rounds},
          {"follows_up", c.follows_up},
          {"followed_up_by", c.followed_up_by},
          {"responses", responses},
          {"first_response_date", DateOrNull(c.first_response_date)},
          {"closed_date", DateOrNull(c.closed_date)},
          {"days_to_close", c.days_to_close ? nlohmann::json(*c.days_to_close) : nullptr}};
}

nlohmann::json LifecycleEntry(const CommentLifecycle& c) {
  nlohmann::json out = {{"id", c.id},
                        {"accession", c.accession.text},
                        {"number", c.number ? nlohmann::json(*c.number) : nullptr},
                        {"date", DateOrNull(c.date)},
                        {"first_raised", DateOrNull(c.first_raised)}};
  out.update(LifecycleFields(c));
  return out;
}

bool IsLetterOf(const LetterRecord& letter, const Date& d) {
  return IsDatedOn(letter.date_filed, letter.letter.letter_date, d);
}

std::vector<const LetterRecord*> AnsweredLetters(
    const LetterRecord& reply, const std::vector<const LetterRecord*>& earlier,
    const std::vector<const LetterRecord*>& unanswered) {
  std::vector<const LetterRecord*> named;
  for (const LetterRecord* staff : earlier)
    for (const Date& d : reply.letter.named_dates)
      if (IsLetterOf(*staff, d)) {
        named.push_back(staff);
        break;
      }
  if (!named.empty()) return named;
  if (!unanswered.empty()) return unanswered;
  if (!earlier.empty()) return {earlier.back()};
  return {};
}

const LetterRecord* FollowedLetter(const PriorRef& ref,
                                   const std::vector<const LetterRecord*>& earlier) {
  auto has_number = [&](const LetterRecord* l) {
    return std::any_of(l->letter.comments.begin(), l->letter.comments.end(),
                       [&](const Comment& c) { return c.number == ref.number; });
  };
  if (ref.letter_date)
    for (auto it = earlier.rbegin(); it != earlier.rend(); ++it)
      if (IsLetterOf(**it, *ref.letter_date) && has_number(*it)) return *it;
  for (auto it = earlier.rbegin(); it != earlier.rend(); ++it)
    if (has_number(*it)) return *it;
  return nullptr;
}

StatusDecision DecideStatus(const StatusFacts& f) {
  if (f.followed_up_on)
    return {CommentStatus::kReissued, "followed up by " + NumberWords(f.follower_number) +
                                          " of the staff letter of " + Day(f.followed_up_on)};
  if (f.unreadable_on)
    return {CommentStatus::kUnclear,
            "the letter of " + Day(f.unreadable_on) + " in the review has no readable text"};
  if (f.closed_on)
    return {CommentStatus::kResolved,
            "the review closed on " + Day(f.closed_on) +
                (f.answered_on  ? " after the answer of " + Day(f.answered_on)
                 : f.replied_on ? " after the company's reply of " + Day(f.replied_on)
                                : "; no answer to it was identified")};
  if (f.answered_on)
    return {CommentStatus::kResponded,
            "answered on " + Day(f.answered_on) +
                "; no later staff letter follows it up and the review has not closed"};
  if (f.replied_on)
    return {CommentStatus::kResponded, "the company replied to its letter on " + Day(f.replied_on) +
                                           " (no item of the reply was matched to it); the "
                                           "review has not closed"};
  if (f.moved_on)
    return {CommentStatus::kResponded,
            "no response letter answers it, but the staff letter of " + Day(f.moved_on) +
                " moved on without repeating it (answered in an amended filing); the review has "
                "not closed"};
  return {CommentStatus::kOpen,
          "the staff letter of " + Day(f.raised_on) + " is the latest word on it"};
}

namespace {

// One thread traced letter by letter: follow-ups are linked when a staff letter comes, replies
// paired when a company letter comes; Finish() then decides each comment's rounds and status.
class Tracer {
 public:
  Tracer(const std::vector<const LetterRecord*>& letters, const LifecycleOptions& options)
      : letters_(letters), options_(options) {
    for (const LetterRecord* r : letters)
      if (IsStaff(*r)) AddComments(r);
    chains_ = Chains(nodes_.size());
  }

  ThreadLifecycle Run() {
    for (const LetterRecord* r : letters_) {
      if (IsStaff(*r) && !r->letter.comments.empty()) {
        LinkFollowUps(r);
        earlier_.push_back(r);
        unanswered_.push_back(r);
      } else if (!IsStaff(*r) && !r->letter.responses.empty()) {
        PairReply(r);  // extension requests and the like have no responses: they answer nothing
      }
    }
    Finish();
    return std::move(out_);
  }

 private:
  void AddComments(const LetterRecord* r) {
    ItemIds ids = MakeItemIds(*r);
    for (size_t i = 0; i < r->letter.comments.size(); ++i) {
      Node n{r, i, {}};
      n.life.id = ids.comments[i];
      n.life.accession = r->accession;
      n.life.number = r->letter.comments[i].number;
      n.life.date = r->SortDate();
      nodes_of_[r].push_back(nodes_.size());
      nodes_.push_back(std::move(n));
    }
  }

  Node* NodeOf(const LetterRecord* letter, std::optional<int> number) {
    for (size_t k : nodes_of_[letter])
      if (nodes_[k].life.number == number) return &nodes_[k];
    return nullptr;
  }

  void LinkFollowUps(const LetterRecord* r) {
    for (size_t k : nodes_of_[r]) {
      Node& n = nodes_[k];
      for (const PriorRef& ref : FindPriorRefs(r->letter.comments[n.index].text)) {
        ++out_.prior_refs;
        const LetterRecord* target = FollowedLetter(ref, earlier_);
        Node* prior = target ? NodeOf(target, ref.number) : nullptr;
        if (!prior) {
          out_.unlinked.push_back(n.life.id + ": comment " + std::to_string(ref.number));
          continue;
        }
        ++out_.prior_refs_linked;
        n.life.follows_up.push_back(prior->life.id);
        prior->life.followed_up_by.push_back(n.life.id);
        follower_.emplace(prior->life.id, &n);
        chains_.Join(k, static_cast<size_t>(prior - nodes_.data()));
      }
    }
  }

  void PairReply(const LetterRecord* r) {
    std::vector<const LetterRecord*> answered = AnsweredLetters(*r, earlier_, unanswered_);
    std::vector<Node*> answered_nodes, earlier_nodes;
    for (const LetterRecord* l : earlier_)
      for (size_t k : nodes_of_[l]) {
        earlier_nodes.push_back(&nodes_[k]);
        if (std::find(answered.begin(), answered.end(), l) != answered.end())
          answered_nodes.push_back(&nodes_[k]);
      }
    ItemIds ids = MakeItemIds(*r);
    for (size_t i = 0; i < r->letter.responses.size(); ++i) {
      Match m = PairItem(r->letter.responses[i], answered_nodes, earlier_nodes,
                         options_.min_text_overlap);
      if (!m.node) continue;
      m.node->life.responses.push_back({ids.responses[i], r->accession, r->SortDate(), m.how});
      out_.response_to[ids.responses[i]] = m.node->life.id;
    }
    for (Node* n : answered_nodes) replied_.emplace(n->life.id, r->SortDate());
    unanswered_.clear();
  }

  // The closing, unreadable and later staff comment letters after a comment's own letter.
  void LaterLetters(const Node& n, StatusFacts& facts) const {
    auto it = std::find(letters_.begin(), letters_.end(), n.letter);
    for (++it; it < letters_.end(); ++it) {
      if (Closes(**it)) {
        facts.closed_on = (*it)->SortDate();
        return;
      }
      if ((*it)->letter.unreadable && !facts.unreadable_on) facts.unreadable_on = (*it)->SortDate();
      if (IsStaff(**it) && !(*it)->letter.comments.empty() && !facts.moved_on)
        facts.moved_on = (*it)->SortDate();
    }
  }

  void Finish() {
    std::map<size_t, std::set<const LetterRecord*>> chain_letters;
    std::map<size_t, Date> chain_start;
    for (size_t k = 0; k < nodes_.size(); ++k) {
      size_t root = chains_.Find(k);
      chain_letters[root].insert(nodes_[k].letter);
      auto [it, fresh] = chain_start.emplace(root, *nodes_[k].life.date);
      if (!fresh && *nodes_[k].life.date < it->second) it->second = *nodes_[k].life.date;
    }
    for (size_t k = 0; k < nodes_.size(); ++k) {
      CommentLifecycle& life = nodes_[k].life;
      size_t root = chains_.Find(k);
      life.rounds = static_cast<int>(chain_letters[root].size());
      life.first_raised = chain_start[root];
      StatusFacts facts;
      facts.raised_on = life.date;
      if (!life.responses.empty())
        facts.answered_on = life.first_response_date = life.responses[0].date;
      if (auto rep = replied_.find(life.id); rep != replied_.end()) facts.replied_on = rep->second;
      LaterLetters(nodes_[k], facts);
      if (auto f = follower_.find(life.id); f != follower_.end()) {
        facts.followed_up_on = f->second->life.date;
        facts.follower_number = f->second->life.number;
      }
      life.closed_date = facts.closed_on;
      if (life.closed_date)
        life.days_to_close =
            life.closed_date->DaysSinceEpoch() - life.first_raised->DaysSinceEpoch();
      StatusDecision decision = DecideStatus(facts);
      life.status = decision.status;
      life.status_reason = decision.reason;
      out_.comments.push_back(std::move(life));
    }
  }

  const std::vector<const LetterRecord*>& letters_;
  const LifecycleOptions& options_;
  ThreadLifecycle out_;
  std::vector<Node> nodes_;  // every staff comment, in letter order; never resized after
  std::map<const LetterRecord*, std::vector<size_t>> nodes_of_;
  Chains chains_{0};
  std::map<std::string, std::optional<Date>> replied_;  // comment id -> a reply to its letter
  std::map<std::string, const Node*> follower_;         // comment id -> its first follow-up
  std::vector<const LetterRecord*> earlier_;            // staff letters with comments so far
  std::vector<const LetterRecord*> unanswered_;         // ... since the company's last reply
};

}  // namespace

ThreadLifecycle TraceComments(const std::vector<const LetterRecord*>& letters,
                              const LifecycleOptions& options) {
  return Tracer(letters, options).Run();
}

}  // namespace corresp
