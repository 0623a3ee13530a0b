// Distributed sweeps: rank 0 coordinates, workers compute shards. Only the main thread of each
// rank calls MPI (MPI_THREAD_FUNNELED); oneTBB threads never do.

#include "regiosim/sweep/mpi_sweep.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <mpi.h>
#include <tbb/global_control.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <optional>
#include <thread>

#include "regiosim/errors/errors.hpp"
#include "sweep_steps.hpp"

namespace regiosim {

namespace {

using namespace sweep_steps;

enum Tag : int { request = 1, assign = 2, failed = 3 };
constexpr int no_more_work = -1;

// What rank 0 knows about shards in flight, kept as ready-to-print text so the SIGTERM handler
// (the launcher's way of ending the job when a rank dies) can write it with async-signal-safe
// calls only. The launcher may stop forwarding rank 0's stderr while it ends the job, so the
// report also goes to a file in the parts folder, which a resumed sweep prints. Two versions:
// the main thread fills the one not shown, then switches, so the handler never sees a half text.
struct InFlightText {
    std::array<char, 8192> text{};
    std::size_t length = 0;
};
std::array<InFlightText, 2> in_flight_versions{};
volatile std::sig_atomic_t in_flight_shown = 0;

const InFlightText& in_flight() noexcept {
    return in_flight_versions[static_cast<std::size_t>(in_flight_shown)];
}
std::array<char, 4096> report_path{};
std::array<char, 4096> report_draft_path{};
// The output's lock, held by rank 0: released by the handler too, so a resume started as soon as
// the launcher returns does not find the lock of a rank 0 that is still on its way out.
std::array<char, 4096> lock_path{};

// Rewrites the report file with the shards now in flight (only the shards: a resumed sweep says
// the rest in its own words), with async-signal-safe calls only. The new text goes to a draft
// renamed over the report, so a SIGKILL at any moment leaves one whole version, never an empty
// file.
void write_in_flight_report(bool sync) noexcept {
    if (report_path[0] == '\0') {
        return;
    }
    const int fd = ::open(report_draft_path.data(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        (void)!::write(fd, in_flight().text.data(), in_flight().length);
        (void)!::write(fd, "\n", 1);
        if (sync) {
            (void)::fsync(fd);
        }
        (void)::close(fd);
        (void)::rename(report_draft_path.data(), report_path.data());
    }
}

extern "C" void report_in_flight_and_exit(int) {
    const InFlightText& shards = in_flight();
    write_in_flight_report(true);
    constexpr char head[] = "regiosim sweep: the MPI job is being ended; shards in flight: ";
    (void)!::write(STDERR_FILENO, head, sizeof head - 1);
    (void)!::write(STDERR_FILENO, shards.text.data(), shards.length);
    constexpr char tail[] =
        "\nEvery finished shard is kept; run the sweep again with --resume to complete it.\n";
    (void)!::write(STDERR_FILENO, tail, sizeof tail - 1);
    if (lock_path[0] != '\0') {
        (void)::unlink(lock_path.data());
    }
    ::_exit(static_cast<int>(ExitCode::io));
}

// The report is also kept on disk while the job runs, not only written by the SIGTERM handler: a
// launcher ending a job sends SIGKILL when its grace period is over, and on a loaded node the
// handler may not have run by then (the page cache keeps the last version even when rank 0 is
// killed outright). Rewriting it at every assignment would put a file creation and a rename on
// the coordinator's path for every shard — thousands a second on a large job, each a metadata
// round trip on a parallel file system — so it is rewritten when rank 0 has nothing to answer,
// and at least every longest_report_delay while it is kept busy.
bool report_behind = false;
Clock::time_point report_written{};
constexpr auto longest_report_delay = std::chrono::seconds(1);

void catch_up_report() {
    if (report_behind) {
        write_in_flight_report(false);
        report_behind = false;
        report_written = Clock::now();
    }
}

void update_in_flight(const std::vector<int>& shard_of_rank) {
    std::string text;
    for (std::size_t r = 1; r < shard_of_rank.size(); ++r) {
        if (shard_of_rank[r] >= 0) {
            text +=
                fmt::format("{}shard {} on rank {}", text.empty() ? "" : ", ", shard_of_rank[r], r);
        }
    }
    if (text.empty()) {
        text = "none";
    }
    const int hidden = 1 - in_flight_shown;
    InFlightText& next = in_flight_versions[static_cast<std::size_t>(hidden)];
    next.length = std::min(text.size(), next.text.size());
    std::memcpy(next.text.data(), text.data(), next.length);
    std::atomic_signal_fence(std::memory_order_release);
    in_flight_shown = hidden;
    report_behind = true;
    if (Clock::now() - report_written >= longest_report_delay) {
        catch_up_report();
    }
}

// MPI_Probe spins (Open MPI polls without sleeping), so a coordinator that waits in it takes a
// whole core from the workers on its node. Waiting in short sleeps that grow while nothing
// arrives keeps rank 0 near idle; the cap bounds what a request may wait to well under 1 % of a
// shard of the smallest default size (1 000 runs, tens of milliseconds).
MPI_Status wait_for_message() {
    constexpr auto first_pause = std::chrono::microseconds(10);
    constexpr auto longest_pause = std::chrono::microseconds(250);
    auto pause = first_pause;
    while (true) {
        int arrived = 0;
        MPI_Status status;
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
        if (arrived != 0) {
            return status;
        }
        catch_up_report();
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, longest_pause);
    }
}

// Rank 0 tells the workers whether to start and how the sweep is cut into shards.
struct StartMessage {
    int ok = 0;  // 1 start, 0 rank 0 failed (it reports the error), 2 nothing to do
    int shards = 0;
    int shard_runs = 0;
    std::int64_t runs = 0;
};

SweepSummary coordinate(const PreparedSweep& sweep, const LoadedExperiment& experiment,
                        const SweepOptions& options, int ranks) {
    const auto start = Clock::now();
    SweepSummary summary;
    summary.runs = sweep.plan.runs();
    summary.shards = sweep.end_shard - sweep.first_shard;
    std::deque<int> queue(sweep.todo.begin(), sweep.todo.end());
    std::vector<int> shard_of_rank(static_cast<std::size_t>(ranks), -1);
    const std::string report = ended_job_report(sweep.folder).string();
    const std::string draft = report + ".tmp";  // a resume removes it with other leftovers
    if (draft.size() < report_draft_path.size()) {
        std::memcpy(report_path.data(), report.c_str(), report.size() + 1);
        std::memcpy(report_draft_path.data(), draft.c_str(), draft.size() + 1);
    }
    const std::string lock = OutputLock::path_for(options.out).string();
    if (lock.size() < lock_path.size()) {
        std::memcpy(lock_path.data(), lock.c_str(), lock.size() + 1);
    }
    update_in_flight(shard_of_rank);
    std::signal(SIGTERM, report_in_flight_and_exit);

    SweepProgress progress;
    progress.shards_total = summary.shards;
    progress.runs_total = sweep.runs_in_part;
    progress.runs_done = sweep.runs_on_disk;
    progress.shards_done = summary.shards - static_cast<int>(queue.size());
    int active = ranks - 1;
    while (active > 0) {
        const MPI_Status status = wait_for_message();
        const int worker = status.MPI_SOURCE;
        if (status.MPI_TAG == failed) {
            int length = 0;
            MPI_Get_count(&status, MPI_CHAR, &length);
            std::string message(static_cast<std::size_t>(std::max(length, 0)), '\0');
            MPI_Recv(message.data(), length, MPI_CHAR, worker, failed, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE);
            fmt::print(stderr,
                       "regiosim sweep: rank {} failed on {}\nEvery finished shard is kept; fix "
                       "the cause and run the sweep again with --resume.\n",
                       worker, message);
            std::fflush(stderr);
            MPI_Abort(MPI_COMM_WORLD, static_cast<int>(ExitCode::io));
        }
        int finished = no_more_work;
        MPI_Recv(&finished, 1, MPI_INT, worker, request, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (finished >= 0) {
            const ShardRange range = shard_range(sweep, finished);
            progress.runs_done += range.last - range.first;
            progress.runs_this_session += range.last - range.first;
            ++progress.shards_done;
            ++summary.shards_computed;
            progress.elapsed_seconds = seconds_since(start);
            if (options.progress) {
                options.progress(progress);
            }
        }
        int next = no_more_work;
        if (!queue.empty()) {
            next = queue.front();
            queue.pop_front();
        } else {
            --active;
        }
        shard_of_rank[static_cast<std::size_t>(worker)] = next;
        update_in_flight(shard_of_rank);
        MPI_Send(&next, 1, MPI_INT, worker, assign, MPI_COMM_WORLD);
    }
    std::signal(SIGTERM, SIG_DFL);
    // Every shard is done: no job was ended, nothing to report on a later resume.
    report_path[0] = '\0';
    std::error_code ignored;
    std::filesystem::remove(report, ignored);
    summary.runs_computed = progress.runs_this_session;
    finish(sweep, experiment, options, start, summary);
    return summary;
}

void work(const PreparedSweep& sweep, const LoadedExperiment& experiment) {
    RunTable buffer;
    int finished = no_more_work;
    while (true) {
        MPI_Send(&finished, 1, MPI_INT, 0, request, MPI_COMM_WORLD);
        int shard = no_more_work;
        MPI_Recv(&shard, 1, MPI_INT, 0, assign, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (shard == no_more_work) {
            return;
        }
        try {
            compute_shard(sweep, experiment, shard, buffer);
            publish_shard(sweep, shard, buffer);
        } catch (const std::exception& e) {
            const std::string message = fmt::format("shard {}: {}", shard, e.what());
            MPI_Send(message.data(), static_cast<int>(message.size()), MPI_CHAR, 0, failed,
                     MPI_COMM_WORLD);
            // Rank 0 aborts the job; wait for it rather than racing it to exit.
            MPI_Recv(&shard, 1, MPI_INT, 0, assign, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            return;
        }
        finished = shard;
    }
}

}  // namespace

bool mpi_built_in() noexcept {
    return true;
}

MpiSweepOutcome run_sweep_mpi(const LoadedExperiment& experiment, const SweepOptions& options) {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    MpiSweepOutcome outcome;
    MPI_Comm_rank(MPI_COMM_WORLD, &outcome.rank);
    MPI_Comm_size(MPI_COMM_WORLD, &outcome.ranks);
    if (outcome.ranks == 1) {
        // Started alone (a singleton, or a scheduler variable without a launcher).
        MPI_Finalize();
        outcome.summary = run_sweep(experiment, options);
        return outcome;
    }
    std::optional<tbb::global_control> limit;
    if (options.threads > 0) {
        limit.emplace(tbb::global_control::max_allowed_parallelism,
                      static_cast<std::size_t>(options.threads));
    }

    StartMessage start;
    std::optional<PreparedSweep> sweep;
    std::exception_ptr error;
    if (outcome.rank == 0) {
        try {
            sweep = prepare(experiment, options);
            start.ok = sweep->already_complete ? 2 : 1;
            start.shards = sweep->manifest.shards;
            start.shard_runs = sweep->manifest.shard_runs;
            start.runs = sweep->manifest.runs;
        } catch (...) {
            error = std::current_exception();
        }
    }
    MPI_Bcast(&start, static_cast<int>(sizeof start), MPI_BYTE, 0, MPI_COMM_WORLD);
    if (start.ok != 1) {
        MPI_Finalize();
        if (error) {
            std::rethrow_exception(error);
        }
        outcome.summary.already_complete = start.ok == 2;
        outcome.summary.merged = start.ok == 2;
        return outcome;
    }
    if (outcome.rank == 0) {
        outcome.summary = coordinate(*sweep, experiment, options, outcome.ranks);
    } else {
        SweepManifest manifest;
        manifest.shards = start.shards;
        manifest.shard_runs = start.shard_runs;
        manifest.runs = start.runs;
        work(plan_only(experiment, options, manifest), experiment);
    }
    MPI_Finalize();
    return outcome;
}

}  // namespace regiosim
