#pragma once

#include <chrono>
#include <cstddef>

namespace regiosim::server {

/// How the open connections are shared out, so that a few clients holding many slow
/// connections (slowloris) cannot lock everyone else out (connection_slots.hpp).
struct ConnectionPolicy {
    /// Open connections in all; one more is answered 503 and closed.
    int max_connections = 128;
    /// Open connections from one remote address. A browser opens about 6 per server; a class
    /// behind one proxy or NAT address needs more (`regiosim serve --max-connections-per-client`).
    int max_per_client = 32;
    /// Of max_connections, the slots only an address with no open connection may take: however
    /// many connections the others hold, a new client still gets in.
    int reserved_for_new_clients = 16;
};

/// Every bound the web server puts on what one client may ask of it. A request beyond a limit
/// gets a 4xx answer naming the limit; work beyond the pools' capacity gets 503 with
/// Retry-After. The defaults are sized for a classroom on a 2-core laptop: 30 students pressing
/// "run" at once must not take the machine or the server down.
struct ServerLimits {
    /// Request bodies: a scenario file plus its settings. Shipped regions are below 20 KiB; the
    /// scenario loader itself accepts 4 MiB, which is more than a browser upload needs.
    std::size_t max_body_bytes = 1024 * 1024;
    /// Request line plus headers.
    std::size_t max_header_bytes = 16 * 1024;
    /// Partners after groups are expanded (the largest shipped region has 205).
    int max_partners = 300;
    /// Months of one run: 50 years, well past the 5–15 years collaborations take (ODD §2.6).
    int max_horizon_months = 600;
    /// Replications per arm of one ensemble request.
    int max_replications = 1000;
    /// Arms of one ensemble request (the reference region has 12).
    int max_arms = 16;
    /// Runs of one ensemble request, all arms together (200 × 12 = 2400 is the common case).
    int max_ensemble_runs = 5000;
    /// Trust edges sent per month of a stepped run: the strongest ones; a full matrix of 205
    /// partners would be 21,000 numbers a month.
    int max_edges_per_frame = 300;
    ConnectionPolicy connections;
    /// Worker threads for single runs and validation, and how many such jobs may wait.
    int run_workers = 2;
    int max_queued_runs = 8;
    /// Ensembles running at once, the threads each uses, and how many may wait.
    int ensemble_workers = 1;
    int ensemble_threads = 2;
    int max_queued_ensembles = 2;
    /// Seconds a client is told to wait when the pools are full.
    int retry_after_seconds = 5;
    /// A connection that has not sent the first byte of a request (a new one, or one kept alive
    /// after an answer) is closed after this long.
    std::chrono::seconds idle_timeout{10};
    /// The request line and headers must be complete this long after their first byte: a client
    /// dribbling a header byte by byte holds its connection no longer.
    std::chrono::seconds header_timeout{5};
    /// And the whole request, body included, this long after the headers (slow clients hold a
    /// connection).
    std::chrono::seconds read_timeout{15};
    /// And read the answer within this time.
    std::chrono::seconds write_timeout{60};
    /// How often memory freed by runs and ensembles is handed back to the operating system.
    std::chrono::seconds memory_return_interval{5};
};

}  // namespace regiosim::server
