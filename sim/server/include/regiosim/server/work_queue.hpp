#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace regiosim::server {

/// A fixed set of worker threads with a bounded waiting line. A job is refused, not queued,
/// when the line is full: the caller answers 503 at once instead of letting memory and waiting
/// times grow without bound.
class WorkQueue {
  public:
    /// `workers` threads; at most `max_waiting` jobs wait behind the running ones.
    WorkQueue(int workers, int max_waiting);
    /// Stops taking jobs, drops those still waiting and joins the workers after their job.
    ~WorkQueue();

    WorkQueue(const WorkQueue&) = delete;
    WorkQueue& operator=(const WorkQueue&) = delete;

    /// Queues `job`; false when every worker is busy and the waiting line is full.
    [[nodiscard]] bool try_submit(std::function<void()> job);

    /// Jobs running or waiting.
    [[nodiscard]] std::size_t load() const;

  private:
    void work();

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> waiting_;
    std::size_t running_ = 0;
    std::size_t capacity_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace regiosim::server
