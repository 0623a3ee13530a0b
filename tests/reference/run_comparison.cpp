#include "run_comparison.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "regiosim/results/category_labels.hpp"

namespace regiosim::test {

namespace {

bool same_event(const Event& a, const Event& b) noexcept {
    return a.month == b.month && a.kind == b.kind && a.partner == b.partner &&
           a.intervention == b.intervention;
}

/// Collects the fields of two runs that differ, each named with where it is: outcomes that
/// must be equal, values that must be close.
class MismatchList {
  public:
    MismatchList(const Tolerance& tolerance, RunComparison& comparison)
        : tolerance_(tolerance), comparison_(comparison) {}

    template <class T>
    void exact(const std::string& field, const T& a, const T& b) {
        if (!(a == b)) {
            std::ostringstream out;
            out << field << ": " << +a << " vs " << +b;
            comparison_.outcome_mismatches.push_back(out.str());
        }
    }

    /// A month at which a threshold was first crossed with no event of its own: a flip moves
    /// it without parting the events.
    void threshold(const std::string& field, int a, int b) {
        if (a != b) {
            comparison_.value_mismatches.push_back(field + ": " + std::to_string(a) + " vs " +
                                                   std::to_string(b));
        }
    }

    void value(const std::string& field, double a, double b) {
        if (!tolerance_.close(a, b)) {
            std::ostringstream out;
            out.precision(17);
            out << field << ": " << a << " vs " << b << " (difference " << a - b << ")";
            comparison_.value_mismatches.push_back(out.str());
        }
    }

  private:
    Tolerance tolerance_;
    RunComparison& comparison_;
};

int code(EndCause c) {
    return static_cast<int>(c);
}
int code(Phase p) {
    return static_cast<int>(p);
}

void compare_years(const RunResult& a, const RunResult& b, MismatchList& m) {
    m.exact("number of yearly records", a.years.size(), b.years.size());
    const auto years = std::min(a.years.size(), b.years.size());
    for (std::size_t k = 0; k < years; ++k) {
        const auto& ya = a.years[k];
        const auto& yb = b.years[k];
        const std::string at = "year " + std::to_string(ya.year) + " ";
        m.exact(at + "year", ya.year, yb.year);
        m.exact(at + "active partners", ya.active_partners, yb.active_partners);
        m.exact(at + "phase", code(ya.phase), code(yb.phase));
        m.value(at + "mean trust", ya.mean_trust, yb.mean_trust);
        m.value(at + "mean commitment", ya.mean_commitment, yb.mean_commitment);
        m.value(at + "cumulative results", ya.cumulative_results, yb.cumulative_results);
        m.value(at + "intention", ya.intention, yb.intention);
        m.value(at + "conflict", ya.conflict, yb.conflict);
        m.value(at + "dependence", ya.dependence, yb.dependence);
        m.value(at + "funding", ya.funding, yb.funding);
    }
}

}  // namespace

bool Tolerance::close(double a, double b) const noexcept {
    return std::abs(a - b) <= absolute + relative * std::max(std::abs(a), std::abs(b));
}

std::string describe(const Event& event) {
    std::ostringstream out;
    out << "month " << event.month << ' ' << event_kind_label(static_cast<int>(event.kind))
        << " partner " << event.partner << " intervention " << event.intervention << " (before "
        << event.before << ", after " << event.after << ')';
    return out.str();
}

RunComparison compare_runs(const RunResult& a, const RunResult& b, const Tolerance& tolerance,
                           std::string_view name_a, std::string_view name_b) {
    RunComparison comparison;
    const auto common = std::min(a.events.size(), b.events.size());
    std::size_t k = 0;
    while (k < common && same_event(a.events[k], b.events[k])) {
        ++k;
    }
    if (k < common || a.events.size() != b.events.size()) {
        comparison.events_agree = false;
        const auto side = [&](const RunResult& r) {
            return k < r.events.size()
                       ? describe(r.events[k])
                       : "none (its log ends after " + std::to_string(r.events.size()) + " events)";
        };
        comparison.first_event_difference = "event #" + std::to_string(k) + ": " +
                                            std::string(name_a) + " " + side(a) + "; " +
                                            std::string(name_b) + " " + side(b);
        return comparison;
    }
    MismatchList m(tolerance, comparison);
    m.exact("months survived", a.months_survived, b.months_survived);
    m.exact("ended", a.ended, b.ended);
    m.exact("cause", code(a.cause), code(b.cause));
    m.exact("month self-sustaining", a.month_self_sustaining, b.month_self_sustaining);
    m.threshold("months to first success", a.months_to_first_success, b.months_to_first_success);
    m.exact("dropped events", a.dropped_events, b.dropped_events);
    m.value("total cost", a.total_cost, b.total_cost);
    m.value("cumulative results", a.cumulative_results, b.cumulative_results);
    compare_years(a, b, m);
    m.exact("spending entries", a.spent.size(), b.spent.size());
    for (std::size_t s = 0; s < std::min(a.spent.size(), b.spent.size()); ++s) {
        m.value("spent[" + std::to_string(s) + "]", a.spent[s], b.spent[s]);
    }
    for (std::size_t e = 0; e < a.events.size(); ++e) {
        const std::string at = "event #" + std::to_string(e) + " (" + describe(a.events[e]) + ") ";
        m.value(at + "before", a.events[e].before, b.events[e].before);
        m.value(at + "after", a.events[e].after, b.events[e].after);
    }
    return comparison;
}

}  // namespace regiosim::test
