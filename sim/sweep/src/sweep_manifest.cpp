#include "sweep_manifest.hpp"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "durable_file.hpp"
#include "regiosim/errors/errors.hpp"
#include "regiosim/errors/file_error.hpp"
#include "regiosim/version.hpp"

namespace regiosim {

namespace {

constexpr std::uint64_t fnv_offset = 14695981039346656037ULL;
constexpr std::uint64_t fnv_prime = 1099511628211ULL;

void mix(std::uint64_t& hash, std::string_view text) {
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= fnv_prime;
    }
    hash ^= 0xFFU;  // separator: ("ab", "c") and ("a", "bc") must differ
    hash *= fnv_prime;
}

constexpr const char* manifest_name = "manifest.json";

}  // namespace

std::string sweep_fingerprint(const LoadedExperiment& experiment, const SweepPlan& plan) {
    std::uint64_t hash = fnv_offset;
    mix(hash, experiment.spec.text);
    mix(hash, experiment.scenario.base().resolved_text);
    // Runs of the two engines agree only up to rounding: a sweep is finished by the engine
    // that began it.
    mix(hash, to_string(experiment.spec.engine));
    mix(hash, build_info::version);
    mix(hash, build_info::git_commit);
    mix(hash, std::to_string(plan.runs()));
    return fmt::format("{:016x}", hash);
}

void write_manifest(const std::filesystem::path& folder, const SweepManifest& m) {
    const nlohmann::json j = {{"format", "regiosim-sweep-parts"},
                              {"fingerprint", m.fingerprint},
                              {"runs", m.runs},
                              {"shard_runs", m.shard_runs},
                              {"shards", m.shards},
                              {"experiment_file", m.experiment_file}};
    durable::write_text(folder / manifest_name, j.dump(2) + "\n");
}

std::optional<SweepManifest> read_manifest(const std::filesystem::path& folder) {
    const auto path = folder / manifest_name;
    std::ifstream in(path);
    if (!in) {
        return std::nullopt;
    }
    std::stringstream text;
    text << in.rdbuf();
    const auto bad = [&](const std::string& problem) {
        return data_error_about_file(
            path.string(), problem,
            "valid: the manifest regiosim sweep writes; delete the folder to start over");
    };
    const auto j = nlohmann::json::parse(text.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("format", "") != "regiosim-sweep-parts") {
        throw bad("not a regiosim sweep manifest");
    }
    try {
        SweepManifest m;
        m.fingerprint = j.at("fingerprint").get<std::string>();
        m.runs = j.at("runs").get<std::int64_t>();
        m.shard_runs = j.at("shard_runs").get<int>();
        m.shards = j.at("shards").get<int>();
        m.experiment_file = j.value("experiment_file", "");
        return m;
    } catch (const nlohmann::json::exception& e) {
        throw bad(std::string("manifest field missing or of the wrong type: ") + e.what());
    }
}

std::filesystem::path shard_path(const std::filesystem::path& folder, int shard) {
    return folder / fmt::format("shard-{:06}.h5", shard);
}

}  // namespace regiosim
