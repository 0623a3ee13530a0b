// Micro-benchmarks of the model core: the monthly step, a whole run of the reference region,
// and a run of the region scaled in partners and horizon (scripts/benchmark.sh reads the last
// one to tabulate how cost grows). Timings never go into the test suite.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "bench_scenarios.hpp"
#include "regiosim/core/simulation.hpp"

namespace regiosim::bench {

namespace {

constexpr std::uint64_t seed = 20240101;

const Arm& arm_at(const Scenario& s, std::int64_t index) {
    return s.arms[static_cast<std::size_t>(index) % s.arms.size()];
}

// Months simulated and runs done, as per-run and per-month rates next to the time per run.
void report(benchmark::State& state, std::int64_t months, std::int64_t runs) {
    state.counters["months_per_run"] =
        benchmark::Counter(static_cast<double>(months) / static_cast<double>(runs > 0 ? runs : 1));
    state.counters["time_per_month"] = benchmark::Counter(
        static_cast<double>(months), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// Simulation::step() alone; reset() (the initial draws) is left out of the timing.
void BM_MonthlyStep(benchmark::State& state) {
    const Scenario& s = reference_scenario();
    Simulation simulation(s, arm_at(s, state.range(0)));
    std::uint64_t run = 0;
    simulation.reset(seed, run);
    std::int64_t months = 0;
    for (auto _ : state) {
        if (!simulation.step()) {
            state.PauseTiming();
            simulation.reset(seed, ++run);
            state.ResumeTiming();
        }
        ++months;
    }
    state.SetItemsProcessed(months);
}
BENCHMARK(BM_MonthlyStep)->Arg(0)->Arg(4);

// reset() and every step of one run of `arm_index` in `s`; each iteration is the next replicate.
void time_runs(benchmark::State& state, const Scenario& s, std::int64_t arm_index) {
    const Arm& arm = arm_at(s, arm_index);
    Simulation simulation(s, arm);
    std::uint64_t run = 0;
    std::int64_t months = 0;
    for (auto _ : state) {
        const RunResult& result = simulation.run(seed, run++);
        months += result.months_survived;
        benchmark::DoNotOptimize(&result);
    }
    state.SetLabel(arm.name);
    report(state, months, static_cast<std::int64_t>(run));
}

void BM_ReferenceRun(benchmark::State& state) {
    time_runs(state, reference_scenario(), state.range(0));
}
BENCHMARK(BM_ReferenceRun)->DenseRange(0, 11)->Unit(benchmark::kMicrosecond);

// Only reset(): the initial state (one normal draw per ordered pair for trust).
void BM_Reset(benchmark::State& state) {
    const Scenario s = scaled_reference(static_cast<int>(state.range(0)), 15);
    Simulation simulation(s, s.arms.front());
    std::uint64_t run = 0;
    for (auto _ : state) {
        simulation.reset(seed, run++);
        benchmark::DoNotOptimize(&simulation.state());
    }
}
BENCHMARK(BM_Reset)->Arg(20)->Arg(100)->Arg(300)->Unit(benchmark::kMicrosecond);

// A run of the reference region with `partners` partners and `years` years in arm `arm`
// (0: baseline, 4: covenant_and_team, which lives longer).
void scaled_run(benchmark::State& state, int partners, int years, std::int64_t arm_index) {
    time_runs(state, scaled_reference(partners, years), arm_index);
}

void BM_RunByPartners(benchmark::State& state) {
    scaled_run(state, static_cast<int>(state.range(0)), 15, state.range(1));
}
BENCHMARK(BM_RunByPartners)
    ->ArgNames({"partners", "arm"})
    ->ArgsProduct({{10, 20, 50, 100, 200, 300}, {0, 4}})
    ->Unit(benchmark::kMicrosecond);

void BM_RunByHorizon(benchmark::State& state) {
    scaled_run(state, 20, static_cast<int>(state.range(0)), state.range(1));
}
BENCHMARK(BM_RunByHorizon)
    ->ArgNames({"years", "arm"})
    ->ArgsProduct({{5, 10, 15}, {0, 4}})
    ->Unit(benchmark::kMicrosecond);

}  // namespace

}  // namespace regiosim::bench
