#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "regiosim/core/errors.hpp"
#include "regiosim/core/simulation.hpp"
#include "regiosim/results/run_json.hpp"
#include "regiosim/results/story.hpp"
#include "regiosim/scenario/loader.hpp"

namespace regiosim::cli {

namespace {

struct RunOptions {
    std::string scenario;
    std::string arm = "baseline";
    std::uint64_t seed = 0;
    bool seed_given = false;
    std::uint64_t run_index = 0;
    bool json = false;
};

void print_text(const RunResult& r, const Scenario& scenario, const Arm& arm,
                const std::vector<InterventionSpec>& interventions, std::uint64_t seed,
                std::uint64_t run_index) {
    fmt::print("scenario {} · arm {} · seed {} · run {}\n", scenario.name, arm.name, seed,
               run_index);
    if (r.ended) {
        fmt::print("ended after {} months ({:.1f} years): {}\n", r.months_survived,
                   r.months_survived / 12.0, to_string(r.cause));
    } else {
        fmt::print("still running at the horizon ({} months): censored\n", r.months_survived);
    }
    if (r.month_self_sustaining >= 0) {
        fmt::print("became self-sustaining in month {}\n", r.month_self_sustaining);
    }
    fmt::print("total cost of interventions: {:.1f} k€\n\n", r.total_cost);
    fmt::print("{:>4} {:>7} {:>6} {:>10} {:>9} {:>9} {:>8} {:>8}  {}\n", "year", "active", "trust",
               "commitment", "results", "intention", "conflict", "funding", "phase");
    for (const auto& y : r.years) {
        fmt::print("{:>4} {:>7} {:>6.2f} {:>10.2f} {:>9.1f} {:>9.2f} {:>8.2f} {:>8.1f}  {}\n",
                   y.year, y.active_partners, y.mean_trust, y.mean_commitment, y.cumulative_results,
                   y.intention, y.conflict, y.funding, to_string(y.phase));
    }
    fmt::print("\nwhat happened:\n");
    for (const auto& line : tell_story(r, scenario, interventions)) {
        fmt::print("  {}\n", line);
    }
}

}  // namespace

Command add_run_command(CLI::App& app) {
    auto options = std::make_shared<RunOptions>();
    auto* sub = app.add_subcommand("run", "Run one simulation of a scenario and tell its story");
    sub->add_option("scenario", options->scenario, "Scenario file (TOML)")->required();
    sub->add_option("--arm", options->arm, "Arm to run (default: baseline)");
    sub->add_option("--seed", options->seed, "Seed (default: the scenario's)")
        ->each([options](const std::string&) { options->seed_given = true; });
    sub->add_option("--run-index", options->run_index, "Replicate index (default 0)");
    sub->add_flag("--json", options->json, "Print JSON instead of text");
    return {sub, [options]() {
                const auto scenario = load_scenario(options->scenario);
                const Arm* arm = scenario.find_arm(options->arm);
                if (arm == nullptr) {
                    std::string valid;
                    for (const auto& a : scenario.arms) {
                        valid += (valid.empty() ? "" : ", ") + a.name;
                    }
                    throw UsageError(fmt::format("{}: no arm named '{}'; valid arms: {}",
                                                 options->scenario, options->arm, valid));
                }
                const std::uint64_t seed = options->seed_given ? options->seed : scenario.seed;
                Simulation sim(scenario, *arm);
                const auto& result = sim.run(seed, options->run_index);
                if (options->json) {
                    std::cout << run_to_json(result, scenario, *arm, sim.interventions(), seed,
                                             options->run_index)
                                     .dump(2)
                              << '\n';
                } else {
                    print_text(result, scenario, *arm, sim.interventions(), seed,
                               options->run_index);
                }
                return 0;
            }};
}

}  // namespace regiosim::cli
