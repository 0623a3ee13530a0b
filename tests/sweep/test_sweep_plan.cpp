// The expansion of a design into runs: numbering, seeds, factor values, and that any single run
// can be re-run alone with the same result.
#include <catch2/catch.hpp>

#include "regiosim/core/simulation.hpp"
#include "regiosim/experiment/run_block.hpp"
#include "regiosim/experiment/sweep_plan.hpp"
#include "sweep_fixtures.hpp"

namespace regiosim {

namespace {

LoadedExperiment load_text(const std::string& name, const std::string& text) {
    const auto folder = test::scratch_folder(name);
    return load_experiment(test::write_file(folder, name + ".toml", text));
}

const std::string two_factors =
    "[[factors]]\nkey = \"model.key_figure.turnover\"\nname = \"turnover\"\nmin = 0.05\n"
    "max = 0.3\nlevels = 3\n"
    "[[factors]]\nkey = \"scenario.horizon_years\"\nname = \"horizon\"\nmin = 5\nmax = 15\n"
    "integer = true\nlevels = 2\n";

}  // namespace

TEST_CASE("run ids and coordinates are inverse", "[sweep]") {
    const auto e =
        load_text("plan-ids", test::small_experiment("ids", "full_factorial", 7, two_factors));
    const SweepPlan plan = make_sweep_plan(e.spec);
    REQUIRE(plan.points() == 6);
    REQUIRE(plan.runs() == 6 * 2 * 7);
    for (std::int64_t id = 0; id < plan.runs(); ++id) {
        const auto c = plan.coordinates(id);
        CHECK(plan.run_id(c) == id);
        CHECK(c.replicate < 7);
        CHECK(c.arm < 2);
    }
}

TEST_CASE("factor values stay in range; integer factors are whole numbers", "[sweep]") {
    const auto e =
        load_text("plan-lhs", test::small_experiment("lhs", "latin_hypercube", 1,
                                                     "[design]\npoints = 50\n" + two_factors));
    const SweepPlan plan = make_sweep_plan(e.spec);
    REQUIRE(plan.points() == 50);
    for (Eigen::Index r = 0; r < plan.factor_values.rows(); ++r) {
        CHECK(plan.factor_values(r, 0) >= 0.05);
        CHECK(plan.factor_values(r, 0) <= 0.3);
        const double horizon = plan.factor_values(r, 1);
        CHECK(horizon == std::round(horizon));
        CHECK(horizon >= 5);
        CHECK(horizon <= 15);
    }
}

TEST_CASE("random numbers are shared as the experiment says", "[sweep]") {
    auto e =
        load_text("plan-seeds", test::small_experiment("seeds", "full_factorial", 2, two_factors));
    const SweepPlan common = make_sweep_plan(e.spec);
    CHECK(common.run_seed(3, 0) == common.run_seed(3, 1));
    CHECK(common.run_seed(3, 0) == common.run_seed(4, 0));
    e.spec.random_numbers = RandomNumbers::common_across_arms;
    const SweepPlan per_point = make_sweep_plan(e.spec);
    CHECK(per_point.run_seed(3, 0) == per_point.run_seed(3, 1));
    CHECK(per_point.run_seed(3, 0) != per_point.run_seed(4, 0));
    e.spec.random_numbers = RandomNumbers::independent;
    const SweepPlan independent = make_sweep_plan(e.spec);
    CHECK(independent.run_seed(3, 0) != independent.run_seed(3, 1));
    CHECK(independent.run_seed(3, 0) != independent.run_seed(4, 0));
}

TEST_CASE("each design has the number of points its definition gives", "[sweep]") {
    const std::string f3 =
        two_factors + "[[factors]]\nkey = \"model.trust.build_rate\"\nmin = 0.05\nmax = 0.2\n";
    struct Case {
        const char* design;
        const char* extra;
        std::int64_t points;
    };
    for (const Case c : {Case{"full_factorial", "", 3 * 2 * 3},
                         Case{"sobol", "[design]\nbase_samples = 16\n", 16 * (3 + 2)},
                         Case{"morris", "[design]\ntrajectories = 5\n", 5 * (3 + 1)},
                         Case{"one_at_a_time", "", 1 + 3 * 3}}) {
        INFO(c.design);
        const auto e = load_text(std::string("plan-") + c.design,
                                 test::small_experiment(c.design, c.design, 1, c.extra + f3));
        const SweepPlan plan = make_sweep_plan(e.spec);
        CHECK(plan.points() == c.points);
        CHECK(design_point_count(e.spec) == c.points);
    }
}

TEST_CASE("a varied horizon reaches the runs", "[sweep]") {
    const auto e = load_text("plan-horizon",
                             test::small_experiment("horizon", "full_factorial", 20, two_factors));
    const SweepPlan plan = make_sweep_plan(e.spec);
    RunTable table;
    run_sweep_block(plan, e.scenario, 0, plan.runs(), table);
    for (std::size_t i = 0; i < table.runs.size(); ++i) {
        const double horizon_years = table.runs.factors[1][i];
        CHECK(table.runs.months_survived[i] <= horizon_years * 12);
        if (table.runs.event[i] == 0) {
            CHECK(table.runs.months_survived[i] == horizon_years * 12);
        }
    }
}

TEST_CASE("any run of a sweep re-runs alone to the same result", "[sweep]") {
    const auto e =
        load_text("plan-rerun", test::small_experiment("rerun", "full_factorial", 5, two_factors));
    const SweepPlan plan = make_sweep_plan(e.spec);
    RunTable table;
    run_sweep_block(plan, e.scenario, 0, plan.runs(), table);
    for (const std::int64_t id : {std::int64_t{0}, std::int64_t{13}, plan.runs() - 1}) {
        const auto c = plan.coordinates(id);
        const Scenario scenario = e.scenario.resolve(plan.overrides(c.point));
        const Arm* arm = scenario.find_arm(plan.spec.arms[static_cast<std::size_t>(c.arm)]);
        Simulation simulation(scenario, *arm);
        const auto& result = simulation.run(table.runs.seed[static_cast<std::size_t>(id)],
                                            static_cast<std::uint64_t>(c.replicate));
        const auto row = static_cast<std::size_t>(id);
        CHECK(result.months_survived == table.runs.months_survived[row]);
        CHECK(static_cast<int>(result.cause) == table.runs.cause[row]);
        CHECK(result.total_cost == table.runs.cost[row]);
        CHECK(result.cumulative_results == table.runs.cumulative_results[row]);
    }
}

TEST_CASE("a block's rows do not depend on where the block starts", "[sweep]") {
    const auto e = load_text("plan-blocks",
                             test::small_experiment("blocks", "full_factorial", 4, two_factors));
    const SweepPlan plan = make_sweep_plan(e.spec);
    RunTable whole;
    run_sweep_block(plan, e.scenario, 0, plan.runs(), whole);
    RunTable part;
    run_sweep_block(plan, e.scenario, 9, 30, part);
    REQUIRE(part.runs.size() == 21);
    for (std::size_t i = 0; i < part.runs.size(); ++i) {
        CHECK(part.runs.months_survived[i] == whole.runs.months_survived[i + 9]);
        CHECK(part.runs.cost[i] == whole.runs.cost[i + 9]);
    }
}

TEST_CASE("a design too large to hold is refused before it is allocated", "[sweep]") {
    // Within the per-key limits (64 factors, 10^7 Sobol base samples, 10^6 Morris
    // trajectories), these designs would need 10 GiB to 1 TiB: make_sweep_plan must say so
    // with the limit (design::DesignError, exit 65), not end in bad_alloc (exit 70) or the
    // out-of-memory killer. sweep_size tells the same from the counts alone.
    ExperimentSpec spec;
    spec.name = "huge";
    spec.arms = {"baseline"};
    for (int j = 0; j < ExperimentLimits::max_factors; ++j) {
        FactorSpec f;
        f.name = "f" + std::to_string(j);
        f.key_path = "model.trust.build_rate";
        spec.factors.push_back(f);
    }
    const auto k = static_cast<std::int64_t>(spec.factors.size());
    for (const auto& [design, points] :
         {std::pair{DesignKind::latin_hypercube, std::int64_t{10'000'000}},
          std::pair{DesignKind::sobol, std::int64_t{10'000'000} * (k + 2)},
          std::pair{DesignKind::morris, std::int64_t{1'000'000} * (k + 1)}}) {
        spec.design = design;
        spec.points = 10'000'000;
        spec.base_samples = 10'000'000;
        spec.trajectories = 1'000'000;
        spec.morris_levels = 4;
        INFO(to_string(design));
        const SweepSize size = sweep_size(spec);
        CHECK(size.points == points);
        CHECK(size.runs == points);
        CHECK(size.design_bytes > max_design_bytes);
        try {
            (void)make_sweep_plan(spec);
            FAIL("a design of " << size.design_bytes << " bytes was expanded");
        } catch (const Error& e) {
            CHECK(e.exit_code() == ExitCode::data);
            CHECK_THAT(e.what(), Catch::Contains("GiB") && Catch::Contains("valid"));
        }
    }
    // A design well inside the limit is expanded as before.
    spec.design = DesignKind::latin_hypercube;
    spec.points = 100;
    CHECK(make_sweep_plan(spec).points() == 100);
}

}  // namespace regiosim
