// `analyze` on real sweeps: the identities survival statistics must satisfy, sensitivity indices
// that are exactly zero (or, for sampled designs, small) for a factor the arm never reads, and
// clear errors on bad files.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "../sweep/sweep_fixtures.hpp"
#include "regiosim/analyze/results_analysis.hpp"
#include "regiosim/sweep/sweep_runner.hpp"
#include "results_file_edits.hpp"

namespace regiosim {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path sweep_to_file(const std::string& name, const std::string& design, int replications,
                       const std::string& more, const std::string& arms = "") {
    return test::small_results_file(name, design, replications, more, arms);
}

// The baseline reads no coordinator parameter: varying one cannot change any of its runs.
const std::string inert_and_live_factors =
    "[[factors]]\nkey = \"model.key_figure.turnover\"\nname = \"turnover\"\nmin = 0.05\n"
    "max = 0.4\n"
    "[[factors]]\nkey = \"model.coordinator.crowding\"\nname = \"crowding\"\nmin = 0.0\n"
    "max = 0.7\n";

}  // namespace

TEST_CASE("survival curves, incidence and fan bands satisfy their identities", "[analyze]") {
    const auto file = sweep_to_file("analyze-identities", "replications", 300, "");
    const json a = analyse_results(file);
    REQUIRE(a.at("arms").size() == 2);
    CHECK(a.at("arms")[0].at("arm") == "baseline");
    CHECK(a.at("summary").size() == 2);
    for (const auto& km : a.at("kaplan_meier")) {
        const auto& s = km.at("survival");
        CHECK(s[0] == 1.0);
        for (std::size_t i = 1; i < s.size(); ++i) {
            CHECK(s[i].get<double>() <= s[i - 1].get<double>());
        }
        CHECK(km.at("at_risk")[0] == 300);
    }
    // Every run ends of one cause or is censored at the horizon, so at the horizon the
    // incidences of all causes and the survival add up to one (Aalen–Johansen identity).
    for (const auto& km : a.at("kaplan_meier")) {
        const std::string arm = km.at("arm");
        double total = km.at("survival").back().get<double>();
        for (const auto& ci : a.at("cumulative_incidence")) {
            if (ci.at("arm") == arm) {
                total += ci.at("incidence").back().get<double>();
            }
        }
        CHECK(total == Approx(1.0).margin(1e-12));
    }
    REQUIRE_FALSE(a.at("fan_charts").empty());
    for (const auto& f : a.at("fan_charts")) {
        for (std::size_t y = 0; y < f.at("year").size(); ++y) {
            if (f.at("q10")[y].is_null()) {
                continue;
            }
            CHECK(f.at("q10")[y].get<double>() <= f.at("q25")[y].get<double>());
            CHECK(f.at("q25")[y].get<double>() <= f.at("q50")[y].get<double>());
            CHECK(f.at("q50")[y].get<double>() <= f.at("q75")[y].get<double>());
            CHECK(f.at("q75")[y].get<double>() <= f.at("q90")[y].get<double>());
        }
    }
    CHECK(a.at("parameters").size() > 100);
    CHECK(a.at("sensitivity").is_null());
    // The coordinator arm against the baseline: with 300 runs each the log-rank test (1 df for
    // two groups) sees the difference the what-if table reports, and the Cox model's
    // proportional-hazards test gives a p-value.
    REQUIRE(a.at("arm_tests").size() == 1);
    const auto& t = a.at("arm_tests")[0];
    INFO(t.dump());
    CHECK(t.at("arm") == "coordinator");
    CHECK(t.at("logrank_df") == 1);
    CHECK(t.at("logrank_p_value").get<double>() < 1e-3);
    CHECK(t.at("ph_df") == 1);
    CHECK(t.at("ph_p_value").get<double>() >= 0.0);
    CHECK(t.at("ph_p_value").get<double>() <= 1.0);
    // Log-rank and Cox Wald tests of one binary covariate agree closely in large samples.
    const double z = std::log(a.at("arms")[1].at("hazard_ratio").at("estimate").get<double>()) /
                     ((std::log(a.at("arms")[1].at("hazard_ratio").at("upper").get<double>()) -
                       std::log(a.at("arms")[1].at("hazard_ratio").at("lower").get<double>())) /
                      (2 * 1.959963984540054));
    CHECK(t.at("logrank_chisq").get<double>() == Approx(z * z).epsilon(0.2));
}

