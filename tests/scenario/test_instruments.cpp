// The SIM model and the reflection tool as inputs: the documented mappings, explicit keys
// winning, clamping, order, and the answers file.

#include <catch2/catch.hpp>
#include <cmath>

#include "regiosim/scenario/loader.hpp"
#include "regiosim/scenario/reflection_tool.hpp"
#include "regiosim/scenario/sim_factors.hpp"
#include "scenario_fixtures.hpp"

using namespace regiosim;

namespace {

const ModelParameters defaults{};

// minimal_text partners: [0] Da Vinci College (mbo, utilitair), [1] Gemeente Leiden
// (municipality, overstijgend).
Scenario with_sim(std::string_view factors, std::string_view extra = "") {
    return test::load_text(test::minimal_text() + std::string(extra) + "\n[sim_factors]\n" +
                           std::string(factors))
        .scenario;
}

const std::string example_participant = test::example_participant();

}  // namespace

TEST_CASE("SIM factors change the documented values", "[scenario]") {
    SECTION("rollen_en_taken_duidelijk") {
        CHECK(with_sim("rollen_en_taken_duidelijk = true").model.conflict_growth ==
              defaults.conflict_growth * 0.6);
        CHECK(with_sim("rollen_en_taken_duidelijk = false").model.conflict_growth ==
              defaults.conflict_growth * 1.3);
    }
    SECTION("financien_geregeld and bestaande_structuren set the context") {
        const Scenario yes = with_sim("financien_geregeld = true\nbestaande_structuren = true");
        CHECK(yes.context.money_settled);
        CHECK(yes.context.existing_structure);
        const Scenario no = with_sim("financien_geregeld = false\nbestaande_structuren = false",
                                     "[context]\nmoney_settled = true\n");
        CHECK(no.context.money_settled);  // explicit key wins
        CHECK_FALSE(no.context.existing_structure);
    }
    SECTION("projectmatige_aanpak") {
        CHECK(with_sim("projectmatige_aanpak = true").model.output_self_organised_action ==
              defaults.output_self_organised_action + 0.15);
        CHECK(with_sim("projectmatige_aanpak = false").model.output_self_organised_action ==
              defaults.output_self_organised_action - 0.1);
    }
    SECTION("win_win shifts default alignment, explicit alignment wins") {
        const Scenario s = with_sim("win_win = true", "alignment = 0.2\n");
        CHECK(s.partners[0].alignment == defaults.initial_alignment_utilitair + 0.15);
        CHECK(s.partners[1].alignment == 0.2);
        CHECK(with_sim("win_win = false").partners[0].alignment ==
              defaults.initial_alignment_utilitair - 0.1);
    }
    SECTION("kartrekkers_bij_alle_partijen") {
        const Scenario s = with_sim("kartrekkers_bij_alle_partijen = true", "kartrekker = false\n");
        CHECK(s.partners[0].kartrekker);
        CHECK_FALSE(s.partners[1].kartrekker);
        CHECK_FALSE(with_sim("kartrekkers_bij_alle_partijen = false").partners[0].kartrekker);
    }
    SECTION("ervaring_en_expertise, clamped to 1") {
        CHECK(with_sim("ervaring_en_expertise = true").partners[0].expertise ==
              defaults.initial_expertise + 0.25);
        CHECK(with_sim("ervaring_en_expertise = false").partners[0].expertise ==
              defaults.initial_expertise - 0.1);
        CHECK(with_sim("ervaring_en_expertise = true", "[model.initial]\nexpertise = 0.9\n")
                  .partners[0]
                  .expertise == 1.0);
    }
    SECTION("begeleiding_leerlingen") {
        CHECK(with_sim("begeleiding_leerlingen = true").model.success_scale ==
              defaults.success_scale * 0.8);
        CHECK(with_sim("begeleiding_leerlingen = false").model.success_scale ==
              defaults.success_scale * 1.2);
    }
    SECTION("vertrouwen_en_gelijkwaardigheid, explicit parameter wins") {
        CHECK(with_sim("vertrouwen_en_gelijkwaardigheid = true").model.trust_initial ==
              defaults.trust_initial + 0.15);
        CHECK(with_sim("vertrouwen_en_gelijkwaardigheid = false").model.trust_initial ==
              defaults.trust_initial - 0.1);
        CHECK(with_sim("vertrouwen_en_gelijkwaardigheid = true", "[model.trust]\ninitial = 0.2\n")
                  .model.trust_initial == 0.2);
    }
    SECTION("betrokkenheid_en_enthousiasme and actieve_benadering_stagebieders") {
        const std::string company =
            "[[partners]]\nname = \"Bedrijf\"\ntype = \"company\"\n"
            "style = \"defensief\"\n";
        const Scenario s =
            with_sim("betrokkenheid_en_enthousiasme = true\nactieve_benadering_stagebieders = true",
                     company);
        CHECK(s.partners[0].commitment == defaults.initial_commitment_utilitair + 0.15);
        CHECK(s.partners[2].commitment == defaults.initial_commitment_defensief + 0.15 + 0.1);
        CHECK(with_sim("betrokkenheid_en_enthousiasme = false").partners[1].commitment ==
              defaults.initial_commitment_overstijgend - 0.1);
        CHECK(with_sim("actieve_benadering_stagebieders = false", company).partners[2].commitment ==
              defaults.initial_commitment_defensief);
    }
    SECTION("convenant adds a covenant unless there is one") {
        const Scenario s = with_sim("convenant = true");
        REQUIRE(s.interventions.size() == 1);
        const InterventionSpec& c = s.interventions[0];
        CHECK(c.name == "covenant");
        CHECK(c.kind == InterventionKind::covenant);
        CHECK(c.term_months == 24);
        CHECK(c.renew);
        CHECK(c.start_month == 0);
        const Scenario own = with_sim("convenant = true",
                                      "[[interventions]]\nkind = \"covenant\"\n"
                                      "term_months = 12\n");
        REQUIRE(own.interventions.size() == 1);
        CHECK(own.interventions[0].term_months == 12);
        CHECK(with_sim("convenant = false").interventions.empty());
    }
    SECTION("logische_omvang and digitale_ondersteuning") {
        CHECK(with_sim("logische_omvang = true").model.size_complexity ==
              defaults.size_complexity * 0.5);
        CHECK(with_sim("logische_omvang = false").model.size_complexity ==
              defaults.size_complexity * 1.5);
        CHECK(with_sim("digitale_ondersteuning = true").model.trust_observation_rate ==
              defaults.trust_observation_rate * 1.3);
        CHECK(with_sim("digitale_ondersteuning = false").model.trust_observation_rate ==
              defaults.trust_observation_rate * 0.85);
    }
}

