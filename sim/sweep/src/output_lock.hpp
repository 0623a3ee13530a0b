#pragma once

// One sweep at a time per results file. A second sweep on the same --out (a --resume started
// while the first still runs) would clear the first one's temporary files, set its shards
// aside and merge half-written ones; the lock makes it stop before it touches anything.
//
// The lock is a file beside the output, `<out>.lock`, created with O_EXCL and holding the
// owner's pid and host name. Network file systems honour O_EXCL where they do not honour
// flock. A lock whose owner is gone (its pid no longer runs on this host: killed, crashed) is
// stale and is cleared; one held from another host is reported, for the user to judge.

#include <filesystem>
#include <string>

namespace regiosim::sweep_steps {

class OutputLock {
  public:
    OutputLock() = default;
    /// Takes the lock of `out`; throws OutputError (73) naming the lock file and its owner when
    /// another live process holds it.
    explicit OutputLock(const std::filesystem::path& out);
    ~OutputLock();
    OutputLock(OutputLock&& other) noexcept;
    OutputLock& operator=(OutputLock&& other) noexcept;
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

    /// Throws like the constructor when a live process holds the lock of `out`, without taking
    /// it (the parts of a job array share the output and do not exclude each other).
    static void check_free(const std::filesystem::path& out);

    [[nodiscard]] static std::filesystem::path path_for(const std::filesystem::path& out);

  private:
    void release() noexcept;
    std::filesystem::path path_;  ///< empty when not held
};

}  // namespace regiosim::sweep_steps
