#include "output_lock.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/types.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>
#include <utility>

#include "regiosim/errors/errors.hpp"

namespace regiosim::sweep_steps {

namespace {

namespace fs = std::filesystem;

struct LockOwner {
    long pid = 0;
    std::string host;
};

std::string this_host() {
    std::array<char, 256> name{};
    if (::gethostname(name.data(), name.size() - 1) != 0) {
        return "unknown-host";
    }
    return name.data();
}

std::optional<LockOwner> read_owner(const fs::path& lock) {
    std::ifstream in(lock);
    LockOwner owner;
    if (!(in >> owner.pid >> owner.host)) {
        return std::nullopt;
    }
    return owner;
}

// Whether the owner is certainly gone: only a process of this host can be looked up.
bool owner_is_gone(const LockOwner& owner) {
    if (owner.host != this_host() || owner.pid <= 0) {
        return false;
    }
    return ::kill(static_cast<pid_t>(owner.pid), 0) != 0 && errno == ESRCH;
}

[[noreturn]] void refuse(const fs::path& out, const fs::path& lock,
                         const std::optional<LockOwner>& owner) {
    const std::string who = owner ? fmt::format("process {} on host {}", owner->pid, owner->host)
                                  : std::string("a process that left no readable owner");
    throw OutputError(fmt::format(
        "{}: another sweep is writing this results file ({} holds the lock {}); it is left "
        "untouched: wait for that sweep to finish, or choose another --out; if that process "
        "is gone, delete {}",
        out.string(), who, lock.string(), lock.string()));
}

// Clears the lock when its owner is gone; returns whether the lock is (now) free.
bool clear_if_stale(const fs::path& lock) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(lock, ec))) {
        return true;
    }
    const auto owner = read_owner(lock);
    if (owner && owner_is_gone(*owner)) {
        fs::remove(lock, ec);
        return !ec;
    }
    return false;
}

}  // namespace

fs::path OutputLock::path_for(const fs::path& out) {
    return out.string() + ".lock";
}

void OutputLock::check_free(const fs::path& out) {
    const fs::path lock = path_for(out);
    if (!clear_if_stale(lock)) {
        refuse(out, lock, read_owner(lock));
    }
}

OutputLock::OutputLock(const fs::path& out) {
    const fs::path lock = path_for(out);
    const std::string owner = fmt::format("{} {}\n", ::getpid(), this_host());
    // Two attempts: the second after clearing a stale lock.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const int fd = ::open(lock.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd >= 0) {
            const auto written = ::write(fd, owner.data(), owner.size());
            ::close(fd);
            path_ = lock;
            if (written != static_cast<ssize_t>(owner.size())) {
                release();
                throw IoError(lock.string() + ": cannot write the lock file (disk full?)");
            }
            return;
        }
        if (errno != EEXIST) {
            throw OutputError(fmt::format("{}: cannot create the lock file: {}", lock.string(),
                                          std::strerror(errno)));
        }
        if (!clear_if_stale(lock)) {
            break;
        }
    }
    refuse(out, lock, read_owner(lock));
}

OutputLock::~OutputLock() {
    release();
}

OutputLock::OutputLock(OutputLock&& other) noexcept : path_(std::exchange(other.path_, {})) {}

OutputLock& OutputLock::operator=(OutputLock&& other) noexcept {
    if (this != &other) {
        release();
        path_ = std::exchange(other.path_, {});
    }
    return *this;
}

void OutputLock::release() noexcept {
    if (!path_.empty()) {
        std::error_code ec;
        fs::remove(path_, ec);
        path_.clear();
    }
}

}  // namespace regiosim::sweep_steps
