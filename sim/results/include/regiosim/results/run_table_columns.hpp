#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "regiosim/experiment/run_table.hpp"

namespace regiosim {

/// Calls `visit(group, name, column)` for every column of a RunTable, in the order and with the
/// names of results_columns(); factor columns come last as group "runs/factors" with the
/// factor's name. The one place that binds table fields to dataset names, for the writer and
/// the reader alike.
template <class Table, class Visitor>
void for_each_column(Table& t, const std::vector<std::string>& factor_names, Visitor&& visit) {
    visit("runs", "run_id", t.runs.run_id);
    visit("runs", "arm", t.runs.arm);
    visit("runs", "point", t.runs.point);
    visit("runs", "replicate", t.runs.replicate);
    visit("runs", "seed", t.runs.seed);
    visit("runs", "months_survived", t.runs.months_survived);
    visit("runs", "event", t.runs.event);
    visit("runs", "cause", t.runs.cause);
    visit("runs", "month_self_sustaining", t.runs.month_self_sustaining);
    visit("runs", "months_to_first_success", t.runs.months_to_first_success);
    visit("runs", "cost", t.runs.cost);
    visit("runs", "cumulative_results", t.runs.cumulative_results);
    visit("years", "run_id", t.years.run_id);
    visit("years", "year", t.years.year);
    visit("years", "active_partners", t.years.active_partners);
    visit("years", "mean_trust", t.years.mean_trust);
    visit("years", "mean_commitment", t.years.mean_commitment);
    visit("years", "cumulative_results", t.years.cumulative_results);
    visit("years", "intention", t.years.intention);
    visit("years", "conflict", t.years.conflict);
    visit("years", "dependence", t.years.dependence);
    visit("years", "funding", t.years.funding);
    visit("years", "spent", t.years.spent);
    visit("years", "phase", t.years.phase);
    visit("spending", "run_id", t.spending.run_id);
    visit("spending", "year", t.spending.year);
    visit("spending", "intervention", t.spending.intervention);
    visit("spending", "amount", t.spending.amount);
    visit("events", "run_id", t.events.run_id);
    visit("events", "month", t.events.month);
    visit("events", "kind", t.events.kind);
    visit("events", "partner", t.events.partner);
    visit("events", "intervention", t.events.intervention);
    visit("events", "before", t.events.before);
    visit("events", "after", t.events.after);
    for (std::size_t j = 0; j < factor_names.size() && j < t.runs.factors.size(); ++j) {
        visit("runs/factors", factor_names[j], t.runs.factors[j]);
    }
}

}  // namespace regiosim
