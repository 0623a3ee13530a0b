#include "regiosim/analysis/concordance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

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

    // Dense ranks of the scores, so equal scores share a rank.
    std::vector<double> distinct(risk_score.begin(), risk_score.end());
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    std::vector<std::size_t> rank(n);
    for (std::size_t i = 0; i < n; ++i) {
        rank[i] = static_cast<std::size_t>(
            std::lower_bound(distinct.begin(), distinct.end(), risk_score[i]) - distinct.begin());
    }

    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return time[a] > time[b]; });

    // Walk from the latest time down. Before the events at time t are scored, the counter
    // holds everyone with a later time plus those censored at t: exactly who they are compared
    // with. Events at t are added afterwards, for the earlier times.
    Concordance out;
    RankCounter later(distinct.size());
    std::int64_t inserted = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t end = i;
        while (end < n && time[order[end]] == time[order[i]]) {
            ++end;
        }
        for (std::size_t j = i; j < end; ++j) {
            if (event[order[j]] == 0) {
                later.add(rank[order[j]]);
                ++inserted;
            }
        }
        std::vector<std::size_t> event_ranks;
        for (std::size_t j = i; j < end; ++j) {
            if (event[order[j]] == 1) {
                const std::size_t r = rank[order[j]];
                const std::int64_t lower = later.below(r);
                const std::int64_t not_higher = later.below(r + 1);
                out.concordant += lower;
                out.tied_risk += not_higher - lower;
                out.discordant += inserted - not_higher;
                event_ranks.push_back(r);
            }
        }
        // Pairs of events at the same time are not comparable; count them apart.
        std::sort(event_ranks.begin(), event_ranks.end());
        const auto d = static_cast<std::int64_t>(event_ranks.size());
        out.tied_time += d * (d - 1) / 2;
        for (std::size_t j = 0; j < event_ranks.size();) {
            std::size_t same = j;
            while (same < event_ranks.size() && event_ranks[same] == event_ranks[j]) {
                ++same;
            }
            const auto m = static_cast<std::int64_t>(same - j);
            out.tied_both += m * (m - 1) / 2;
            j = same;
        }
        for (std::size_t r : event_ranks) {
            later.add(r);
            ++inserted;
        }
        i = end;
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
