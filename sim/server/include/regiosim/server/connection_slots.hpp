#pragma once

#include <map>
#include <mutex>
#include <string>

#include "regiosim/server/limits.hpp"

namespace regiosim::server {

/// The verdict on one new connection.
enum class Admission {
    admitted,     ///< counted; release() it when the connection ends
    client_full,  ///< its address already holds max_per_client connections
    server_full,  ///< no slot left that this client may take
};

/// Counts open connections, in all and per remote address. Thread-safe: a connection can end on
/// a worker thread that held it last.
class ConnectionSlots {
  public:
    explicit ConnectionSlots(ConnectionPolicy policy) : policy_(policy) {}

    /// Takes a slot for a connection from `client` (its address), or says why not.
    [[nodiscard]] Admission admit(const std::string& client);
    /// Gives back a slot admit() granted.
    void release(const std::string& client);

    [[nodiscard]] int open() const;
    [[nodiscard]] int open_from(const std::string& client) const;
    /// Addresses with an open connection; never more than max_connections.
    [[nodiscard]] std::size_t clients() const;

  private:
    ConnectionPolicy policy_;
    mutable std::mutex mutex_;
    int open_ = 0;
    std::map<std::string, int> per_client_;
};

}  // namespace regiosim::server