TEST_CASE("SIM factor problems are diagnosed", "[scenario]") {
    const auto d = test::diagnostics_of(test::minimal_text() +
                                        "[sim_factors]\nwin_wim = true\nconvenant = \"yes\"\n");
    INFO(test::describe(d));
    REQUIRE(d.size() == 2);
    CHECK(d[0].key_path == "sim_factors.win_wim");
    CHECK(d[0].problem == "unknown SIM factor `win_wim` (did you mean `win_win`?)");
    CHECK(d[1].key_path == "sim_factors.convenant");
    CHECK(d[1].problem == "expected a boolean, got a string");
}

TEST_CASE("reflection scores map to the documented starting values", "[scenario]") {
    const Scenario s = test::load_text(test::minimal_text() + example_participant).scenario;
    const double u_visie = (3.5 - 1) / 4;
    const double u_relatie = (2.75 - 1) / 4;
    const double u_daad = (8.0 / 3 - 1) / 4;
    const double u_inspiratie = (2.75 - 1) / 4;
    CHECK(s.model.intention_initial == Approx(0.2 + 0.6 * u_visie).epsilon(1e-12));
    CHECK(s.model.intention_initial == Approx(0.575));
    CHECK(s.model.trust_initial == Approx(0.15 + 0.5 * u_relatie).epsilon(1e-12));
    CHECK(s.model.output_self_organised_action == Approx(0.35 + 0.5 * u_daad).epsilon(1e-12));
    CHECK(s.model.monitoring_lag_without == 5.0);  // round(6 − 5/6)
    CHECK(s.partners[0].alignment ==
          Approx(defaults.initial_alignment_utilitair + 0.2 * (u_visie - 0.5)).epsilon(1e-12));
    CHECK(s.partners[0].commitment == Approx(defaults.initial_commitment_utilitair));  // u = 0.5
    CHECK(s.partners[0].expertise ==
          Approx(defaults.initial_expertise + 0.3 * (u_inspiratie - 0.5)).epsilon(1e-12));
}

