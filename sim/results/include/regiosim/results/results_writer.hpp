#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "regiosim/experiment/run_table.hpp"
#include "regiosim/experiment/sweep_plan.hpp"
#include "regiosim/results/hdf5_handle.hpp"
#include "regiosim/results/results_schema.hpp"

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
    /// `chunk_rows` below results_chunk_rows suits small temporary files (shards): a chunk is
    /// compressed whole, so a 1 000-row shard should not carry 65 536-row chunks. The final
    /// file always uses results_chunk_rows so its layout does not depend on the shard size.
    ResultsWriter(const std::filesystem::path& path, const SweepPlan& plan, bool with_design,
                  std::uint64_t chunk_rows = results_chunk_rows);
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
    std::uint64_t chunk_rows_;
    std::vector<std::string> factor_names_;
    h5::Handle file_;
    std::map<std::string, Column> columns_;
    std::map<std::string, h5::Handle> groups_;
};

}  // namespace regiosim
