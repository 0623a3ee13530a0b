// The results file of a sweep: identical datasets whatever the threads, shard size or
// interruptions; existing files are never overwritten by surprise; damaged files are named.
#include <hdf5.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "regiosim/results/results_reader.hpp"
#include "regiosim/sweep/sweep_runner.hpp"
#include "sweep_fixtures.hpp"

namespace regiosim {

namespace {

namespace fs = std::filesystem;

const std::string factors =
    "[design]\npoints = 6\n[output]\nevent_logs = 1\n"
    "[[factors]]\nkey = \"model.key_figure.turnover\"\nname = \"turnover\"\nmin = 0.05\n"
    "max = 0.3\n"
    "[[factors]]\nkey = \"model.trust.build_rate\"\nmin = 0.05\nmax = 0.2\n";

LoadedExperiment experiment(const fs::path& folder) {
    return load_experiment(test::write_file(
        folder, "sweep.toml", test::small_experiment("files", "latin_hypercube", 25, factors)));
}

SweepSummary sweep(const LoadedExperiment& e, const fs::path& out, int threads, int shard_runs,
                   bool resume = false) {
    SweepOptions o;
    o.out = out;
    o.threads = threads;
    o.shard_runs = shard_runs;
    o.resume = resume;
    o.command_line = "test";
    return run_sweep(e, o);
}

// The first of three parts (--shard 1/3) of a sweep into `out`, 40 runs a shard: what a sweep
// killed after a third of its shards leaves on disk.
SweepSummary first_of_three_parts(const LoadedExperiment& e, const fs::path& out) {
    SweepOptions part;
    part.out = out;
    part.shard_runs = 40;
    part.part = SweepPart{0, 3};
    return run_sweep(e, part);
}

// Flips `count` bytes in the middle of the first chunk of `dataset`, as a bad disk sector or a
// torn write would: the file still opens, its attributes and row counts are intact, only that
// chunk no longer inflates.
void flip_chunk_bytes(const fs::path& file, const std::string& dataset, std::size_t count) {
    haddr_t address = 0;
    hsize_t size = 0;
    {
        const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
        REQUIRE(f >= 0);
        const hid_t d = H5Dopen2(f, dataset.c_str(), H5P_DEFAULT);
        REQUIRE(d >= 0);
        hsize_t offset = 0;
        unsigned filter_mask = 0;
        const hid_t space = H5Dget_space(d);
        REQUIRE(H5Dget_chunk_info(d, space, 0, &offset, &filter_mask, &address, &size) >= 0);
        H5Sclose(space);
        H5Dclose(d);
        H5Fclose(f);
    }
    REQUIRE(size >= 2 * count);
    std::fstream io(file, std::ios::in | std::ios::out | std::ios::binary);
    const auto start = static_cast<std::streamoff>(address + size / 2 - count / 2);
    std::string bytes(count, '\0');
    io.seekg(start);
    io.read(bytes.data(), static_cast<std::streamsize>(count));
    for (auto& b : bytes) {
        b = static_cast<char>(~static_cast<unsigned char>(b));
    }
    io.seekp(start);
    io.write(bytes.data(), static_cast<std::streamsize>(count));
    REQUIRE(io.good());
}

}  // namespace

TEST_CASE("datasets are identical for 1 and 2 threads and for different shard sizes",
          "[sweep][files]") {
    const auto folder = test::scratch_folder("sweep-identical");
    const auto e = experiment(folder);
    const auto reference = sweep(e, folder / "a.h5", 1, 1000);
    CHECK(reference.merged);
    CHECK(reference.runs == 6 * 2 * 25);
    CHECK(sweep(e, folder / "b.h5", 2, 37).shards == (300 + 36) / 37);
    CHECK(test::first_difference(folder / "a.h5", folder / "b.h5").empty());
    CHECK_FALSE(fs::exists(folder / "b.h5.parts"));
}

TEST_CASE("the results file holds every documented column with consistent lengths",
          "[sweep][files]") {
    const auto folder = test::scratch_folder("sweep-columns");
    const auto e = experiment(folder);
    (void)sweep(e, folder / "r.h5", 2, 50);
    const ResultsReader r(folder / "r.h5");
    for (const auto& c : results_columns()) {
        INFO(c.group << "/" << c.name);
        CHECK(r.has(std::string(c.group) + "/" + std::string(c.name)));
    }
    CHECK(r.rows("runs/run_id") == 300);
    CHECK(r.rows("runs/factors/turnover") == 300);
    CHECK(r.rows("design/point") == 6);
    CHECK(r.strings_attribute("labels", "runs/arm") ==
          std::vector<std::string>{"baseline", "coordinator"});
    CHECK(r.string_attribute("format") == "regiosim-results");
    CHECK(r.uint_attribute("master_seed") == 99);
    CHECK_THAT(r.string_attribute("scenario"), Catch::Contains("[scenario]"));
    CHECK_THAT(r.string_attribute("experiment"), Catch::Contains("latin_hypercube"));
    // Event logs only for replicate 0 of each point and arm.
    const auto event_runs = r.column<std::int64_t>("events/run_id");
    REQUIRE_FALSE(event_runs.empty());
    for (const auto id : event_runs) {
        CHECK(id % 25 == 0);
    }
    // One yearly row per simulated year a run took part in, its last partial year included.
    const auto months = r.column<std::int32_t>("runs/months_survived");
    std::uint64_t expected_years = 0;
    for (const auto m : months) {
        expected_years += static_cast<std::uint64_t>((m + 11) / 12);
    }
    CHECK(r.rows("years/run_id") == expected_years);
}

TEST_CASE("an interrupted sweep resumed gives the same file", "[sweep][files]") {
    const auto folder = test::scratch_folder("sweep-resume");
    const auto e = experiment(folder);
    // A sweep from nothing merges as it computes; the resumed one below merges the shards on
    // disk at the end: the two ways must write the same datasets.
    (void)sweep(e, folder / "whole.h5", 2, 40);

    const auto first = first_of_three_parts(e, folder / "resumed.h5");
    CHECK_FALSE(first.merged);
    CHECK(fs::exists(folder / "resumed.h5.parts"));
    // A half-written shard, as a kill leaves it, and a damaged finished one.
    std::ofstream(folder / "resumed.h5.parts/shard-000005.h5.tmp") << "half";
    fs::resize_file(folder / "resumed.h5.parts/shard-000001.h5", 100);

    // Without --resume the leftovers are refused, not overwritten.
    CHECK_THROWS_AS(sweep(e, folder / "resumed.h5", 2, 40), OutputError);

    const auto resumed = sweep(e, folder / "resumed.h5", 1, 0, true);
    CHECK(resumed.merged);
    CHECK(resumed.shards_computed == 8 - 1);  // only shard 0 survived: shard 1 was damaged
    CHECK(fs::exists(folder / "resumed.h5.shard-000001.h5.corrupt"));  // never deleted
    CHECK(test::first_difference(folder / "whole.h5", folder / "resumed.h5").empty());
    CHECK(sweep(e, folder / "resumed.h5", 1, 0, true).already_complete);
}

TEST_CASE("a shard whose chunk data is damaged is set aside and computed again", "[sweep][files]") {
    const auto folder = test::scratch_folder("sweep-flipped-shard");
    const auto e = experiment(folder);
    (void)sweep(e, folder / "whole.h5", 2, 40);
    REQUIRE_FALSE(first_of_three_parts(e, folder / "resumed.h5").merged);
    // 64 flipped bytes inside compressed data: the header, attributes and row counts still say
    // the shard is complete.
    const fs::path shard = folder / "resumed.h5.parts/shard-000000.h5";
    flip_chunk_bytes(shard, "years/mean_trust", 64);

    const auto resumed = sweep(e, folder / "resumed.h5", 1, 0, true);
    CHECK(resumed.merged);
    CHECK(resumed.shards_computed == 8 - 1);  // shard 1 survived; shard 0 was computed again
    CHECK_FALSE(fs::exists(folder / "resumed.h5.parts"));
    // Set aside, and kept when the parts folder goes.
    CHECK(fs::exists(folder / "resumed.h5.shard-000000.h5.corrupt"));
    CHECK(test::first_difference(folder / "whole.h5", folder / "resumed.h5").empty());
}

TEST_CASE("resume calls a results file complete only when every dataset reads back",
          "[sweep][files]") {
    const auto folder = test::scratch_folder("sweep-flipped-results");
    const auto e = experiment(folder);
    (void)sweep(e, folder / "whole.h5", 2, 40);
    fs::copy_file(folder / "whole.h5", folder / "damaged.h5");
    flip_chunk_bytes(folder / "damaged.h5", "runs/months_survived", 64);

    const auto resumed = sweep(e, folder / "damaged.h5", 2, 40, true);
    CHECK_FALSE(resumed.already_complete);
    CHECK(resumed.merged);
    CHECK(resumed.shards_computed == 8);
    CHECK(fs::exists(folder / "damaged.h5.corrupt"));  // set aside, never deleted
    CHECK(test::first_difference(folder / "whole.h5", folder / "damaged.h5").empty());
    CHECK(sweep(e, folder / "damaged.h5", 1, 0, true).already_complete);
}

TEST_CASE("existing and foreign files are never overwritten", "[sweep][files]") {
    const auto folder = test::scratch_folder("sweep-protect");
    const auto e = experiment(folder);
    std::ofstream(folder / "foreign.h5") << "not an HDF5 file at all";
    CHECK_THROWS_AS(sweep(e, folder / "foreign.h5", 1, 0), OutputError);
    CHECK_THROWS_AS(sweep(e, folder / "foreign.h5", 1, 0, true), DataError);
    std::ifstream in(folder / "foreign.h5");
    std::string text;
    std::getline(in, text);
    CHECK(text == "not an HDF5 file at all");
}

TEST_CASE("a truncated results file gets a clear error", "[sweep][files]") {
    const auto folder = test::scratch_folder("sweep-truncated");
    const auto e = experiment(folder);
    (void)sweep(e, folder / "r.h5", 2, 0);
    fs::copy_file(folder / "r.h5", folder / "cut.h5");
    fs::resize_file(folder / "cut.h5", fs::file_size(folder / "cut.h5") / 2);
    try {
        const ResultsReader r(folder / "cut.h5");
        (void)r.column<std::int32_t>("runs/months_survived");
        FAIL("a truncated file was read");
    } catch (const DataError& error) {
        CHECK_THAT(error.diagnostics().front().to_string(), Catch::Contains("cut.h5"));
    }
}

}  // namespace regiosim
