#include "regiosim/server/work_queue.hpp"

#include <algorithm>

namespace regiosim::server {

WorkQueue::WorkQueue(int workers, int max_waiting)
    : capacity_(static_cast<std::size_t>(std::max(1, workers) + std::max(0, max_waiting))) {
    for (int i = 0; i < std::max(1, workers); ++i) {
        threads_.emplace_back([this] { work(); });
    }
}

WorkQueue::~WorkQueue() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        waiting_.clear();
    }
    wake_.notify_all();
    for (auto& t : threads_) {
        t.join();
    }
}

bool WorkQueue::try_submit(std::function<void()> job) {
    {
        const std::lock_guard lock(mutex_);
        if (stopping_ || running_ + waiting_.size() >= capacity_) {
            return false;
        }
        waiting_.push_back(std::move(job));
    }
    wake_.notify_one();
    return true;
}

std::size_t WorkQueue::load() const {
    const std::lock_guard lock(mutex_);
    return running_ + waiting_.size();
}

void WorkQueue::work() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
            if (stopping_) {
                return;
            }
            job = std::move(waiting_.front());
            waiting_.pop_front();
            ++running_;
        }
        job();  // jobs catch their own exceptions: they turn them into HTTP answers
        const std::lock_guard lock(mutex_);
        --running_;
    }
}

}  // namespace regiosim::server
