// The reflection tool (seed 002) turns a region's 22 scores into its starting state (docs/ODD.md
// §6). If the tool measures what it claims to, a region that scores itself higher should, all
// else equal, collaborate longer. Same region (scenarios/reference.toml), same seed, same runs:
// only the answers differ, so common random numbers make the comparison sharp.

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <string>

#include "calibration_support.hpp"
#include "regiosim/scenario/loader.hpp"
#include "stylized_support.hpp"

using namespace regiosim;
using namespace regiosim::stylized;

namespace {

constexpr int runs = 600;
constexpr double horizon_months = 180.0;

// Three participants who give every one of the 22 questions the same score.
std::string answers_all(int score) {
    const std::string s = std::to_string(score);
    const std::string four = "[" + s + ", " + s + ", " + s + ", " + s + "]";
    const std::string three = "[" + s + ", " + s + ", " + s + "]";
    std::string text;
    for (int participant = 1; participant <= 3; ++participant) {
        text += "\n[[reflection.participants]]\nname = \"participant " +
                std::to_string(participant) + "\"\nvisie_en_ambitie = " + four +
                "\nrelatie = " + four + "\nbetrokken_partners = " + four +
                "\ndaadkracht = " + three + "\ninspiratie = " + four + "\nmonitoring = " + three +
                "\n";
    }
    return text;
}

Scenario reference_with_answers(int score) {
    const std::string text =
        calibration::source_file_text("scenarios/reference.toml") + answers_all(score);
    return load_scenario_from_string(text, "reference.toml + answers all " + std::to_string(score),
                                     std::filesystem::path(REGIOSIM_SOURCE_DIR) / "scenarios");
}

}  // namespace

TEST_CASE("higher reflection-tool scores lead to longer survival", "[stylized][reflection]") {
    const Scenario low = reference_with_answers(2);
    const Scenario high = reference_with_answers(4);
    // The answers must reach the starting state, or the comparison below proves nothing.
    REQUIRE(high.model.trust_initial > low.model.trust_initial);
    REQUIRE(high.model.intention_initial > low.model.intention_initial);
    REQUIRE(high.model.output_self_organised_action > low.model.output_self_organised_action);

    // The baseline (no interventions), where the starting state matters most; and the
    // coordinator arm, so the effect is not an artefact of the bare baseline.
    for (const std::string arm : {"baseline", "coordinator"}) {
        INFO("arm " << arm);
        const auto l = run_arm(low, arm, runs);
        const auto h = run_arm(high, arm, runs);
        const auto gain = rmst_difference_years(h, l, horizon_months);
        report("reflection (" + arm + ")", "RMST, all answers 4 − all answers 2 (years)", gain);
        const auto ml = calibration::median_years(l);
        const auto mh = calibration::median_years(h);
        report("reflection (" + arm + ")", "median years, all answers 2", ml);
        report("reflection (" + arm + ")", "median years, all answers 4", mh);
        // 95 % interval of the restricted-mean difference excludes zero.
        CHECK(gain.above_zero());
        // And the median moves the same way (a median not reached within the horizon is NaN,
        // which counts as longer than any reached one).
        CHECK((std::isnan(mh.estimate) || mh.estimate > ml.estimate));
        CHECK_FALSE(std::isnan(ml.estimate));
    }
}
