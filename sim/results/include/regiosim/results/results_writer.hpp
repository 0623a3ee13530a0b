#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "regiosim/experiment/run_table.hpp"
#include "regiosim/experiment/sweep_plan.hpp"
#include "regiosim/results/hdf5_handle.hpp"

namespace regiosim {

/// Where a results file came from (root attributes; docs/results-format.md).
struct Provenance {
    std::string software_version;
    std::string git_commit;
    bool git_dirty = false;
    std::string created;  ///< ISO 8601, UTC
    std::string command_line;
    std::uint64_t master_seed = 0;
    std::string experiment_name;
    std::string scenario_text;    ///< the base scenario, fully resolved
    std::string experiment_text;  ///< the experiment file as read
};

/// The current time as ISO 8601 UTC (2026-11-22T10:15:00Z).
[[nodiscard]] std::string iso8601_now();

/// Writes a results file: the layout of docs/results-format.md, one 1-D dataset per column,
/// appended block by block in run-id order. Shard files and the final file share this layout;
/// shards leave out /design and the provenance.
class ResultsWriter {
  public:
    /// Creates (truncates) `path`. With `with_design`, writes the design points of `plan`.
    ResultsWriter(const std::filesystem::path& path, const SweepPlan& plan, bool with_design);
    ~ResultsWriter();
    ResultsWriter(const ResultsWriter&) = delete;
    ResultsWriter& operator=(const ResultsWriter&) = delete;

    void append(const RunTable& table);
    void write_provenance(const Provenance& provenance);
    /// Root attributes of a shard file: which runs it holds and the sweep it belongs to.
    void write_shard_identity(std::int64_t first_run, std::int64_t last_run,
                              const std::string& sweep_fingerprint);
    /// Flushes and closes; throws IoError when the data could not be written.
    void close();

    [[nodiscard]] std::uint64_t rows(const std::string& group) const;

  private:
    struct Column {
        h5::Handle dataset;
        std::uint64_t rows = 0;
    };

    std::filesystem::path path_;
    std::vector<std::string> factor_names_;
    h5::Handle file_;
    std::map<std::string, Column> columns_;
    std::map<std::string, h5::Handle> groups_;
};

}  // namespace regiosim