TEST_CASE("Sobol indices are zero for a factor the arm never reads and large for turnover",
          "[analyze]") {
    const auto file = sweep_to_file("analyze-sobol", "sobol", 4,
                                    "[design]\nbase_samples = 64\n" + inert_and_live_factors,
                                    "arms = [\"baseline\"]");
    const json s = analyse_results(file).at("sensitivity");
    REQUIRE(s.at("method") == "sobol");
    for (const auto& row : s.at("rows")) {
        INFO(row.dump());
        if (row.at("factor") == "crowding") {
            // f(AB_i) equals f(A) run for run: both estimators are exactly zero.
            CHECK(row.at("first_order").get<double>() == 0.0);
            CHECK(row.at("total_order").get<double>() == 0.0);
        } else {
            CHECK(row.at("total_order").get<double>() > 0.1);
        }
    }
}

TEST_CASE("Morris effects are zero for an inert factor", "[analyze]") {
    const auto file = sweep_to_file("analyze-morris", "morris", 4,
                                    "[design]\ntrajectories = 10\n" + inert_and_live_factors,
                                    "arms = [\"baseline\"]");
    const json s = analyse_results(file).at("sensitivity");
    REQUIRE(s.at("method") == "morris");
    for (const auto& row : s.at("rows")) {
        INFO(row.dump());
        CHECK(row.at("effects") == 10);
        if (row.at("factor") == "crowding") {
            CHECK(row.at("mu_star").get<double>() == 0.0);
        } else {
            CHECK(row.at("mu_star").get<double>() > 0.0);
        }
    }
}

TEST_CASE("a Latin hypercube ranks turnover far above a factor the arm never reads",
          "[analyze][prcc]") {
    // 80 points, 10 replicates each, common random numbers: the baseline's outcome is a
    // function of turnover alone, so crowding's partial rank correlation is only the chance
    // pairing of the hypercube's columns, while turnover, which ends collaborations by taking
    // their key figures away, has a strong negative one.
    const int points = 80;
    const auto file = sweep_to_file(
        "analyze-lhs", "latin_hypercube", 10,
        "[design]\npoints = " + std::to_string(points) + "\n" + inert_and_live_factors,
        "arms = [\"baseline\"]");
    const json s = analyse_results(file).at("sensitivity");
    INFO(s.dump(1));
    REQUIRE(s.at("method") == "prcc");
    CHECK(s.at("points") == points);
    REQUIRE(s.at("rows").size() == 2);  // one per factor
    CHECK_FALSE(s.contains("main_effects"));
    json turnover;
    json crowding;
    for (const auto& row : s.at("rows")) {
        CHECK(row.at("arm") == "baseline");
        for (const char* key : {"prcc", "prcc_lower", "prcc_upper"}) {
            CHECK(row.at(key).get<double>() >= -1.0);
            CHECK(row.at(key).get<double>() <= 1.0);
        }
        // Over 15 years nearly every baseline collaboration ends: where none is alive at the
        // horizon at any point, the second outcome has no coefficients and a note says why.
        if (row.at("alive_prcc").is_null()) {
            CHECK_FALSE(s.at("notes").empty());
        } else {
            CHECK(std::abs(row.at("alive_prcc").get<double>()) <= 1.0);
        }
        CHECK(row.at("prcc_lower").get<double>() <= row.at("prcc").get<double>());
        CHECK(row.at("prcc").get<double>() <= row.at("prcc_upper").get<double>());
        (row.at("factor") == "turnover" ? turnover : crowding) = row;
    }
    REQUIRE(turnover.is_object());
    REQUIRE(crowding.is_object());
    const double live = turnover.at("prcc").get<double>();
    const double inert = crowding.at("prcc").get<double>();
    CHECK(live < -0.6);
    CHECK(turnover.at("prcc_upper").get<double>() < 0.0);
    CHECK(turnover.at("prcc_p_value").get<double>() < 0.001);
    // A chance correlation over `points` pairs (one partialled out) has a standard error of about
    // 1/√(points − 3): the inert factor stays within 3.29 of them (two-sided 99.9 %).
    CHECK(std::abs(inert) < 3.29 / std::sqrt(points - 3.0));
    CHECK(std::abs(live) - std::abs(inert) > 0.4);
}

