#include "regiosim/server/connection_slots.hpp"

namespace regiosim::server {

Admission ConnectionSlots::admit(const std::string& client) {
    const std::lock_guard lock(mutex_);
    if (open_ >= policy_.max_connections) {
        return Admission::server_full;
    }
    const auto it = per_client_.find(client);
    const int held = it == per_client_.end() ? 0 : it->second;
    if (held >= policy_.max_per_client) {
        return Admission::client_full;
    }
    // A client that already holds a connection may not take the last, reserved slots.
    if (held > 0 && open_ >= policy_.max_connections - policy_.reserved_for_new_clients) {
        return Admission::server_full;
    }
    ++open_;
    ++per_client_[client];
    return Admission::admitted;
}

void ConnectionSlots::release(const std::string& client) {
    const std::lock_guard lock(mutex_);
    const auto it = per_client_.find(client);
    if (it == per_client_.end()) {
        return;
    }
    --open_;
    if (--it->second == 0) {
        per_client_.erase(it);
    }
}

int ConnectionSlots::open() const {
    const std::lock_guard lock(mutex_);
    return open_;
}

int ConnectionSlots::open_from(const std::string& client) const {
    const std::lock_guard lock(mutex_);
    const auto it = per_client_.find(client);
    return it == per_client_.end() ? 0 : it->second;
}

std::size_t ConnectionSlots::clients() const {
    const std::lock_guard lock(mutex_);
    return per_client_.size();
}

}  // namespace regiosim::server
