// Where the shipped reference region (scenarios/reference.toml) lands against the published
// ranges of MODEL_BRIEF §9, as operationalised in docs/ODD.md §9 ("Calibration"):
//
//  * R1 Kale & Singh 2009, 30–70 % of alliances fail — read as the share ending within 10 years.
//    Published alliances have at least light governance, so the range is checked on the
//    `coordinator` arm (a 0.5 FTE coordinator with 4 platform meetings a year).
//  * R2 Bleeke & Ernst, median life about 7 years — the same `coordinator` arm.
//  * R2 Harrigan, over half end within 5 years; Kale & Singh's pessimistic end — the `baseline`
//    (no interventions at all): fewer than half alive after 5 years, and at least half ended
//    within 10.
//  * R4 Kale, Dyer & Singh 2002, 63 % vs 50 % successful with vs without a dedicated coordination
//    function (+13 points) — "successful" read as still collaborating after 10 years; the
//    coordinator arm's gain over the baseline must be positive with a 95 % interval excluding
//    zero and of a plausible size.
//
// The region's seed is fixed; 800 runs per arm give 95 % intervals of about ±3.5 points on a
// share, narrow enough to tell the ranges apart. Every number is printed for the ODD.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "calibration_support.hpp"
#include "regiosim/core/run_result.hpp"
#include "stylized_support.hpp"

using namespace regiosim;
using namespace regiosim::stylized;
using calibration::alive_difference;
using calibration::median_years;
using calibration::share_alive_after;
using calibration::share_ended_within;

namespace {

constexpr int runs = 800;
constexpr int five_years = 60;
constexpr int ten_years = 120;

struct ReferenceRuns {
    ArmOutcomes baseline;
    ArmOutcomes coordinator;
};

const ReferenceRuns& reference_runs() {
    static const ReferenceRuns r = [] {
        const auto s = calibration::reference_scenario();
        return ReferenceRuns{run_arm(s, "baseline", runs), run_arm(s, "coordinator", runs)};
    }();
    return r;
}

}  // namespace

TEST_CASE("R1, R2: with light governance 30-70 % fail within 10 years, median about 7 years",
          "[stylized][calibration]") {
    const auto& c = reference_runs().coordinator;
    const auto failed = share_ended_within(c, ten_years);
    const auto median = median_years(c);
    report("R1 coordinator", "share ended within 10 years", failed);
    report("R2 coordinator", "median lifetime (years)", median);
    // The whole 95 % interval inside the published range: the range itself is the tolerance.
    CHECK(failed.lower >= 0.30);
    CHECK(failed.upper <= 0.70);
    // "About 7 years": a survey median of 200+ alliances, not a point to hit. Accept 5–10 years
    // for the estimate (a hazard that shifts the median by more than two to three years would be
    // a different kind of collaboration), and require the interval to include 7 ± 2.
    REQUIRE_FALSE(std::isnan(median.estimate));
    CHECK(median.estimate >= 5.0);
    CHECK(median.estimate <= 10.0);
    CHECK(median.lower <= 9.0);
    CHECK((std::isnan(median.upper) || median.upper >= 5.0));
}

TEST_CASE("R1, R2: without any intervention the baseline sits at the pessimistic end",
          "[stylized][calibration]") {
    const auto& b = reference_runs().baseline;
    const auto alive5 = share_alive_after(b, five_years);
    const auto failed10 = share_ended_within(b, ten_years);
    const auto median = median_years(b);
    report("R2 baseline", "share alive after 5 years", alive5);
    report("R1 baseline", "share ended within 10 years", failed10);
    report("R2 baseline", "median lifetime (years)", median);
    // Harrigan: over half end within 5 years.
    CHECK(alive5.upper < 0.5);
    // Pessimistic end of Kale & Singh's 30–70 %: at least half fail within 10 years.
    CHECK(failed10.lower >= 0.5);
    // A baseline median well below the governed arm's "about 7 years".
    REQUIRE_FALSE(std::isnan(median.estimate));
    CHECK(median.estimate < 6.0);
}

// Needs between-run heterogeneity: the regional climate (docs/ODD.md §5) lets regions that start
// better aligned survive the subsidy cliff on the value of their own results.
TEST_CASE("R1: some baseline collaborations last 10 years without any help",
          "[stylized][calibration]") {
    const auto failed10 = share_ended_within(reference_runs().baseline, ten_years);
    report("R1 baseline", "share ended within 10 years", failed10);
    // Not (nearly) all fail: some collaborations without help still last (stylized fact 1).
    CHECK(failed10.upper <= 0.9);
}

TEST_CASE("R4: a coordinator raises the share still collaborating after 10 years",
          "[stylized][calibration]") {
    const auto& r = reference_runs();
    const auto gain = alive_difference(r.coordinator, r.baseline, ten_years);
    report("R4", "share alive after 10 years, coordinator − baseline", gain);
    report("R4", "share alive after 10 years, baseline", share_alive_after(r.baseline, ten_years));
    report("R4", "share alive after 10 years, coordinator",
           share_alive_after(r.coordinator, ten_years));
    // Direction: the 95 % interval excludes zero.
    CHECK(gain.above_zero());
}

TEST_CASE("R4: the coordinator effect has a plausible size", "[stylized][calibration]") {
    const auto& r = reference_runs();
    const auto gain = alive_difference(r.coordinator, r.baseline, ten_years);
    // Kale, Dyer & Singh found +13 points (63 % vs 50 %). One study on corporate alliances, so a
    // band around it: at least +5 points (a real effect) and at most +30 (a coordinator is one
    // lever among several, not a rescue of every collaboration).
    CHECK(gain.estimate >= 0.05);
    CHECK(gain.estimate <= 0.30);
}

TEST_CASE("R3: every ending has a cause, and the funding cliff is among the main ones",
          "[stylized][calibration]") {
    const auto& b = reference_runs().baseline;
    int ended = 0;
    int by_funding = 0;
    for (std::size_t k = 0; k < b.size(); ++k) {
        if (b.ended[k]) {
            ++ended;
            CHECK(b.cause[k] != EndCause::censored);
            by_funding += b.cause[k] == EndCause::funding_cliff ? 1 : 0;
        }
    }
    REQUIRE(ended > 0);
    const auto share = proportion(by_funding, ended);
    report("R3 baseline", "share of endings attributed to the funding cliff", share);
    // HCAP: of the coalitions that stopped, about two thirds for funding or organisational
    // reasons. The cliff alone must be a substantial part of that, not all of it.
    CHECK(share.lower > 0.2);
    CHECK(share.upper < 0.9);
}
