#include "runs_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "regiosim/core/run_result.hpp"
#include "results_checks.hpp"

namespace regiosim::runs_table {

namespace checks = results_checks;

DesignShape read_design_shape(const ResultsReader& r) {
    DesignShape shape;
    shape.points = r.rows("design/point");
    shape.arms = r.strings_attribute("arms", "design").size();
    const std::int64_t replications = r.int_attribute("replications", "design");
    if (shape.arms == 0 || replications < 1) {
        checks::bad_file(
            r.path(),
            fmt::format("/design declares {} arms and {} replications", shape.arms, replications),
            "valid: at least one arm and one replication");
    }
    shape.replications = static_cast<std::uint64_t>(replications);
    const std::uint64_t per_point = shape.arms * shape.replications;
    if (shape.replications > std::numeric_limits<std::uint64_t>::max() / shape.arms ||
        (shape.points > 0 &&
         per_point > std::numeric_limits<std::uint64_t>::max() / shape.points)) {
        checks::bad_file(r.path(),
                         fmt::format("/design declares {} points × {} arms × {} replications",
                                     shape.points, shape.arms, shape.replications),
                         "valid: a run count that fits in 64 bits");
    }
    shape.runs = shape.points * per_point;
    return shape;
}

namespace {

// The scenario format's longest horizon (docs/scenario-format.md: horizon_months 12..360).
constexpr int max_horizon_months = 360;

}  // namespace

// The longest horizon of any design point: the base scenario's, unless a factor varies the
// horizon (scenario.horizon_years or scenario.horizon_months), whose largest value then counts
// too. Months and years read from the file are checked against it.
int longest_horizon_months(const ResultsReader& r, int base_months, std::uint64_t points) {
    const auto keys = r.strings_attribute("factor_keys", "design");
    const auto names = r.strings_attribute("factor_names", "design");
    int longest = base_months;
    for (std::size_t j = 0; j < keys.size() && j < names.size(); ++j) {
        const bool years = keys[j] == "scenario.horizon_years";
        if (!years && keys[j] != "scenario.horizon_months") {
            continue;
        }
        const std::string dataset = "design/value/" + names[j];
        checks::require_rows(r.path(), dataset, r.rows(dataset), points,
                             "one per design point, as /design/point");
        const auto values = r.column<double>(dataset);
        checks::require_finite(r.path(), dataset, values, 0.0);
        for (const double v : values) {
            const double months = std::ceil(years ? 12.0 * v : v);
            longest =
                std::max(longest, static_cast<int>(std::min<double>(months, max_horizon_months)));
        }
    }
    return longest;
}

namespace {

template <class T>
std::vector<T> runs_column(const ResultsReader& r, const DesignShape& shape,
                           const std::string& name) {
    const std::string dataset = "runs/" + name;
    checks::require_rows(r.path(), dataset, r.rows(dataset), shape.runs,
                         fmt::format("{} design points × {} arms × {} replications", shape.points,
                                     shape.arms, shape.replications));
    return r.column<T>(dataset);
}

// Row i holds run i, whose point, arm and replicate follow from the run-id formula.
void check_run_ids(const ResultsReader& r, const DesignShape& shape, const Runs& runs,
                   const std::vector<std::int64_t>& ids,
                   const std::vector<std::int32_t>& replicate) {
    const auto valid = [](std::uint64_t v) {
        return fmt::format("valid: {} (run_id = (point · arms + arm) · replications + replicate)",
                           v);
    };
    for (std::uint64_t i = 0; i < shape.runs; ++i) {
        const std::uint64_t point = i / (shape.arms * shape.replications);
        const std::uint64_t arm = (i / shape.replications) % shape.arms;
        const std::uint64_t rep = i % shape.replications;
        const std::string row = fmt::format("does not match run {}", i);
        if (ids[i] != static_cast<std::int64_t>(i)) {
            checks::bad_row(r.path(), "runs/run_id", i, std::to_string(ids[i]),
                            "is not the row's run: runs are missing or out of order", valid(i));
        }
        if (runs.point[i] != static_cast<std::int64_t>(point)) {
            checks::bad_row(r.path(), "runs/point", i, std::to_string(runs.point[i]), row,
                            valid(point));
        }
        if (runs.arm[i] != static_cast<std::int64_t>(arm)) {
            checks::bad_row(r.path(), "runs/arm", i, std::to_string(runs.arm[i]), row, valid(arm));
        }
        if (replicate[i] != static_cast<std::int64_t>(rep)) {
            checks::bad_row(r.path(), "runs/replicate", i, std::to_string(replicate[i]), row,
                            valid(rep));
        }
    }
}

}  // namespace

Runs read_runs(const ResultsReader& r, const DesignShape& shape, int horizon) {
    Runs runs;
    runs.arms = r.strings_attribute("labels", "runs/arm");
    if (runs.arms.size() != shape.arms) {
        checks::bad_file(r.path(),
                         fmt::format("/runs/arm has {} labels for the {} arms of /design",
                                     runs.arms.size(), shape.arms),
                         "valid: one label per arm of the experiment");
    }
    runs.arm = runs_column<std::int16_t>(r, shape, "arm");
    runs.point = runs_column<std::int64_t>(r, shape, "point");
    runs.months = runs_column<std::int32_t>(r, shape, "months_survived");
    runs.event = runs_column<std::int8_t>(r, shape, "event");
    runs.cause = runs_column<std::int8_t>(r, shape, "cause");
    runs.self_sustaining = runs_column<std::int32_t>(r, shape, "month_self_sustaining");
    runs.cost = runs_column<double>(r, shape, "cost");
    check_run_ids(r, shape, runs, runs_column<std::int64_t>(r, shape, "run_id"),
                  runs_column<std::int32_t>(r, shape, "replicate"));
    const auto& file = r.path();
    checks::require_range(file, "runs/months_survived", runs.months, 0, horizon,
                          "months survived, up to the scenario's horizon,");
    checks::require_range(file, "runs/event", runs.event, 0, 1, "0 (censored) or 1 (ended),");
    checks::require_range(file, "runs/cause", runs.cause, 0,
                          static_cast<std::int64_t>(end_cause_names.size()) - 1,
                          "a code of the `cause` labels");
    for (std::size_t i = 0; i < runs.event.size(); ++i) {
        if ((runs.event[i] == 0) != (runs.cause[i] == 0)) {
            checks::bad_row(file, "runs/cause", i, std::to_string(runs.cause[i]),
                            fmt::format("contradicts /runs/event[{}] = {}", i, runs.event[i]),
                            "valid: cause 0 (censored) exactly when event is 0");
        }
    }
    checks::require_range_or_never(file, "runs/month_self_sustaining", runs.self_sustaining, 0,
                                   horizon, "a month");
    checks::require_finite(file, "runs/cost", runs.cost, 0.0);
    return runs;
}

std::vector<analysis::ArmSample> samples_by_arm(const Runs& runs) {
    std::vector<analysis::ArmSample> samples(runs.arms.size());
    for (std::size_t a = 0; a < samples.size(); ++a) {
        samples[a].name = runs.arms[a];
    }
    for (std::size_t i = 0; i < runs.arm.size(); ++i) {
        auto& s = samples[static_cast<std::size_t>(runs.arm[i])];
        s.months.push_back(runs.months[i]);
        s.ended.push_back(runs.event[i]);
        s.cause.push_back(runs.cause[i]);
        s.month_self_sustaining.push_back(runs.self_sustaining[i]);
        s.total_cost.push_back(runs.cost[i]);
    }
    std::erase_if(samples, [](const analysis::ArmSample& s) { return s.months.empty(); });
    return samples;
}

}  // namespace regiosim::runs_table
