#pragma once

// The manifest of a sweep's parts folder: which sweep the shards belong to and how the runs are
// cut into shards. A resume that finds a different manifest refuses to mix the two sweeps.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "regiosim/experiment/sweep_plan.hpp"
#include "regiosim/scenario/experiment_spec.hpp"

namespace regiosim {

struct SweepManifest {
    std::string fingerprint;  ///< of everything that decides the datasets' content
    std::int64_t runs = 0;
    int shard_runs = 0;
    int shards = 0;
    std::string experiment_file;
};

/// FNV-1a 64 over the experiment text, the resolved scenario, the software version and the
/// plan's size, in hex. Two sweeps with equal fingerprints produce equal datasets.
[[nodiscard]] std::string sweep_fingerprint(const LoadedExperiment& experiment,
                                            const SweepPlan& plan);

void write_manifest(const std::filesystem::path& folder, const SweepManifest& manifest);

/// The manifest in `folder`, nullopt when there is none; throws DataError when unreadable.
[[nodiscard]] std::optional<SweepManifest> read_manifest(const std::filesystem::path& folder);

/// `<folder>/shard-000042.h5`.
[[nodiscard]] std::filesystem::path shard_path(const std::filesystem::path& folder, int shard);

}  // namespace regiosim
