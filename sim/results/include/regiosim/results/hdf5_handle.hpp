#pragma once

#include <hdf5.h>

#include <mutex>
#include <utility>

namespace regiosim::h5 {

/// Owns one HDF5 identifier and closes it with the matching H5?close.
class Handle {
  public:
    using Closer = herr_t (*)(hid_t);

    Handle() = default;
    Handle(hid_t id, Closer closer) noexcept : id_(id), closer_(closer) {}
    ~Handle() { reset(); }
    Handle(Handle&& other) noexcept
        : id_(std::exchange(other.id_, H5I_INVALID_HID)), closer_(other.closer_) {}
    Handle& operator=(Handle&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, H5I_INVALID_HID);
            closer_ = other.closer_;
        }
        return *this;
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;

    [[nodiscard]] hid_t get() const noexcept { return id_; }
    [[nodiscard]] bool valid() const noexcept { return id_ >= 0; }
    void reset() noexcept {
        if (id_ >= 0 && closer_ != nullptr) {
            closer_(id_);
        }
        id_ = H5I_INVALID_HID;
    }

  private:
    hid_t id_ = H5I_INVALID_HID;
    Closer closer_ = nullptr;
};

/// The HDF5 library Debian ships is not built thread-safe: every call into it, from any
/// thread, holds this lock.
std::mutex& library_mutex();

/// Stops HDF5 from printing its error stack to stderr: regiosim reports errors itself.
void silence_library_errors();

/// Keeps HDF5 from shutting itself down at exit; call first thing in main, before any other
/// HDF5 call. When a file cannot be closed (a full disk: its last flush fails), HDF5 1.10 frees
/// the file but keeps its identifier, and the shutdown it registers with atexit closes it a
/// second time and crashes (HDFFV-11052) — a clear "disk full" error would end in SIGSEGV
/// instead of its exit code. Every file regiosim writes is closed by its owner before main
/// returns, so nothing is left for the shutdown to do but free memory the process gives back.
void skip_library_shutdown_at_exit() noexcept;

}  // namespace regiosim::h5
