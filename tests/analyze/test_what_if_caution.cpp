// The caution flags of the what-if table on constructed arms: each flag where its estimate is
// unstable, none where every estimate is sound, and the same flags in the shared JSON.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "regiosim/analysis/arm_comparison.hpp"
#include "regiosim/analyze/what_if_json.hpp"

namespace regiosim {

namespace {

using analysis::ArmSample;
using analysis::Caution;

constexpr double horizon = 240.0;

ArmSample arm(const std::string& name, const std::vector<double>& months,
              const std::vector<int>& ended, double cost_per_run) {
    ArmSample s;
    s.name = name;
    s.months = months;
    s.ended = ended;
    for (const int e : ended) {
        s.cause.push_back(e != 0 ? 1 : 0);
        s.month_self_sustaining.push_back(-1);
        s.total_cost.push_back(cost_per_run);
    }
    return s;
}

// 100 collaborations ending at months 2, 4, …, 200, all before the horizon, at no cost.
ArmSample baseline() {
    std::vector<double> months;
    for (int i = 1; i <= 100; ++i) {
        months.push_back(2.0 * i);
    }
    return arm("baseline", months, std::vector<int>(100, 1), 0.0);
}

// The baseline with every collaboration living `shift` months longer, at 50 k€ each.
ArmSample shifted(double shift) {
    ArmSample s = baseline();
    s.name = "shifted";
    for (auto& m : s.months) {
        m += shift;
    }
    s.total_cost.assign(s.months.size(), 50.0);
    return s;
}

// 100 collaborations of which `events` end (at months 20, 40, …) and the rest run to the
// horizon.
ArmSample rare_endings(int events) {
    std::vector<double> months(100, horizon);
    std::vector<int> ended(100, 0);
    for (int i = 0; i < events; ++i) {
        months[static_cast<std::size_t>(i)] = 20.0 * (i + 1);
        ended[static_cast<std::size_t>(i)] = 1;
    }
    return arm("rare", months, ended, 10.0);
}

std::vector<Caution> cautions_of(const ArmSample& a) {
    const auto rows = analysis::compare_arms({baseline(), a}, horizon);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].cautions.empty());  // the baseline is the reference, never flagged
    return rows[1].cautions;
}

}  // namespace

TEST_CASE("what-if: sound estimates carry no caution", "[analyze][caution]") {
    // Shifted by 30 months: 100 events per arm, a hazard ratio with a narrow interval, and an
    // RMST gain of 2.5 years whose standard error (about 8 months) keeps its lower bound far
    // above a tenth of it.
    const auto rows = analysis::compare_arms({baseline(), shifted(30.0)}, horizon);
    REQUIRE(rows[1].hazard_ratio);
    REQUIRE(rows[1].cost_per_year_gained);
    INFO("HR " << rows[1].hazard_ratio->lower << "–" << rows[1].hazard_ratio->upper << ", gain "
               << rows[1].rmst_gain_years.lower << "–" << rows[1].rmst_gain_years.upper);
    CHECK(rows[1].events == 100);
    CHECK(rows[1].cautions.empty());
    const auto j = what_if_json(rows);
    CHECK(j[0].at("caution") == nlohmann::json::array());
    CHECK(j[1].at("caution") == nlohmann::json::array());
    CHECK(j[1].at("events") == 100);
}

TEST_CASE("what-if: a hazard ratio on a handful of events is flagged few_events",
          "[analyze][caution]") {
    // 6 endings against the baseline's 100: SE(log HR) is about sqrt(1/6 + 1/100) = 0.42, an
    // interval spanning a factor exp(2 x 1.96 x 0.42) = 5, so only the event count is flagged.
    const auto rows = analysis::compare_arms({baseline(), rare_endings(6)}, horizon);
    REQUIRE(rows[1].hazard_ratio);
    INFO("HR " << rows[1].hazard_ratio->lower << "–" << rows[1].hazard_ratio->upper);
    CHECK(rows[1].events == 6);
    CHECK(rows[1].cautions == std::vector<Caution>{Caution::few_events});
    CHECK(what_if_json(rows)[1].at("caution") == nlohmann::json::array({"few_events"}));
    // At the threshold, 10 events, the flag goes.
    CHECK(cautions_of(rare_endings(analysis::caution_min_events)).empty());
}

TEST_CASE("what-if: a hazard ratio whose interval spans more than a factor 10 is flagged wide_ci",
          "[analyze][caution]") {
    // 2 endings: SE(log HR) about sqrt(1/2 + 1/100) = 0.71, a factor exp(2.8) = 16 between the
    // ends. An interval that wide needs so few events that few_events comes with it.
    const auto rows = analysis::compare_arms({baseline(), rare_endings(2)}, horizon);
    REQUIRE(rows[1].hazard_ratio);
    const auto& hr = *rows[1].hazard_ratio;
    INFO("HR " << hr.estimate << " (" << hr.lower << "–" << hr.upper << ")");
    CHECK(hr.upper / hr.lower > analysis::caution_max_ci_ratio);
    CHECK(rows[1].cautions == std::vector<Caution>{Caution::few_events, Caution::wide_ci});
    CHECK(what_if_json(rows)[1].at("caution") == nlohmann::json::array({"few_events", "wide_ci"}));
    // No ending at all: no ratio is estimated, so neither flag has a number to qualify.
    const auto none = analysis::compare_arms({baseline(), rare_endings(0)}, horizon);
    CHECK_FALSE(none[1].hazard_ratio);
    CHECK(none[1].cautions.empty());
}

TEST_CASE("what-if: a cost per year gained on a gain barely above zero is flagged small_gain",
          "[analyze][caution]") {
    // The gain's standard error does not depend on the shift (same spread in both arms), so
    // growing the shift month by tenth of a month, the first shift whose gain interval clears
    // 0 has a lower bound just above 0: far under a tenth of the estimate. There the cost per
    // year exists and is flagged; at 30 months (the sound case above) it is not.
    double first_shift = 0.0;
    analysis::ArmComparison row;
    for (int tenths = 1; tenths <= 300; ++tenths) {
        const auto rows = analysis::compare_arms({baseline(), shifted(0.1 * tenths)}, horizon);
        if (rows[1].cost_per_year_gained) {
            first_shift = 0.1 * tenths;
            row = rows[1];
            break;
        }
    }
    REQUIRE(first_shift > 0.0);
    INFO("shift " << first_shift << " months: gain " << row.rmst_gain_years.estimate << " ("
                  << row.rmst_gain_years.lower << "–" << row.rmst_gain_years.upper
                  << ") years, cost per year " << *row.cost_per_year_gained);
    CHECK(row.rmst_gain_years.lower > 0.0);
    CHECK(row.rmst_gain_years.lower < 0.1 * row.rmst_gain_years.estimate);
    CHECK(row.cautions == std::vector<Caution>{Caution::small_gain});
    // The flagged number itself is still the plain ratio: 50 k€ extra over the gain.
    CHECK(*row.cost_per_year_gained == Approx(50.0 / row.rmst_gain_years.estimate));
    CHECK(cautions_of(shifted(30.0)).empty());
    const auto j =
        what_if_json(analysis::compare_arms({baseline(), shifted(first_shift)}, horizon));
    CHECK(j[1].at("caution") == nlohmann::json::array({"small_gain"}));
}

}  // namespace regiosim
