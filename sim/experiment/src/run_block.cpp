#include "regiosim/experiment/run_block.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <memory>
#include <numeric>

#include "regiosim/experiment/make_engine.hpp"

namespace regiosim {

namespace {

struct SpendRow {
    std::int16_t year;
    std::int8_t kind;
    double amount;
};

// What one run leaves besides its summary row; gathered per run so that the long tables can
// be concatenated in run-id order after the parallel part.
struct RunExtras {
    std::vector<YearRecord> years;
    std::vector<double> spent_per_year;
    std::vector<SpendRow> spending;
    std::vector<Event> events;
};

struct Workspace {
    std::unique_ptr<Engine> engine;
    std::int64_t point = -1;
    int arm = -1;
};

void record_summary(RunColumns& runs, std::size_t row, const RunResult& result) {
    runs.months_survived[row] = result.months_survived;
    runs.event[row] = result.ended ? 1 : 0;
    runs.cause[row] = static_cast<std::int8_t>(result.cause);
    runs.month_self_sustaining[row] = result.month_self_sustaining;
    runs.months_to_first_success[row] = result.months_to_first_success;
    runs.cost[row] = result.total_cost;
    runs.cumulative_results[row] = result.cumulative_results;
}

void record_extras(RunExtras& extras, const Engine& engine, const RunResult& result, bool yearly,
                   bool events) {
    if (yearly) {
        extras.years = result.years;
        const auto& interventions = engine.interventions();
        const std::size_t per_year = interventions.size();
        extras.spent_per_year.assign(result.years.size(), 0.0);
        for (std::size_t y = 0; y < result.years.size() && per_year > 0; ++y) {
            for (std::size_t k = 0; k < per_year; ++k) {
                const std::size_t at = y * per_year + k;
                const double amount = at < result.spent.size() ? result.spent[at] : 0.0;
                if (amount != 0.0) {
                    extras.spent_per_year[y] += amount;
                    extras.spending.push_back({static_cast<std::int16_t>(y + 1),
                                               static_cast<std::int8_t>(interventions[k].kind),
                                               amount});
                }
            }
        }
    }
    if (events) {
        extras.events = result.events;
    }
}

void append_extras(RunTable& out, std::int64_t run_id, const RunExtras& extras) {
    YearColumns& y = out.years;
    for (std::size_t i = 0; i < extras.years.size(); ++i) {
        const YearRecord& r = extras.years[i];
        y.run_id.push_back(run_id);
        y.year.push_back(static_cast<std::int16_t>(r.year));
        y.active_partners.push_back(r.active_partners);
        y.mean_trust.push_back(r.mean_trust);
        y.mean_commitment.push_back(r.mean_commitment);
        y.cumulative_results.push_back(r.cumulative_results);
        y.intention.push_back(r.intention);
        y.conflict.push_back(r.conflict);
        y.dependence.push_back(r.dependence);
        y.funding.push_back(r.funding);
        y.spent.push_back(i < extras.spent_per_year.size() ? extras.spent_per_year[i] : 0.0);
        y.phase.push_back(static_cast<std::int8_t>(r.phase));
    }
    SpendingColumns& s = out.spending;
    for (const auto& row : extras.spending) {
        s.run_id.push_back(run_id);
        s.year.push_back(row.year);
        s.intervention.push_back(row.kind);
        s.amount.push_back(row.amount);
    }
    EventColumns& e = out.events;
    for (const auto& event : extras.events) {
        e.run_id.push_back(run_id);
        e.month.push_back(static_cast<std::int16_t>(event.month));
        e.kind.push_back(static_cast<std::int8_t>(event.kind));
        e.partner.push_back(event.partner);
        e.intervention.push_back(event.intervention);
        e.before.push_back(event.before);
        e.after.push_back(event.after);
    }
}

}  // namespace

void run_sweep_block(const SweepPlan& plan, const ScenarioTemplate& scenario, std::int64_t first,
                     std::int64_t last, RunTable& out) {
    out.clear();
    if (last <= first) {
        return;
    }
    const std::int64_t first_point = plan.coordinates(first).point;
    const std::int64_t last_point = plan.coordinates(last - 1).point;
    std::vector<Scenario> scenarios(static_cast<std::size_t>(last_point - first_point + 1));
    tbb::parallel_for(std::size_t{0}, scenarios.size(), [&](std::size_t i) {
        const std::int64_t point = first_point + static_cast<std::int64_t>(i);
        const auto overrides = plan.overrides(point);
        scenarios[i] = scenario.resolve(overrides);
    });

    const auto rows = static_cast<std::size_t>(last - first);
    const std::size_t factor_count = plan.spec.factors.size();
    RunColumns& runs = out.runs;
    runs.resize(rows, factor_count);
    std::vector<RunExtras> extras(rows);
    const bool yearly = plan.spec.yearly;
    const int event_logs = plan.spec.event_log_replicates;

    tbb::enumerable_thread_specific<Workspace> workspaces;
    tbb::parallel_for(
        tbb::blocked_range<std::int64_t>(first, last, 32),
        [&](const tbb::blocked_range<std::int64_t>& range) {
            Workspace& ws = workspaces.local();
            for (std::int64_t id = range.begin(); id != range.end(); ++id) {
                const RunCoordinates c = plan.coordinates(id);
                if (ws.point != c.point || ws.arm != c.arm) {
                    const Scenario& s = scenarios[static_cast<std::size_t>(c.point - first_point)];
                    const Arm* arm = s.find_arm(plan.spec.arms[static_cast<std::size_t>(c.arm)]);
                    ws.engine = make_engine(plan.spec.engine, s, *arm);
                    ws.point = c.point;
                    ws.arm = c.arm;
                }
                const std::uint64_t seed = plan.run_seed(c.point, c.arm);
                const RunResult& result =
                    ws.engine->run(seed, static_cast<std::uint64_t>(c.replicate));
                const auto row = static_cast<std::size_t>(id - first);
                runs.run_id[row] = id;
                runs.arm[row] = static_cast<std::int16_t>(c.arm);
                runs.point[row] = c.point;
                runs.replicate[row] = c.replicate;
                runs.seed[row] = seed;
                for (std::size_t j = 0; j < factor_count; ++j) {
                    runs.factors[j][row] =
                        plan.factor_values(c.point, static_cast<Eigen::Index>(j));
                }
                record_summary(runs, row, result);
                record_extras(extras[row], *ws.engine, result, yearly, c.replicate < event_logs);
            }
        });

    std::size_t year_rows = 0;
    for (const auto& e : extras) {
        year_rows += e.years.size();
    }
    out.years.reserve(year_rows);
    for (std::size_t row = 0; row < rows; ++row) {
        append_extras(out, first + static_cast<std::int64_t>(row), extras[row]);
    }
}

}  // namespace regiosim
