#include <fmt/format.h>

#include <iostream>

#include "commands.hpp"
#include "engine_option.hpp"
#include "number_options.hpp"
#include "regiosim/errors/errors.hpp"
#include "regiosim/experiment/make_engine.hpp"
#include "regiosim/results/run_json.hpp"
#include "regiosim/scenario/loader.hpp"
#include "run_text.hpp"

namespace regiosim::cli {

namespace {

struct RunOptions {
    std::string scenario;
    std::string arm = "baseline";
    std::uint64_t seed = 0;
    bool seed_given = false;
    std::uint64_t run_index = 0;
    bool json = false;
    std::optional<EngineKind> engine;
};

}  // namespace

Command add_run_command(CLI::App& app) {
    auto options = std::make_shared<RunOptions>();
    auto* sub = app.add_subcommand("run", "Run one simulation of a scenario and tell its story");
    sub->add_option("scenario", options->scenario, "Scenario file (TOML)")->required();
    sub->add_option("--arm", options->arm, "Arm to run (default: baseline)");
    sub->add_option("--seed", options->seed, "Seed (default: the scenario's)")
        ->check(unsigned_64_bit("seed"))
        ->each([options](const std::string&) { options->seed_given = true; });
    sub->add_option("--run-index", options->run_index, "Replicate index (default 0)")
        ->check(unsigned_64_bit("run index"));
    sub->add_flag("--json", options->json, "Print JSON instead of text");
    add_engine_option(*sub, options->engine);
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
                const auto engine =
                    make_engine(options->engine.value_or(EngineKind::fast), scenario, *arm);
                const auto& result = engine->run(seed, options->run_index);
                if (options->json) {
                    std::cout << run_to_json(result, scenario, *arm, engine->interventions(), seed,
                                             options->run_index)
                                     .dump(2)
                              << '\n';
                } else {
                    print_run_text(result, scenario, *arm, engine->interventions(), seed,
                                   options->run_index);
                }
                return 0;
            }};
}

}  // namespace regiosim::cli