TEST_CASE("reflection: explicit keys win, extremes clamp, unscored themes do nothing",
          "[scenario]") {
    SECTION("explicit keys") {
        const Scenario s = test::load_text(test::minimal_text() + "alignment = 0.1\n" +
                                           "[model.trust]\ninitial = 0.9\n" + example_participant)
                               .scenario;
        CHECK(s.model.trust_initial == 0.9);
        CHECK(s.partners[1].alignment == 0.1);
    }
    SECTION("all ones and all fives") {
        const Scenario low = test::load_text(test::minimal_text() + R"(
[[reflection.participants]]
monitoring = [1, 1, 1]
visie_en_ambitie = [1, 1, 1, 1]
)")
                                 .scenario;
        CHECK(low.model.monitoring_lag_without == 6.0);
        CHECK(low.model.intention_initial == 0.2);
        const Scenario high = test::load_text(test::minimal_text() + R"(
[[reflection.participants]]
monitoring = [5, 5, 5]
visie_en_ambitie = [5, 5, 5, 5]
)")
                                  .scenario;
        CHECK(high.model.monitoring_lag_without == 1.0);
        CHECK(high.model.intention_initial == Approx(0.8));
        CHECK(high.partners[1].alignment ==
              std::min(1.0, defaults.initial_alignment_overstijgend + 0.1));
        CHECK(high.model.trust_initial == defaults.trust_initial);  // relatie not scored
    }
    SECTION("the mean runs over participants and questions") {
        ReflectionScores scores;
        scores.participants.resize(2);
        scores.participants[0].scores[1] = {5, 5, 5, 5};
        scores.participants[1].scores[1] = {1, 1, 1, 2};
        const auto means = scores.theme_means();
        REQUIRE(means[1].has_value());
        CHECK(*means[1] == 25.0 / 8);
        CHECK_FALSE(means[0].has_value());
    }
}

TEST_CASE("SIM factors apply before the reflection tool", "[scenario]") {
    const Scenario s = test::load_text(test::minimal_text() + example_participant +
                                       "[sim_factors]\nvertrouwen_en_gelijkwaardigheid = true\n"
                                       "win_win = true\n")
                           .scenario;
    // trust.initial: the reflection tool sets it after the SIM factor added to it.
    CHECK(s.model.trust_initial == Approx(0.15 + 0.5 * (2.75 - 1) / 4).epsilon(1e-12));
    // alignment: both shifts add up.
    CHECK(s.partners[0].alignment ==
          Approx(defaults.initial_alignment_utilitair + 0.15 + 0.2 * ((3.5 - 1) / 4 - 0.5))
              .epsilon(1e-12));
}

TEST_CASE("the answers file and the report", "[scenario]") {
    const auto path = std::filesystem::path(REGIOSIM_SOURCE_DIR) /
                      "scenarios/instruments/reflection-example.toml";
    const ReflectionScores scores = load_reflection_answers(path);
    CHECK(scores.participants.size() >= 3);
    for (const auto& mean : scores.theme_means()) {
        CHECK(mean.has_value());
    }
    const std::string report = reflect_report(scores, defaults);
    CHECK(report.find("Visie en ambitie") != std::string::npos);
    CHECK(report.find("intention.initial") != std::string::npos);
    CHECK(report.find("monitoring.lag_without") != std::string::npos);

    const ReflectionScores one =
        load_reflection_answers_from_string(example_participant, "answers.toml");
    const std::string one_report = reflect_report(one, defaults);
    INFO(one_report);
    CHECK(one_report.find("3.50") != std::string::npos);
    CHECK(one_report.find("0.575") != std::string::npos);
    CHECK(one_report.find("5.000") != std::string::npos);
}

TEST_CASE("answers file problems", "[scenario]") {
    auto diagnostics = [](std::string_view text) {
        try {
            (void)load_reflection_answers_from_string(text, "answers.toml");
        } catch (const DataError& error) {
            return error.diagnostics();
        }
        return std::vector<Diagnostic>{};
    };
    const auto d = diagnostics(R"([[reflection.participants]]
relatie = [3, 3, 2]
monitoring = [2, 6, 1]
relatei = [1, 1, 1, 1]
daadkracht = "high"
)");
    INFO(test::describe(d));
    REQUIRE(d.size() == 4);
    CHECK(d[0].key_path == "reflection.participants[0].relatie");
    CHECK(d[0].problem == "3 scores, but Relatie has 4 questions");
    CHECK(d[1].key_path == "reflection.participants[0].monitoring[1]");
    CHECK(d[1].where.line == 3);
    CHECK(d[2].key_path == "reflection.participants[0].relatei");
    CHECK(d[2].problem.find("did you mean `relatie`?") != std::string::npos);
    CHECK(d[3].key_path == "reflection.participants[0].daadkracht");
    CHECK(diagnostics("[scenario]\nname = \"x\"\n")[0].problem ==
          "no reflection scores in this file");
    CHECK(diagnostics("[[reflection.participants]]\nname = \"only a name\"\n")[0].problem ==
          "the participant scored no theme");
}
