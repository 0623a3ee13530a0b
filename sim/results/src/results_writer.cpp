#include "regiosim/results/results_writer.hpp"

#include <chrono>
#include <ctime>
#include <numeric>

#include "hdf5_io.hpp"
#include "regiosim/results/category_labels.hpp"
#include "regiosim/results/results_schema.hpp"
#include "regiosim/results/run_table_columns.hpp"

namespace regiosim {

namespace {

std::vector<std::string> factor_names_of(const SweepPlan& plan) {
    std::vector<std::string> names;
    for (const auto& f : plan.spec.factors) {
        names.push_back(f.name);
    }
    return names;
}

const ColumnInfo* find_column(std::string_view group, std::string_view name) {
    for (const auto& c : results_columns()) {
        if (c.group == group && c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

template <class T>
void append_vector(hid_t dataset, const std::vector<T>& values, std::uint64_t& rows,
                   const std::filesystem::path& file) {
    h5::append_column(dataset, h5::column_type_of<T>(), values.data(), rows, values.size(), file);
    rows += values.size();
}

}  // namespace

std::string iso8601_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

ResultsWriter::ResultsWriter(const std::filesystem::path& path, const SweepPlan& plan,
                             bool with_design, std::uint64_t chunk_rows)
    : path_(path), chunk_rows_(chunk_rows), factor_names_(factor_names_of(plan)) {
    const std::lock_guard lock(h5::library_mutex());
    h5::silence_library_errors();
    file_ = h5::Handle(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
    if (!file_.valid()) {
        throw OutputError(path.string() + ": cannot create the results file");
    }
    for (const char* group : {"runs", "runs/factors", "years", "spending", "events"}) {
        groups_[group] = h5::create_group(file_.get(), group, path_);
    }
    h5::write_string_attribute(file_.get(), "format", results_format_name, path_);
    h5::write_int_attribute(file_.get(), "format_version", results_format_version, path_);

    RunTable empty;
    empty.runs.factors.resize(factor_names_.size());
    for_each_column(
        empty, factor_names_,
        [&](std::string_view group, const std::string& name, const auto& column) {
            using T = typename std::decay_t<decltype(column)>::value_type;
            Column c{h5::create_column(groups_.at(std::string(group)).get(), name,
                                       h5::column_type_of<T>(), path_, chunk_rows_),
                     0};
            if (const ColumnInfo* info = find_column(group, name)) {
                h5::write_string_attribute(c.dataset.get(), "unit", info->unit, path_);
                h5::write_string_attribute(c.dataset.get(), "description", info->meaning, path_);
                if (!info->labels.empty()) {
                    const auto labels =
                        info->labels == "arm" ? plan.spec.arms : category_labels(info->labels);
                    h5::write_strings_attribute(c.dataset.get(), "labels", labels, path_);
                }
            } else {
                h5::write_string_attribute(c.dataset.get(), "description",
                                           "value of this factor in the run's scenario", path_);
            }
            columns_.emplace(std::string(group) + "/" + name, std::move(c));
        });

    if (!with_design) {
        return;
    }
    h5::Handle design = h5::create_group(file_.get(), "design", path_);
    h5::Handle unit = h5::create_group(design.get(), "unit", path_);
    h5::Handle value = h5::create_group(design.get(), "value", path_);
    const auto points = static_cast<std::uint64_t>(plan.points());
    std::vector<std::int64_t> index(points);
    std::iota(index.begin(), index.end(), std::int64_t{0});
    const auto write = [&](hid_t group, const std::string& name, const auto& values) {
        using T = typename std::decay_t<decltype(values)>::value_type;
        h5::Handle d = h5::create_column(group, name, h5::column_type_of<T>(), path_);
        std::uint64_t rows = 0;
        append_vector(d.get(), values, rows, path_);
        if (const ColumnInfo* info = find_column("design", name)) {
            h5::write_string_attribute(d.get(), "description", info->meaning, path_);
        }
    };
    write(design.get(), "point", index);
    write(design.get(), "block", plan.point_block);
    write(design.get(), "group", plan.point_group);
    write(design.get(), "factor", plan.point_factor);
    write(design.get(), "step", plan.point_step);
    std::vector<std::string> keys;
    std::vector<std::string> scales;
    for (int j = 0; j < plan.factors(); ++j) {
        const FactorSpec& f = plan.spec.factors[static_cast<std::size_t>(j)];
        std::vector<double> u(points);
        std::vector<double> v(points);
        for (std::uint64_t r = 0; r < points; ++r) {
            u[r] = plan.unit_points(static_cast<Eigen::Index>(r), j);
            v[r] = plan.factor_values(static_cast<Eigen::Index>(r), j);
        }
        write(unit.get(), f.name, u);
        write(value.get(), f.name, v);
        keys.push_back(f.key_path);
        scales.push_back(f.scale == FactorScale::log ? "log" : "linear");
    }
    h5::write_string_attribute(design.get(), "kind", to_string(plan.spec.design), path_);
    h5::write_strings_attribute(design.get(), "factor_names", factor_names_, path_);
    h5::write_strings_attribute(design.get(), "factor_keys", keys, path_);
    h5::write_strings_attribute(design.get(), "factor_scales", scales, path_);
    h5::write_strings_attribute(design.get(), "arms", plan.spec.arms, path_);
    h5::write_int_attribute(design.get(), "replications", plan.spec.replications, path_);
    h5::write_int_attribute(design.get(), "base_samples", plan.spec.base_samples, path_);
    h5::write_int_attribute(design.get(), "trajectories", plan.spec.trajectories, path_);
    h5::write_int_attribute(design.get(), "morris_levels", plan.spec.morris_levels, path_);
    h5::write_string_attribute(
        design.get(), "random_numbers",
        random_numbers_names[static_cast<std::size_t>(plan.spec.random_numbers)], path_);
    h5::write_string_attribute(design.get(), "engine", to_string(plan.spec.engine), path_);
}

ResultsWriter::~ResultsWriter() {
    const std::lock_guard lock(h5::library_mutex());
    columns_.clear();
    groups_.clear();
    file_.reset();
}

void ResultsWriter::append(const RunTable& table) {
    const std::lock_guard lock(h5::library_mutex());
    for_each_column(table, factor_names_,
                    [&](std::string_view group, const std::string& name, const auto& column) {
                        Column& c = columns_.at(std::string(group) + "/" + name);
                        append_vector(c.dataset.get(), column, c.rows, path_);
                    });
}

void ResultsWriter::write_provenance(const Provenance& p) {
    const std::lock_guard lock(h5::library_mutex());
    const hid_t root = file_.get();
    h5::write_string_attribute(root, "software_version", p.software_version, path_);
    h5::write_string_attribute(root, "git_commit", p.git_commit, path_);
    h5::write_int_attribute(root, "git_dirty", p.git_dirty ? 1 : 0, path_);
    h5::write_string_attribute(root, "created", p.created, path_);
    h5::write_string_attribute(root, "command_line", p.command_line, path_);
    h5::write_uint_attribute(root, "master_seed", p.master_seed, path_);
    h5::write_string_attribute(root, "experiment_name", p.experiment_name, path_);
    h5::write_string_attribute(root, "scenario", p.scenario_text, path_);
    h5::write_string_attribute(root, "experiment", p.experiment_text, path_);
}

void ResultsWriter::write_shard_identity(std::int64_t first_run, std::int64_t last_run,
                                         const std::string& sweep_fingerprint) {
    const std::lock_guard lock(h5::library_mutex());
    h5::write_int_attribute(file_.get(), "first_run", first_run, path_);
    h5::write_int_attribute(file_.get(), "last_run", last_run, path_);
    h5::write_string_attribute(file_.get(), "sweep_fingerprint", sweep_fingerprint, path_);
}

void ResultsWriter::close() {
    const std::lock_guard lock(h5::library_mutex());
    columns_.clear();
    groups_.clear();
    if (file_.valid()) {
        const hid_t id = file_.get();
        if (H5Fflush(id, H5F_SCOPE_GLOBAL) < 0) {
            file_.reset();
            h5::fail(path_, "cannot flush the results file (disk full?)");
        }
        file_.reset();
    }
}

std::uint64_t ResultsWriter::rows(const std::string& group) const {
    const auto it = columns_.find(group + "/run_id");
    return it == columns_.end() ? 0 : it->second.rows;
}

}  // namespace regiosim
