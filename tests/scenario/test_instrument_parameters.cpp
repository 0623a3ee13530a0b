// The sizes of the SIM-factor and reflection-tool mappings are model parameters
// (`sim_factor.*`, `reflection.*` in parameters.def): a scenario's [model] keys and a sweep's
// overrides change what the instruments do, exactly as docs/scenario-format.md states, while
// explicit keys still win and the registry ranges still hold.

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "regiosim/scenario/loader.hpp"
#include "regiosim/scenario/reflection_tool.hpp"
#include "regiosim/scenario/scenario_template.hpp"
#include "scenario_fixtures.hpp"

using namespace regiosim;

namespace {

const ModelParameters defaults{};

const std::string participant = test::example_participant();

// minimal_text partners: [0] Da Vinci College (mbo, utilitair), [1] Gemeente Leiden
// (municipality, overstijgend). `model` is appended before the instrument sections.
Scenario load(const std::string& model, const std::string& instruments) {
    return test::load_text(test::minimal_text() + model + instruments).scenario;
}

}  // namespace

TEST_CASE("[model.reflection] keys resize the reflection tool's mapping", "[scenario]") {
    const std::string model = R"(
[model.reflection]
intention_at_lowest = 0.3
intention_span = 0.4
alignment_span = 0.6
trust_span = 0.2
monitoring_lag_at_lowest = 10
monitoring_lag_span = 8
)";
    const Scenario changed = load(model, participant);
    const Scenario standard = load("", participant);
    const double u_visie = 0.625;
    const double u_relatie = 0.4375;
    CHECK(changed.model.intention_initial == Approx(0.3 + 0.4 * u_visie).epsilon(1e-12));
    CHECK(standard.model.intention_initial == Approx(0.2 + 0.6 * u_visie).epsilon(1e-12));
    CHECK(changed.model.trust_initial == Approx(0.15 + 0.2 * u_relatie).epsilon(1e-12));
    CHECK(changed.partners[0].alignment ==
          Approx(defaults.initial_alignment_utilitair + 0.6 * (u_visie - 0.5)).epsilon(1e-12));
    // round(10 − 8/6) = 9 instead of round(6 − 5/6) = 5.
    CHECK(changed.model.monitoring_lag_without == 9.0);
    CHECK(standard.model.monitoring_lag_without == 5.0);
    // Parameters left alone keep their documented effect.
    CHECK(changed.model.output_self_organised_action ==
          standard.model.output_self_organised_action);
    CHECK(changed.model.reflection_intention_span == 0.4);
}

TEST_CASE("[model.sim_factor] keys resize the SIM factors' effects", "[scenario]") {
    const std::string factors = R"(
[sim_factors]
rollen_en_taken_duidelijk = true
win_win = false
convenant = true
actieve_benadering_stagebieders = true
)";
    const std::string model = R"(
[model.sim_factor]
clear_roles_conflict_factor = 0.25
no_win_win_alignment_loss = 0.3
covenant_term_months = 36
outreach_commitment_gain = 0.2
)";
    const std::string company =
        "[[partners]]\nname = \"Bedrijf\"\ntype = \"company\"\nstyle = \"defensief\"\n";
    const Scenario s = load(company + model, factors);
    CHECK(s.model.conflict_growth == defaults.conflict_growth * 0.25);
    CHECK(s.partners[0].alignment == defaults.initial_alignment_utilitair - 0.3);
    CHECK(s.partners[2].commitment == defaults.initial_commitment_defensief + 0.2);
    CHECK(s.partners[0].commitment == defaults.initial_commitment_utilitair);  // not a provider
    REQUIRE(s.interventions.size() == 1);
    CHECK(s.interventions[0].term_months == 36);

    const Scenario standard = load(company, factors);
    CHECK(standard.model.conflict_growth == defaults.conflict_growth * 0.6);
    REQUIRE(standard.interventions.size() == 1);
    CHECK(standard.interventions[0].term_months == 24);
}

TEST_CASE("mapping parameters: explicit keys still win, ranges still hold", "[scenario]") {
    SECTION("an explicit target parameter ignores the resized mapping") {
        const Scenario s = load(
            "[model.trust]\ninitial = 0.9\n[model.reflection]\ntrust_span = 0.1\n", participant);
        CHECK(s.model.trust_initial == 0.9);
    }
    SECTION("a factor's direction is part of its admissible range") {
        const auto d = test::diagnostics_of(
            test::minimal_text() + "[model.sim_factor]\nclear_roles_conflict_factor = 1.5\n");
        INFO(test::describe(d));
        const Diagnostic* problem =
            test::find_diagnostic(d, "model.sim_factor.clear_roles_conflict_factor");
        REQUIRE(problem != nullptr);
        CHECK(problem->problem == "1.5 is out of range");
        CHECK(problem->valid.find("0 to 1") != std::string::npos);
    }
    SECTION("a misspelt mapping parameter gets a suggestion") {
        const auto d =
            test::diagnostics_of(test::minimal_text() + "[model.reflection]\ntrust_spam = 0.3\n");
        INFO(test::describe(d));
        REQUIRE(d.size() == 1);
        CHECK(d[0].problem.find("did you mean `trust_span`?") != std::string::npos);
    }
}

TEST_CASE("a sweep override of a mapping parameter re-runs the instruments", "[scenario]") {
    // mas-pilot-2008 states rollen_en_taken_duidelijk = false and leaves conflict.growth unset.
    const ScenarioTemplate pilot(std::filesystem::path(REGIOSIM_SOURCE_DIR) /
                                 "scenarios/mas-pilot-2008.toml");
    CHECK(pilot.base().scenario.model.conflict_growth == defaults.conflict_growth * 1.3);
    const std::vector<ScenarioOverride> overrides{
        {"model.sim_factor.unclear_roles_conflict_factor", 2.0, false, {}}};
    const Scenario swept = pilot.resolve(overrides);
    CHECK(swept.model.conflict_growth == defaults.conflict_growth * 2.0);
    CHECK(swept.model.sim_factor_unclear_roles_conflict_factor == 2.0);
}

TEST_CASE("the reflect report uses the mapping of the model it is given", "[scenario]") {
    const ReflectionScores scores = load_reflection_answers_from_string(participant, "a.toml");
    ModelParameters model;
    model.reflection_intention_at_lowest = 0.1;  // 0.1 + 0.6 · 0.625 = 0.475
    const std::string report = reflect_report(scores, model);
    INFO(report);
    CHECK(report.find("0.475") != std::string::npos);
    CHECK(report.find("0.575") == std::string::npos);
}
