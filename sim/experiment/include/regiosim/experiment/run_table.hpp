#pragma once

#include <cstdint>
#include <vector>

namespace regiosim {

/// Per-run summaries of a block of runs, one column per field, rows in run-id order.
/// Column names, types and meanings: docs/results-format.md (group /runs).
struct RunColumns {
    std::vector<std::int64_t> run_id;
    std::vector<std::int16_t> arm;
    std::vector<std::int64_t> point;
    std::vector<std::int32_t> replicate;
    std::vector<std::uint64_t> seed;
    std::vector<std::int32_t> months_survived;
    std::vector<std::int8_t> event;                     ///< 1 ended, 0 censored at the horizon
    std::vector<std::int8_t> cause;                     ///< EndCause code
    std::vector<std::int32_t> month_self_sustaining;    ///< −1: never
    std::vector<std::int32_t> months_to_first_success;  ///< −1: never
    std::vector<double> cost;                           ///< k€ over the run
    std::vector<double> cumulative_results;
    std::vector<std::vector<double>> factors;  ///< factors[j][row]: value of factor j

    void resize(std::size_t rows, std::size_t factor_count);
    [[nodiscard]] std::size_t size() const noexcept { return run_id.size(); }
};

/// Yearly trajectories in long format: one row per run and simulated year it took part in, the
/// last (possibly partial) year of a run that ended included (group /years).
struct YearColumns {
    std::vector<std::int64_t> run_id;
    std::vector<std::int16_t> year;  ///< 1-based
    std::vector<std::int32_t> active_partners;
    std::vector<double> mean_trust;
    std::vector<double> mean_commitment;
    std::vector<double> cumulative_results;
    std::vector<double> intention;
    std::vector<double> conflict;
    std::vector<double> dependence;
    std::vector<double> funding;  ///< k€ in the year's last month
    std::vector<double> spent;    ///< k€ spent on interventions in the year
    std::vector<std::int8_t> phase;

    void reserve(std::size_t rows);
    [[nodiscard]] std::size_t size() const noexcept { return run_id.size(); }
};

/// Money spent per run, year and intervention kind, non-zero entries only (group /spending).
struct SpendingColumns {
    std::vector<std::int64_t> run_id;
    std::vector<std::int16_t> year;
    std::vector<std::int8_t> intervention;  ///< InterventionKind code
    std::vector<double> amount;             ///< k€

    [[nodiscard]] std::size_t size() const noexcept { return run_id.size(); }
};

/// Event logs of the sampled runs (group /events).
struct EventColumns {
    std::vector<std::int64_t> run_id;
    std::vector<std::int16_t> month;
    std::vector<std::int8_t> kind;  ///< EventKind code
    std::vector<std::int32_t> partner;
    std::vector<std::int32_t> intervention;
    std::vector<double> before;
    std::vector<double> after;

    [[nodiscard]] std::size_t size() const noexcept { return run_id.size(); }
};

/// Everything a block of runs produced.
struct RunTable {
    RunColumns runs;
    YearColumns years;
    SpendingColumns spending;
    EventColumns events;

    void clear();
};

}  // namespace regiosim
