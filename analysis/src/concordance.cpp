#include "regiosim/analysis/concordance.hpp"

#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "cox_sort_order.hpp"
#include "regiosim/analysis/errors.hpp"

namespace regiosim::analysis {

namespace {

// Counts of inserted scores by rank, with prefix sums in O(log n) (Fenwick tree).
class RankCounter {
  public:
    explicit RankCounter(std::size_t size) : tree_(size + 1, 0) {}

    void add(std::size_t rank) {
        for (std::size_t i = rank + 1; i < tree_.size(); i += i & (~i + 1)) {
            tree_[i] += 1;
        }
    }

    /// Number of inserted scores with rank < `rank`.
    [[nodiscard]] std::int64_t below(std::size_t rank) const {
        std::int64_t total = 0;
        for (std::size_t i = rank; i > 0; i -= i & (~i + 1)) {
            total += tree_[i];
        }
        return total;
    }

  private:
    std::vector<std::int64_t> tree_;
};

}  // namespace

Concordance harrell_concordance(std::span<const double> time, std::span<const int> event,
                                std::span<const double> risk_score) {
    const std::size_t n = time.size();
    if (event.size() != n || risk_score.size() != n) {
        throw InvalidDataError(
            "concordance needs one time, event and risk score per subject; got " +
            std::to_string(n) + ", " + std::to_string(event.size()) + " and " +
            std::to_string(risk_score.size()));
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(time[i]) || (event[i] != 0 && event[i] != 1) ||
            !std::isfinite(risk_score[i])) {
            throw InvalidDataError("subject " + std::to_string(i) +
                                   " has an invalid time, event flag or risk score; times and "
                                   "scores must be finite and events 0 or 1");
        }
    }

    // Ordering by score gives the dense ranks (equal scores share a rank). Sorting that order by
    // time, which is stable, then leaves the subjects of one time ordered by rank, so events tied
    // in both time and score come out next to each other.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    stable_sort_by(risk_score, order);
    std::vector<std::size_t> rank(n);
    std::size_t distinct = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && risk_score[order[i]] != risk_score[order[i - 1]]) {
            ++distinct;
        }
        rank[order[i]] = distinct;
    }
    distinct += n > 0 ? 1 : 0;
    stable_sort_by(time, order);
    // Gathered into that order once, so the walk below reads memory sequentially.
    std::vector<double> sorted_time(n);
    std::vector<int> sorted_event(n);
    std::vector<std::size_t> sorted_rank(n);
    for (std::size_t i = 0; i < n; ++i) {
        sorted_time[i] = time[order[i]];
        sorted_event[i] = event[order[i]];
        sorted_rank[i] = rank[order[i]];
    }

    // Walk from the latest time down. Before the events at time t are scored, the counter
    // holds everyone with a later time plus those censored at t: exactly who they are compared
    // with. Events at t are added afterwards, for the earlier times.
    Concordance out;
    RankCounter later(distinct);
    std::int64_t inserted = 0;
    for (std::size_t end = n; end > 0;) {
        std::size_t begin = end - 1;
        while (begin > 0 && sorted_time[begin - 1] == sorted_time[end - 1]) {
            --begin;
        }
        for (std::size_t j = begin; j < end; ++j) {
            if (sorted_event[j] == 0) {
                later.add(sorted_rank[j]);
                ++inserted;
            }
        }
        // Pairs of events at the same time are not comparable; count them apart. The events of
        // one time are in rank order, so equal scores form runs, which share their counts.
        std::int64_t deaths = 0;
        std::int64_t run = 0;
        std::size_t run_rank = 0;
        std::int64_t lower = 0;
        std::int64_t not_higher = 0;
        for (std::size_t j = begin; j < end; ++j) {
            if (sorted_event[j] == 1) {
                const std::size_t r = sorted_rank[j];
                if (deaths == 0 || r != run_rank) {
                    run = 0;
                    run_rank = r;
                    lower = later.below(r);
                    not_higher = later.below(r + 1);
                } else {
                    ++run;
                }
                out.concordant += lower;
                out.tied_risk += not_higher - lower;
                out.discordant += inserted - not_higher;
                out.tied_time += deaths;
                out.tied_both += run;
                ++deaths;
            }
        }
        for (std::size_t j = begin; j < end; ++j) {
            if (sorted_event[j] == 1) {
                later.add(sorted_rank[j]);
                ++inserted;
            }
        }
        end = begin;
    }
    out.tied_time -= out.tied_both;  // tied_time counts only pairs whose scores differ
    const auto comparable = static_cast<double>(out.concordant + out.discordant + out.tied_risk);
    out.value =
        comparable > 0.0
            ? (static_cast<double>(out.concordant) + static_cast<double>(out.tied_risk) / 2.0) /
                  comparable
            : std::numeric_limits<double>::quiet_NaN();
    return out;
}

}  // namespace regiosim::analysis
