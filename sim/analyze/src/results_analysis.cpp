#include "regiosim/analyze/results_analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <type_traits>

#include "arm_tests.hpp"
#include "rank_sensitivity.hpp"
#include "regiosim/analysis/cumulative_incidence.hpp"
#include "regiosim/analysis/fan_band.hpp"
#include "regiosim/analysis/kaplan_meier.hpp"
#include "regiosim/analysis/morris_indices.hpp"
#include "regiosim/analysis/sobol_indices.hpp"
#include "regiosim/analyze/what_if_json.hpp"
#include "regiosim/core/parameters.hpp"
#include "regiosim/core/run_result.hpp"
#include "regiosim/design/saltelli_design.hpp"
#include "regiosim/errors/file_error.hpp"
#include "regiosim/results/results_reader.hpp"
#include "regiosim/scenario/loader.hpp"
#include "results_checks.hpp"
#include "runs_table.hpp"

namespace regiosim {

namespace {

using nlohmann::json;
namespace checks = results_checks;
using runs_table::Runs;

[[noreturn]] void incomplete(const std::filesystem::path& file, const std::string& problem) {
    throw data_error_about_file(file.string(), problem,
                                "valid: a finished results file of `regiosim sweep`");
}

json finite_or_null(double v) {
    return std::isfinite(v) ? json(v) : json(nullptr);
}

// "72 % (68–76 %)"; without the interval where it does not exist (S = 0 or 1 exactly).
std::string percent(const analysis::EstimateCi& s) {
    if (!std::isfinite(s.lower) || !std::isfinite(s.upper) || s.lower == s.upper) {
        return fmt::format("{:.0f} %", 100 * s.estimate);
    }
    return fmt::format("{:.0f} % ({:.0f}–{:.0f} %)", 100 * s.estimate, 100 * s.lower,
                       100 * s.upper);
}

std::string years_text(const analysis::EstimateCi& m) {
    return m.defined && std::isfinite(m.estimate) ? fmt::format("{:.1f} years", m.estimate)
                                                  : std::string("beyond the horizon");
}

// Plain-language sentences for readers who will not read the table.
std::vector<std::string> summary_sentences(const std::vector<analysis::ArmComparison>& rows,
                                           double horizon_months) {
    std::vector<std::string> out;
    if (rows.empty()) {
        return out;
    }
    const bool ten = horizon_months >= 120;
    const int year = ten ? 10 : 5;
    const auto at = [&](const analysis::ArmComparison& r) {
        return ten ? r.survival_10y : r.survival_5y;
    };
    const auto& base = rows.front();
    std::string first = fmt::format(
        "Without extra interventions ({}), {} of {} simulated collaborations are still alive "
        "after {} years; the median lifetime is {}.",
        base.arm, percent(at(base)), base.runs, year, years_text(base.median_years));
    if (!base.causes.empty()) {
        first += fmt::format(" The most common way they end is {} ({:.0f} % of runs).",
                             end_cause_label(base.causes.front().first),
                             100 * base.causes.front().second);
    }
    out.push_back(first);
    for (std::size_t k = 1; k < rows.size(); ++k) {
        const auto& r = rows[k];
        std::string s = fmt::format(
            "With {}, {} of simulated collaborations are still alive after {} years, against "
            "{} without it; median lifetime {}.",
            r.arm, percent(at(r)), year, fmt::format("{:.0f} %", 100 * at(base).estimate),
            years_text(r.median_years));
        if (r.cost_per_year_gained && std::isfinite(*r.cost_per_year_gained)) {
            s += fmt::format(" Each survival-year gained costs about {:.0f} k€.",
                             *r.cost_per_year_gained);
        }
        out.push_back(std::move(s));
    }
    return out;
}

json kaplan_meier_json(const analysis::ArmSample& s, json& at_risk_row, int years) {
    analysis::SurvivalData data;
    data.time = s.months;
    data.event = s.ended;
    const auto km = analysis::kaplan_meier(data);
    json j = {{"arm", s.name}};
    std::vector<json> time{0.0}, surv{1.0}, lower{1.0}, upper{1.0}, risk{static_cast<int>(km.n)};
    for (std::size_t i = 0; i < km.size(); ++i) {
        time.emplace_back(km.time[i]);
        surv.emplace_back(km.surv[i]);
        lower.push_back(finite_or_null(km.lower[i]));
        upper.push_back(finite_or_null(km.upper[i]));
        risk.emplace_back(km.n_risk[i]);
    }
    j["time"] = time;
    j["survival"] = surv;
    j["lower"] = lower;
    j["upper"] = upper;
    j["at_risk"] = risk;
    at_risk_row = json::array();
    for (int y = 0; y <= years; ++y) {
        at_risk_row.push_back(y == 0 ? static_cast<int>(km.n)
                                     : analysis::survival_at(km, 12.0 * y).n_risk);
    }
    return j;
}

void add_incidence(const analysis::ArmSample& s, json& out) {
    std::vector<double> time = s.months;
    auto data = analysis::from_causes(std::move(time), s.cause);
    if (std::none_of(data.cause.begin(), data.cause.end(), [](int c) { return c != 0; })) {
        return;
    }
    const auto ci = analysis::cumulative_incidence(data);
    for (std::size_t c = 0; c < ci.causes.size(); ++c) {
        std::vector<double> t{0.0};
        std::vector<double> v{0.0};
        for (std::size_t i = 0; i < ci.size(); ++i) {
            t.push_back(ci.time[i]);
            v.push_back(ci.incidence(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(c)));
        }
        out.push_back({{"arm", s.name},
                       {"cause", end_cause_label(ci.causes[c])},
                       {"time", t},
                       {"incidence", v}});
    }
}

json fan_charts(const ResultsReader& r, const Runs& runs, int years) {
    json out = json::array();
    if (!r.has("years/run_id") || r.rows("years/run_id") == 0) {
        return out;
    }
    const std::uint64_t n = r.rows("years/run_id");
    for (const char* name : {"year", "mean_trust", "mean_commitment", "active_partners"}) {
        const std::string dataset = std::string("years/") + name;
        checks::require_rows(r.path(), dataset, r.rows(dataset), n, "as many as /years/run_id");
    }
    const auto run_id = r.column<std::int64_t>("years/run_id");
    const auto year = r.column<std::int16_t>("years/year");
    checks::require_range(r.path(), "years/run_id", run_id, 0,
                          static_cast<std::int64_t>(runs.arm.size()) - 1, "a run id");
    checks::require_range(r.path(), "years/year", year, 1, years, "a simulated year");
    const std::map<std::string, std::vector<double>> variables = {
        {"mean_trust", r.column<double>("years/mean_trust")},
        {"mean_commitment", r.column<double>("years/mean_commitment")},
        {"active_partners", [&] {
             const auto v = r.column<std::int32_t>("years/active_partners");
             return std::vector<double>(v.begin(), v.end());
         }()}};
    for (std::size_t a = 0; a < runs.arms.size(); ++a) {
        std::vector<int> index;
        std::vector<std::size_t> rows;
        for (std::size_t i = 0; i < run_id.size(); ++i) {
            const auto id = static_cast<std::size_t>(run_id[i]);
            if (static_cast<std::size_t>(runs.arm[id]) == a) {
                index.push_back(year[i] - 1);
                rows.push_back(i);
            }
        }
        if (rows.empty()) {
            continue;
        }
        for (const auto& [name, all] : variables) {
            std::vector<double> values;
            values.reserve(rows.size());
            for (const auto i : rows) {
                values.push_back(all[i]);
            }
            analysis::FanBandOptions options;
            options.time_count = years;
            const auto band = analysis::fan_band(index, values, options);
            json j = {{"arm", runs.arms[a]}, {"variable", name}};
            std::vector<int> ys;
            std::array<std::vector<json>, 5> q;
            for (Eigen::Index t = 0; t < band.quantiles.rows(); ++t) {
                ys.push_back(static_cast<int>(t) + 1);
                for (Eigen::Index k = 0; k < 5; ++k) {
                    q[static_cast<std::size_t>(k)].push_back(finite_or_null(band.quantiles(t, k)));
                }
            }
            j["year"] = ys;
            j["runs"] = band.count;
            j["q10"] = q[0];
            j["q25"] = q[1];
            j["q50"] = q[2];
            j["q75"] = q[3];
            j["q90"] = q[4];
            out.push_back(std::move(j));
        }
    }
    return out;
}

json parameters_json(const Scenario& scenario, const std::vector<std::string>& varied) {
    json out = json::array();
    for (const auto& p : parameter_table()) {
        const std::string key = "model." + std::string(p.key);
        json j = {{"key", key},
                  {"value", scenario.model.*(p.field)},
                  {"default", p.default_value},
                  {"unit", p.unit},
                  {"meaning", p.meaning},
                  {"source", p.source}};
        if (std::find(varied.begin(), varied.end(), key) != varied.end()) {
            j["varied_by_design"] = true;
        }
        out.push_back(std::move(j));
    }
    return out;
}

// Mean months survived per design point for one arm: for runs censored only at the horizon
// this is the restricted mean survival time of the point's replicates.
Eigen::VectorXd mean_months_per_point(const Runs& runs, std::size_t arm, std::int64_t points) {
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(points);
    Eigen::VectorXd count = Eigen::VectorXd::Zero(points);
    for (std::size_t i = 0; i < runs.arm.size(); ++i) {
        if (static_cast<std::size_t>(runs.arm[i]) == arm) {
            sum(runs.point[i]) += runs.months[i];
            count(runs.point[i]) += 1;
        }
    }
    return sum.cwiseQuotient(count.cwiseMax(1.0));
}

// Share of each design point's runs for one arm that are still alive at the horizon.
Eigen::VectorXd share_alive_per_point(const Runs& runs, std::size_t arm, std::int64_t points) {
    Eigen::VectorXd alive = Eigen::VectorXd::Zero(points);
    Eigen::VectorXd count = Eigen::VectorXd::Zero(points);
    for (std::size_t i = 0; i < runs.arm.size(); ++i) {
        if (static_cast<std::size_t>(runs.arm[i]) == arm) {
            alive(runs.point[i]) += runs.event[i] == 0 ? 1.0 : 0.0;
            count(runs.point[i]) += 1;
        }
    }
    return alive.cwiseQuotient(count.cwiseMax(1.0));
}

// A column of /design: one row per design point.
template <class T>
std::vector<T> design_column(const ResultsReader& r, const std::string& name, std::int64_t points) {
    const std::string dataset = "design/" + name;
    checks::require_rows(r.path(), dataset, r.rows(dataset), static_cast<std::uint64_t>(points),
                         "one per design point, as /design/point");
    auto column = r.column<T>(dataset);
    if constexpr (std::is_same_v<T, double>) {
        checks::require_finite(r.path(), dataset, column);
    }
    return column;
}

// Latin hypercube and factorial points carry no structure to estimate indices from, so
// their factors are ranked by partial rank correlation over the sampled values.
json sampled_design_sensitivity(const ResultsReader& r, const Runs& runs,
                                const std::vector<std::string>& names, std::int64_t points,
                                bool factorial) {
    // The values the model saw, not the unit coordinates: an integer factor's ties are real.
    Eigen::MatrixXd values(points, static_cast<Eigen::Index>(names.size()));
    for (std::size_t j = 0; j < names.size(); ++j) {
        const auto column = design_column<double>(r, "value/" + names[j], points);
        values.col(static_cast<Eigen::Index>(j)) =
            Eigen::Map<const Eigen::VectorXd>(column.data(), points);
    }
    std::vector<PointOutcomes> arms;
    for (std::size_t a = 0; a < runs.arms.size(); ++a) {
        arms.push_back({runs.arms[a], mean_months_per_point(runs, a, points),
                        share_alive_per_point(runs, a, points)});
    }
    return rank_sensitivity_json(names, values, arms, factorial);
}

json sensitivity_json(const ResultsReader& r, const Runs& runs) {
    const std::string kind = r.string_attribute("kind", "design");
    const auto names = r.strings_attribute("factor_names", "design");
    const auto k = static_cast<int>(names.size());
    const auto points = static_cast<std::int64_t>(r.rows("design/point"));
    if ((kind == "latin_hypercube" || kind == "full_factorial") && k > 0) {
        return sampled_design_sensitivity(r, runs, names, points, kind == "full_factorial");
    }
    if (kind != "sobol" && kind != "morris" && kind != "one_at_a_time") {
        return nullptr;
    }
    // A Sobol base row has k + 2 points (A, B, AB_i), a Morris trajectory k + 1.
    // Sobol estimators need two base rows at least (the experiment loader asks for as many).
    const int per_group = kind == "sobol" ? k + 2 : k + 1;
    const std::int64_t min_groups = kind == "sobol" ? 2 : 1;
    if (kind != "one_at_a_time" &&
        (k < 1 || points < min_groups * per_group || points % per_group != 0)) {
        checks::bad_file(r.path(), fmt::format("/design has {} points for {} factors", points, k),
                         fmt::format("valid: a {} design of {} points per {} ({} factors), at "
                                     "least {} of them",
                                     kind, per_group, kind == "sobol" ? "base row" : "trajectory",
                                     k, min_groups));
    }
    std::vector<std::int32_t> factor;
    if (kind != "sobol") {
        factor = design_column<std::int32_t>(r, "factor", points);
        checks::require_range_or_never(r.path(), "design/factor", factor, 0, k - 1,
                                       "a factor index");
    }
    std::vector<double> step;
    if (kind == "morris") {
        step = design_column<double>(r, "step", points);
        for (std::size_t p = 0; p < factor.size(); ++p) {
            const bool first = p % static_cast<std::size_t>(per_group) == 0;
            if ((factor[p] < 0) != first || (!first && step[p] == 0.0)) {
                checks::bad_row(r.path(), "design/factor", p, std::to_string(factor[p]),
                                fmt::format("with step {} breaks trajectory {}", step[p],
                                            p / static_cast<std::size_t>(per_group)),
                                "valid: a trajectory's first point has factor -1, each later one "
                                "moves one factor (index 0 … k-1) by a non-zero step");
            }
        }
    }
    std::vector<std::vector<double>> values;
    if (kind == "one_at_a_time") {
        for (const auto& name : names) {
            values.push_back(design_column<double>(r, "value/" + name, points));
        }
    }
    json rows = json::array();
    for (std::size_t a = 0; a < runs.arms.size(); ++a) {
        const Eigen::VectorXd y = mean_months_per_point(runs, a, points);
        if (kind == "sobol") {
            const auto split = design::split_saltelli_outputs(y, k);
            analysis::SobolIndicesOptions options;
            options.bootstrap_resamples = 500;
            options.seed = r.uint_attribute("master_seed");
            const auto s = analysis::sobol_indices(split.a, split.b, split.ab, options);
            for (int j = 0; j < k; ++j) {
                rows.push_back({{"arm", runs.arms[a]},
                                {"factor", names[static_cast<std::size_t>(j)]},
                                {"first_order", finite_or_null(s.first_order(j))},
                                {"first_lower", finite_or_null(s.first_lower(j))},
                                {"first_upper", finite_or_null(s.first_upper(j))},
                                {"total_order", finite_or_null(s.total_order(j))},
                                {"total_lower", finite_or_null(s.total_lower(j))},
                                {"total_upper", finite_or_null(s.total_upper(j))}});
            }
        } else if (kind == "morris") {
            std::vector<int> step_factor;
            std::vector<double> step_delta;
            for (std::size_t p = 0; p < factor.size(); ++p) {
                if (factor[p] >= 0) {
                    step_factor.push_back(factor[p]);
                    step_delta.push_back(step[p]);
                }
            }
            const auto m = analysis::morris_indices(y, step_factor, step_delta, k);
            for (int j = 0; j < k; ++j) {
                rows.push_back({{"arm", runs.arms[a]},
                                {"factor", names[static_cast<std::size_t>(j)]},
                                {"mu", finite_or_null(m.mu(j))},
                                {"mu_star", finite_or_null(m.mu_star(j))},
                                {"sigma", finite_or_null(m.sigma(j))},
                                {"effects", m.effects[static_cast<std::size_t>(j)]}});
            }
        } else {
            for (int j = 0; j < k; ++j) {
                const auto& value = values[static_cast<std::size_t>(j)];
                for (std::int64_t p = 0; p < points; ++p) {
                    if (factor[static_cast<std::size_t>(p)] == j || p == 0) {
                        rows.push_back({{"arm", runs.arms[a]},
                                        {"factor", names[static_cast<std::size_t>(j)]},
                                        {"value", value[static_cast<std::size_t>(p)]},
                                        {"base_point", p == 0},
                                        {"mean_months", y(p)}});
                    }
                }
            }
        }
    }
    return {{"method", kind},
            {"output", "mean months survived per design point (restricted to the horizon)"},
            {"rows", rows}};
}

}  // namespace

nlohmann::json analyse_results(const std::filesystem::path& results_file) {
    return analyse_results_detailed(results_file).document;
}

ResultsAnalysis analyse_results_detailed(const std::filesystem::path& results_file) {
    const ResultsReader r(results_file);
    if (!r.has("design")) {
        incomplete(results_file,
                   "this is a shard of an unfinished sweep, not a finished results file; finish "
                   "the sweep with `regiosim sweep EXPERIMENT --out FILE --resume`");
    }
    const Scenario scenario = load_scenario_from_string(r.string_attribute("scenario"),
                                                        "scenario in " + results_file.string(),
                                                        results_file.parent_path());
    const runs_table::DesignShape shape = runs_table::read_design_shape(r);
    const int longest =
        runs_table::longest_horizon_months(r, scenario.horizon_months, shape.points);
    const Runs runs = runs_table::read_runs(r, shape, longest);
    const double horizon = scenario.horizon_months;
    const int years = (scenario.horizon_months + 11) / 12;

    const auto samples = runs_table::samples_by_arm(runs);
    const auto rows = analysis::compare_arms(samples, horizon);

    json doc = {{"schema", "regiosim-analysis"},
                {"schema_version", 1},
                {"file", results_file.string()},
                {"experiment", r.string_attribute("experiment_name")},
                {"scenario", scenario.name},
                {"design", r.string_attribute("kind", "design")},
                {"horizon_months", scenario.horizon_months}};
    doc["provenance"] = {{"software_version", r.string_attribute("software_version")},
                         {"git_commit", r.string_attribute("git_commit")},
                         {"git_dirty", r.int_attribute("git_dirty") != 0},
                         {"created", r.string_attribute("created")},
                         {"command_line", r.string_attribute("command_line")},
                         {"master_seed", r.uint_attribute("master_seed")}};
    doc["arms"] = what_if_json(rows);
    doc["arm_tests"] = arm_tests_json(samples);
    doc["summary"] = summary_sentences(rows, horizon);
    json km = json::array();
    json at_risk = {{"years", json::array()}, {"arms", json::object()}};
    for (int y = 0; y <= years; ++y) {
        at_risk["years"].push_back(y);
    }
    json incidence = json::array();
    for (const auto& s : samples) {
        json row;
        km.push_back(kaplan_meier_json(s, row, years));
        at_risk["arms"][s.name] = row;
        add_incidence(s, incidence);
    }
    doc["kaplan_meier"] = km;
    doc["at_risk_table"] = at_risk;
    doc["cumulative_incidence"] = incidence;
    doc["fan_charts"] = fan_charts(r, runs, (longest + 11) / 12);
    doc["parameters"] = parameters_json(scenario, r.strings_attribute("factor_keys", "design"));
    doc["sensitivity"] = sensitivity_json(r, runs);
    return {std::move(doc), rows, horizon};
}

}  // namespace regiosim
