// Experiment files: which scenario, which arms, which factors over which ranges, which design.
// Read with the scenario loader's own machinery so errors look and point the same way.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "regiosim/core/parameters.hpp"
#include "regiosim/scenario/experiment_spec.hpp"
#include "resolve.hpp"

namespace regiosim {

namespace {

using detail::DiagnosticSink;
using detail::Entry;
using detail::Node;
using detail::Range;
using detail::TableReader;

constexpr std::array<std::string_view, 2> scale_names = {"linear", "log"};

// The experiment's name becomes a file name (results/<name>.h5) and a factor's name an HDF5
// dataset name (/runs/factors/<name>): neither may hold a path separator or be `.` or `..`.
// The experiment name follows the scenario's rule for arm names; a factor name also allows the
// dots and brackets of a key path, its default, but starts with a letter, digit or `_`.
constexpr std::size_t max_name_length = 100;
constexpr std::string_view name_characters =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
constexpr std::string_view key_path_characters = ".[]";

bool is_experiment_name(std::string_view name) {
    return !name.empty() && name.size() <= max_name_length &&
           name.find_first_not_of(name_characters) == std::string_view::npos;
}

bool is_factor_name(std::string_view name) {
    const std::string allowed = std::string(name_characters) + std::string(key_path_characters);
    return !name.empty() && name.size() <= max_name_length &&
           key_path_characters.find(name.front()) == std::string_view::npos &&
           name.front() != '-' && name.find_first_not_of(allowed) == std::string_view::npos;
}

// Reads a name at `key` and reports it at its own position when `usable` rejects it.
std::optional<std::string> checked_name(TableReader& r, std::string_view key,
                                        bool (*usable)(std::string_view), std::string_view what,
                                        std::string_view valid) {
    auto name = r.name(key);
    if (name && !usable(*name)) {
        r.sink().add(r.get(key)->value.where, r.path_of(key),
                     fmt::format("{} is not a valid {}", detail::user_text(*name), what),
                     std::string(valid));
        return std::nullopt;
    }
    return name;
}

struct ExperimentDraft {
    ExperimentSpec spec;
    detail::Loc root;
    detail::Loc arms_where;
    std::vector<detail::NameRef> arms;
    bool scenario_given = false;
};

void read_experiment_table(TableReader& top, ExperimentDraft& d) {
    const Node* table = top.table("experiment");
    if (table == nullptr) {
        if (top.node().find("experiment") == nullptr) {
            top.sink().add(d.root, "experiment", "missing the [experiment] section",
                           "valid: [experiment] with name, scenario and design");
        }
        return;
    }
    TableReader r(*table, "experiment", top.sink());
    ExperimentSpec& s = d.spec;
    if (r.require("name", "valid: name = \"reference-lhs\"")) {
        s.name = checked_name(r, "name", is_experiment_name, "experiment name",
                              "valid: 1 to 100 letters, digits, `_` and `-` (it names the "
                              "results file, results/<name>.h5)")
                     .value_or("");
    }
    s.description = r.string("description").value_or("");
    if (r.require("scenario", "valid: scenario = \"../reference.toml\" (relative to this file)")) {
        if (auto path = r.string("scenario")) {
            s.scenario_file = s.file.parent_path() / *path;
            d.scenario_given = true;
        }
    }
    if (const Node* arms = r.array("arms", 1000)) {
        d.arms_where = arms->where;
        for (std::size_t i = 0; i < arms->items.size(); ++i) {
            const std::string path = detail::index_path("experiment.arms", i);
            if (auto name = detail::read_name(arms->items[i], path, top.sink())) {
                d.arms.push_back({*name, arms->items[i].where, path});
            }
        }
    }
    if (r.require("design", "valid: design = \"latin_hypercube\"")) {
        if (auto k = r.choice("design", design_kind_names, "design")) {
            s.design = static_cast<DesignKind>(*k);
        }
    }
    s.replications = r.small_int("replications", 1, ExperimentLimits::max_replications, "runs")
                         .value_or(s.replications);
    if (const Entry* seed = r.get("seed")) {
        s.seed = detail::read_seed(seed->value, "experiment.seed", top.sink()).value_or(s.seed);
    }
    if (auto k = r.choice("random_numbers", random_numbers_names, "random-number policy")) {
        s.random_numbers = static_cast<RandomNumbers>(*k);
    }
    if (auto k = r.choice("engine", engine_kind_names, "engine")) {
        s.engine = static_cast<EngineKind>(*k);
    }
    r.report_unknown_keys();
}

void read_design_table(TableReader& top, ExperimentDraft& d) {
    ExperimentSpec& s = d.spec;
    const Node* table = top.table("design");
    const auto needs = [&](std::string_view key, std::string_view example) {
        top.sink().add(table != nullptr ? table->where : d.root, fmt::format("design.{}", key),
                       fmt::format("design \"{}\" needs design.{}", to_string(s.design), key),
                       fmt::format("valid: [design] {}", example));
    };
    if (table == nullptr) {
        switch (s.design) {
            case DesignKind::latin_hypercube:
                needs("points", "points = 200");
                break;
            case DesignKind::sobol:
                needs("base_samples", "base_samples = 512");
                break;
            case DesignKind::morris:
                needs("trajectories", "trajectories = 20");
                break;
            default:
                break;
        }
        return;
    }
    TableReader r(*table, "design", top.sink());
    // Keys of other designs are still valid keys: switching the design should not need edits.
    const auto points = r.small_int("points", 2, 10'000'000, "design points");
    const auto centred = r.boolean("centred");
    const auto base = r.small_int("base_samples", 2, 10'000'000, "rows of A and B");
    const auto traj = r.small_int("trajectories", 2, 1'000'000, "trajectories");
    const auto levels = r.small_int("levels", 2, 100, "grid levels");
    r.report_unknown_keys();
    s.points = points.value_or(0);
    s.centred = centred.value_or(false);
    s.base_samples = base.value_or(0);
    s.trajectories = traj.value_or(0);
    s.morris_levels = levels.value_or(4);
    if (s.design == DesignKind::latin_hypercube && !points && r.node().find("points") == nullptr) {
        needs("points", "points = 200");
    }
    if (s.design == DesignKind::sobol && !base && r.node().find("base_samples") == nullptr) {
        needs("base_samples", "base_samples = 512");
    }
    if (s.design == DesignKind::morris) {
        if (!traj && r.node().find("trajectories") == nullptr) {
            needs("trajectories", "trajectories = 20");
        }
        if (s.morris_levels % 2 != 0) {
            top.sink().add(r.get("levels")->value.where, "design.levels",
                           fmt::format("{} levels is odd", s.morris_levels),
                           "valid: an even number of grid levels, e.g. 4 (Morris's Δ = p/(2(p−1)) "
                           "needs p even)");
        }
    }
}

void read_output_table(TableReader& top, ExperimentDraft& d) {
    const Node* table = top.table("output");
    if (table == nullptr) {
        return;
    }
    TableReader r(*table, "output", top.sink());
    ExperimentSpec& s = d.spec;
    s.yearly = r.boolean("yearly").value_or(s.yearly);
    s.event_log_replicates =
        r.small_int("event_logs", 0, 1000, "replicates per point and arm").value_or(0);
    s.shard_runs = r.small_int("shard_runs", 1, 10'000'000, "runs per shard").value_or(0);
    r.report_unknown_keys();
}

bool is_integral(double v) {
    return std::floor(v) == v && std::abs(v) < 1e15;
}

void read_factors(TableReader& top, ExperimentDraft& d) {
    const Node* list =
        top.array_of_tables("factors", static_cast<std::size_t>(ExperimentLimits::max_factors));
    if (list == nullptr) {
        return;
    }
    std::unordered_set<std::string> names;
    const Range any{-std::numeric_limits<double>::max(), std::numeric_limits<double>::max(), "",
                    false};
    for (std::size_t i = 0; i < list->items.size(); ++i) {
        const std::string path = detail::index_path("factors", i);
        TableReader r(list->items[i], path, top.sink());
        FactorSpec f;
        f.origin = list->items[i].where.to_source();
        if (r.require("key", "valid: key = \"model.trust.build_rate\"")) {
            if (const Entry* key = r.get("key"); key != nullptr) {
                f.origin = key->value.where.to_source();
            }
            f.key_path = r.string("key").value_or("");
        }
        const bool has_name = r.get("name") != nullptr;
        const auto name = checked_name(r, "name", is_factor_name, "factor name",
                                       "valid: 1 to 100 letters, digits, `_`, `-`, `.`, `[` and "
                                       "`]`, starting with a letter, digit or `_` (it names a "
                                       "dataset, /runs/factors/<name>)");
        const bool bad_name = has_name && !name;
        f.name = name.value_or(f.key_path);
        const bool has_min = r.require("min", "valid: min = 0.05");
        const bool has_max = r.require("max", "valid: max = 0.2");
        const auto lo = r.number("min", any);
        const auto hi = r.number("max", any);
        if (auto k = r.choice("scale", scale_names, "scale")) {
            f.scale = static_cast<FactorScale>(*k);
        }
        f.integer = r.boolean("integer").value_or(false);
        f.levels = r.small_int("levels", 2, ExperimentLimits::max_levels, "levels").value_or(3);
        const auto base = r.number("base", any);
        r.report_unknown_keys();
        if (bad_name || !has_min || !has_max || !lo || !hi || f.key_path.empty()) {
            continue;
        }
        f.min = *lo;
        f.max = *hi;
        const detail::Loc& where = list->items[i].where;
        if (!(f.min < f.max)) {
            top.sink().add(where, path + ".min",
                           fmt::format("min {} is not below max {}", detail::show_number(f.min),
                                       detail::show_number(f.max)),
                           "valid: min < max");
            continue;
        }
        if (f.scale == FactorScale::log && f.min <= 0.0) {
            top.sink().add(where, path + ".min", "a log-scaled factor needs min > 0",
                           "valid: min > 0, or scale = \"linear\"");
            continue;
        }
        if (f.integer && (!is_integral(f.min) || !is_integral(f.max))) {
            top.sink().add(where, path, "an integer factor needs integer min and max",
                           "valid: e.g. min = 6, max = 60");
            continue;
        }
        if (!names.insert(f.name).second) {
            top.sink().add(where, path + ".name",
                           fmt::format("{} names two factors", detail::user_text(f.name)),
                           "valid: a name (or key) used by one factor only");
            continue;
        }
        f.base = base.value_or(std::numeric_limits<double>::quiet_NaN());
        if (base && (*base < f.min || *base > f.max)) {
            top.sink().add(where, path + ".base", "base lies outside min … max",
                           fmt::format("valid: {} to {}", detail::show_number(f.min),
                                       detail::show_number(f.max)));
        }
        d.spec.factors.push_back(std::move(f));
    }
}

// Every factor's key path and both ends of its range go through the scenario's own checks.
void check_factors_against_scenario(const ScenarioTemplate& scenario, ExperimentSpec& spec,
                                    DiagnosticSink& sink) {
    std::vector<Diagnostic> problems;
    for (auto& f : spec.factors) {
        for (const double value : {f.min, f.max}) {
            const ScenarioOverride o{f.key_path, value, f.integer, f.origin};
            try {
                (void)scenario.resolve(std::span(&o, 1));
            } catch (const DataError& e) {
                for (const auto& diagnostic : e.diagnostics()) {
                    problems.push_back(diagnostic);
                }
                break;
            }
        }
        if (std::isnan(f.base)) {
            f.base =
                scenario.value_at(f.key_path).value_or(std::numeric_limits<double>::quiet_NaN());
            if (std::isnan(f.base) || f.base < f.min || f.base > f.max) {
                f.base =
                    f.scale == FactorScale::log ? std::sqrt(f.min * f.max) : 0.5 * (f.min + f.max);
                if (f.integer) {
                    f.base = std::round(f.base);
                }
            }
        }
    }
    for (const auto& p : problems) {
        sink.add(detail::Loc{std::make_shared<const std::string>(p.where.file), p.where.line,
                             p.where.column},
                 p.key_path, p.problem, p.valid);
    }
}

void check_arms(const Scenario& scenario, ExperimentDraft& d, DiagnosticSink& sink) {
    std::string valid = "valid arms:";
    for (const auto& arm : scenario.arms) {
        valid += " " + arm.name;
    }
    if (d.arms.empty()) {
        for (const auto& arm : scenario.arms) {
            d.spec.arms.push_back(arm.name);
        }
        return;
    }
    std::unordered_set<std::string> seen;
    for (const auto& ref : d.arms) {
        if (scenario.find_arm(ref.name) == nullptr) {
            sink.add(ref.where, ref.path,
                     fmt::format("scenario '{}' has no arm {}", scenario.name,
                                 detail::user_text(ref.name)),
                     valid);
        } else if (!seen.insert(ref.name).second) {
            sink.add(ref.where, ref.path, fmt::format("arm {} listed twice", ref.name), valid);
        } else {
            d.spec.arms.push_back(ref.name);
        }
    }
}

void check_size(const ExperimentDraft& d, DiagnosticSink& sink) {
    const ExperimentSpec& s = d.spec;
    if (s.design == DesignKind::replications && !s.factors.empty()) {
        sink.add(d.root, "factors", "design \"replications\" varies no factors",
                 "valid: remove [[factors]], or choose another design");
    }
    if (s.design != DesignKind::replications && s.factors.empty()) {
        sink.add(d.root, "factors", fmt::format("design \"{}\" needs factors", to_string(s.design)),
                 "valid: at least one [[factors]] entry");
        return;
    }
    // Checked arithmetic: an overflowed count must read "more than the limit", not a negative
    // number of runs.
    const std::int64_t points = design_point_count(s);
    const auto arms = static_cast<std::int64_t>(std::max<std::size_t>(s.arms.size(), 1));
    std::int64_t runs = 0;
    const bool overflow = points < 0 || __builtin_mul_overflow(points, arms, &runs) ||
                          __builtin_mul_overflow(runs, std::int64_t{s.replications}, &runs);
    if (overflow || runs > ExperimentLimits::max_runs) {
        const std::string asked = overflow
                                      ? fmt::format("more than {} runs", ExperimentLimits::max_runs)
                                      : fmt::format("{} runs", runs);
        sink.add(d.root, "experiment", fmt::format("the design asks for {}", asked),
                 fmt::format("valid: at most {} runs (points × arms × replications)",
                             ExperimentLimits::max_runs));
    }
}

}  // namespace

std::int64_t design_point_count(const ExperimentSpec& spec) noexcept {
    const auto k = static_cast<std::int64_t>(spec.factors.size());
    constexpr std::int64_t overflow = -1;
    switch (spec.design) {
        case DesignKind::replications:
            return 1;
        case DesignKind::full_factorial: {
            std::int64_t n = 1;
            for (const auto& f : spec.factors) {
                if (n > ExperimentLimits::max_runs / f.levels) {
                    return overflow;
                }
                n *= f.levels;
            }
            return n;
        }
        case DesignKind::latin_hypercube:
            return spec.points;
        case DesignKind::sobol:
            return static_cast<std::int64_t>(spec.base_samples) * (k + 2);
        case DesignKind::morris:
            return static_cast<std::int64_t>(spec.trajectories) * (k + 1);
        case DesignKind::one_at_a_time: {
            // One grid for every factor: the largest number of levels any factor asks for.
            int levels = 2;
            for (const auto& f : spec.factors) {
                levels = std::max(levels, f.levels);
            }
            return 1 + k * levels;
        }
    }
    return overflow;
}

LoadedExperiment load_experiment(const std::filesystem::path& file) {
    const std::string text = detail::read_input_file(file);
    const Node root =
        detail::parse_document(text, std::make_shared<const std::string>(file.string()));
    DiagnosticSink sink;
    ExperimentDraft d;
    d.spec.file = file;
    d.spec.text = text;
    d.root = root.where;
    TableReader top(root, "", sink);
    read_experiment_table(top, d);
    read_design_table(top, d);
    read_output_table(top, d);
    read_factors(top, d);
    top.report_unknown_keys();
    sink.throw_if_any();
    std::optional<ScenarioTemplate> loaded;
    try {
        loaded.emplace(d.spec.scenario_file);
    } catch (const MissingInputError& e) {
        throw MissingInputError(
            fmt::format("{}: experiment.scenario: {}", file.string(), e.what()));
    }
    ScenarioTemplate& scenario = *loaded;
    check_arms(scenario.base().scenario, d, sink);
    check_factors_against_scenario(scenario, d.spec, sink);
    check_size(d, sink);
    sink.throw_if_any();
    return LoadedExperiment{std::move(d.spec), std::move(scenario)};
}

}  // namespace regiosim
