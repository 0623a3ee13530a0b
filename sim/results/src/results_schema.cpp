#include "regiosim/results/results_schema.hpp"

namespace regiosim {

namespace {

using T = ColumnType;

constexpr std::array columns = {
    // group runs: one row per run, in run-id order
    ColumnInfo{"runs", "run_id", T::int64, "", "(point · arms + arm) · replications + replicate",
               ""},
    ColumnInfo{"runs", "arm", T::int16, "", "arm code", "arm"},
    ColumnInfo{"runs", "point", T::int64, "", "design point (row of /design)", ""},
    ColumnInfo{"runs", "replicate", T::int32, "", "replicate within point and arm; the run index",
               ""},
    ColumnInfo{"runs", "seed", T::uint64, "",
               "seed given to the simulation (with replicate: reruns the run)", ""},
    ColumnInfo{"runs", "months_survived", T::int32, "months",
               "months until it ended, or the horizon", ""},
    ColumnInfo{"runs", "event", T::int8, "", "1 ended, 0 censored at the horizon", ""},
    ColumnInfo{"runs", "cause", T::int8, "", "cause of ending code (0 censored)", "cause"},
    ColumnInfo{"runs", "month_self_sustaining", T::int32, "month",
               "month it became self-sustaining, −1 never", ""},
    ColumnInfo{"runs", "months_to_first_success", T::int32, "months",
               "month of the first joint success, −1 never", ""},
    ColumnInfo{"runs", "cost", T::float64, "k€", "money spent on interventions over the run", ""},
    ColumnInfo{"runs", "cumulative_results", T::float64, "output",
               "joint results produced over the run", ""},
    // group years: long format, one row per run and simulated year it took part in (the last,
    // possibly partial, year of a run that ended included)
    ColumnInfo{"years", "run_id", T::int64, "", "run (see /runs/run_id)", ""},
    ColumnInfo{"years", "year", T::int16, "year", "1-based simulated year", ""},
    ColumnInfo{"years", "active_partners", T::int32, "partners", "partners taking part at year end",
               ""},
    ColumnInfo{"years", "mean_trust", T::float64, "0–1",
               "mean directed trust between active partners", ""},
    ColumnInfo{"years", "mean_commitment", T::float64, "0–1", "mean commitment of active partners",
               ""},
    ColumnInfo{"years", "cumulative_results", T::float64, "output", "joint results so far", ""},
    ColumnInfo{"years", "intention", T::float64, "0–1", "shared intention (driving force)", ""},
    ColumnInfo{"years", "conflict", T::float64, "0–1", "distribution-conflict level", ""},
    ColumnInfo{"years", "dependence", T::float64, "0–1", "dependence on the coordinator", ""},
    ColumnInfo{"years", "funding", T::float64, "k€/month", "funding in the year's last month", ""},
    ColumnInfo{"years", "spent", T::float64, "k€", "money spent on interventions in the year", ""},
    ColumnInfo{"years", "phase", T::int8, "", "phase code at year end", "phase"},
    // group spending: non-zero spending per run, year and intervention kind
    ColumnInfo{"spending", "run_id", T::int64, "", "run", ""},
    ColumnInfo{"spending", "year", T::int16, "year", "1-based simulated year", ""},
    ColumnInfo{"spending", "intervention", T::int8, "", "intervention kind code", "intervention"},
    ColumnInfo{"spending", "amount", T::float64, "k€", "money spent", ""},
    // group events: event logs of the sampled replicates
    ColumnInfo{"events", "run_id", T::int64, "", "run", ""},
    ColumnInfo{"events", "month", T::int16, "month", "month of the event", ""},
    ColumnInfo{"events", "kind", T::int8, "", "event kind code", "event"},
    ColumnInfo{"events", "partner", T::int32, "", "partner index in the resolved scenario, −1 none",
               ""},
    ColumnInfo{"events", "intervention", T::int32, "",
               "index into the run's interventions, −1 none", ""},
    ColumnInfo{"events", "before", T::float64, "", "value before (e.g. trust in the partner)", ""},
    ColumnInfo{"events", "after", T::float64, "", "value after", ""},
    // group design: one row per design point
    ColumnInfo{"design", "point", T::int64, "", "design point index", ""},
    ColumnInfo{"design", "block", T::int8, "", "sobol: 0 A, 1 B, 2 AB_i; else 0", ""},
    ColumnInfo{"design", "group", T::int32, "", "sobol: base row; morris: trajectory; else −1", ""},
    ColumnInfo{"design", "factor", T::int32, "",
               "sobol AB_i / morris step / one-at-a-time: factor index, else −1", ""},
    ColumnInfo{"design", "step", T::float64, "unit",
               "morris: signed move of that factor in unit scale", ""},
};

}  // namespace

std::span<const ColumnInfo> results_columns() noexcept {
    return columns;
}

}  // namespace regiosim
