// A fixed number of runs of one arm of the reference region, for instruction counts:
//
//   valgrind --tool=callgrind --toggle-collect='regiosim::Simulation::run*'
//            build/release/benchmarks/regiosim_fixed_runs 0 200   (on one line)
//
// On a shared virtual machine wall-clock and even CPU time move by ±30 % between rounds; the
// number of instructions a fixed workload executes does not, so it compares two builds where a
// timing cannot. Instructions are not time (a division costs more than an addition, a cache
// miss more than both): confirm a change with regiosim_bench_model, back to back.
//
// Usage: regiosim_fixed_runs [arm index [runs [partners]]]
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "bench_scenarios.hpp"
#include "regiosim/core/simulation.hpp"

int main(int argc, char** argv) {
    using namespace regiosim;
    const auto arg = [&](int k, long fallback) {
        return argc > k ? std::strtol(argv[k], nullptr, 10) : fallback;
    };
    const long arm_index = arg(1, 0);
    const long runs = arg(2, 200);
    const long partners = arg(3, 20);
    const Scenario scenario = bench::scaled_reference(static_cast<int>(partners), 15);
    if (arm_index < 0 || static_cast<std::size_t>(arm_index) >= scenario.arms.size() || runs < 1) {
        std::fprintf(stderr, "usage: regiosim_fixed_runs [arm index 0-%zu [runs ≥ 1 [partners]]]\n",
                     scenario.arms.size() - 1);
        return 64;
    }
    const Arm& arm = scenario.arms[static_cast<std::size_t>(arm_index)];
    Simulation simulation(scenario, arm);
    long months = 0;
    for (long run = 0; run < runs; ++run) {
        months += simulation.run(20240101, static_cast<std::uint64_t>(run)).months_survived;
    }
    std::printf("%s: %ld runs of %ld partners, %.2f months per run\n", arm.name.c_str(), runs,
                partners, static_cast<double>(months) / static_cast<double>(runs));
    return 0;
}