TEST_CASE("a full factorial gives main effects, identical over the levels of an inert factor",
          "[analyze][prcc]") {
    // 3 turnover levels x 2 crowding levels. Common random numbers make the baseline's runs
    // bit-identical across crowding levels, so both its levels have exactly the same means.
    // Crowding, balanced against every turnover level, then has a PRCC of 0 up to rounding, or
    // none at all when the outcome's ranks are a straight line in turnover's (nothing is left
    // once turnover is partialled out).
    const auto file = sweep_to_file(
        "analyze-factorial", "full_factorial", 20,
        "[[factors]]\nkey = \"model.key_figure.turnover\"\nname = \"turnover\"\nmin = 0.05\n"
        "max = 0.4\nlevels = 3\n"
        "[[factors]]\nkey = \"model.coordinator.crowding\"\nname = \"crowding\"\nmin = 0.0\n"
        "max = 0.7\nlevels = 2\n",
        "arms = [\"baseline\"]");
    const json s = analyse_results(file).at("sensitivity");
    INFO(s.dump(1));
    REQUIRE(s.at("method") == "prcc");
    CHECK(s.at("points") == 6);
    REQUIRE(s.at("rows").size() == 2);
    for (const auto& row : s.at("rows")) {
        if (row.at("factor") == "crowding") {
            for (const char* key : {"prcc", "alive_prcc"}) {
                CHECK((row.at(key).is_null() || std::abs(row.at(key).get<double>()) < 1e-12));
            }
        } else {
            CHECK(row.at("prcc").get<double>() < 0.0);
        }
    }
    const auto& effects = s.at("main_effects");
    REQUIRE(effects.size() == 5);  // 3 turnover levels + 2 crowding levels
    std::vector<json> turnover;
    std::vector<json> crowding;
    for (const auto& e : effects) {
        (e.at("factor") == "turnover" ? turnover : crowding).push_back(e);
    }
    REQUIRE(turnover.size() == 3);
    REQUIRE(crowding.size() == 2);
    for (const auto& e : turnover) {
        CHECK(e.at("points") == 2);
    }
    CHECK(turnover[0].at("value").get<double>() == Approx(0.05));
    CHECK(turnover[2].at("value").get<double>() == Approx(0.4));
    CHECK(crowding[0].at("points") == 3);
    CHECK(crowding[0].at("mean_months") == crowding[1].at("mean_months"));
    CHECK(crowding[0].at("share_alive") == crowding[1].at("share_alive"));
    // Eight times the turnover costs years of collaboration on average.
    CHECK(turnover[0].at("mean_months").get<double>() >
          turnover[2].at("mean_months").get<double>());
}

TEST_CASE("analyze names a file that is not a finished results file", "[analyze]") {
    const auto folder = test::scratch_folder("analyze-bad");
    std::ofstream(folder / "text.h5") << "hello";
    CHECK_THROWS_AS(analyse_results(folder / "text.h5"), DataError);
    CHECK_THROWS_AS(analyse_results(folder / "absent.h5"), MissingInputError);

    const auto file = sweep_to_file("analyze-cut", "replications", 20, "");
    fs::copy_file(file, folder / "cut.h5");
    fs::resize_file(folder / "cut.h5", fs::file_size(file) * 2 / 3);
    try {
        (void)analyse_results(folder / "cut.h5");
        FAIL("a truncated file was analysed");
    } catch (const DataError& e) {
        CHECK_THAT(e.diagnostics().front().to_string(), Catch::Contains("cut.h5"));
    }
}

}  // namespace regiosim
