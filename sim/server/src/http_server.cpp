#include "regiosim/server/http_server.hpp"

#include <fmt/format.h>

#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <optional>

#include "regiosim/errors/errors.hpp"
#include "regiosim/server/api.hpp"
#include "regiosim/server/connection_slots.hpp"
#include "regiosim/server/free_memory.hpp"
#include "regiosim/server/region_catalog.hpp"
#include "regiosim/server/work_queue.hpp"

namespace regiosim::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

struct HttpServer::Impl {
    explicit Impl(ServerOptions o)
        : options(std::move(o)),
          catalog(options.scenario_dir),
          api(catalog, options.limits),
          slots(options.limits.connections),
          acceptor(ioc),
          signals(ioc),
          memory_timer(ioc),
          runs(options.limits.run_workers, options.limits.max_queued_runs),
          ensembles(options.limits.ensemble_workers, options.limits.max_queued_ensembles) {}

    void accept();
    void return_memory_now_and_then();

    ServerOptions options;
    RegionCatalog catalog;
    Api api;
    ConnectionSlots slots;
    // The work queues are declared after the io_context so they are destroyed first: their
    // jobs hold sessions whose sockets belong to it.
    asio::io_context ioc{1};
    tcp::acceptor acceptor;
    asio::signal_set signals;
    asio::steady_timer memory_timer;
    /// Set when a run's or an ensemble's answer has been written and freed, from whichever
    /// thread: its memory was freed into a worker's malloc arena and stays there until trimmed.
    std::atomic<bool> memory_to_return{false};
    WorkQueue runs;
    WorkQueue ensembles;
};

namespace {

/// One connection: reads requests one after another (keep-alive), hands each to the Api and
/// writes the answer. Lives as long as a handler or a queued job holds it.
class Session : public std::enable_shared_from_this<Session> {
    /// What the wait for a request's first byte reads at most; the rest follows with the headers.
    static constexpr std::size_t first_read_bytes = 4096;

  public:
    /// `client` is the remote address; `admitted` says it holds one of the server's slots.
    Session(tcp::socket socket, HttpServer::Impl& server, std::string client, bool admitted)
        : stream_(std::move(socket)),
          server_(server),
          client_(std::move(client)),
          admitted_(admitted) {}
    ~Session() {
        if (admitted_) {
            server_.slots.release(client_);
        }
    }

    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void start() {
        asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
    }

    /// Answers 503 without reading: no connection slot is left for this client.
    void refuse(std::string why) {
        asio::dispatch(stream_.get_executor(), [self = shared_from_this(), why = std::move(why)] {
            self->retry_after_ = true;
            self->send(error_response(503, why), true);
        });
    }

  private:
    const ServerLimits& limits() const { return server_.options.limits; }

    // A request is read in three steps, each with its own deadline, so that a slow client holds
    // its connection only briefly: until its first byte (idle_timeout), until its headers are
    // complete (header_timeout, counted from that first byte) and until its body is complete
    // (read_timeout).
    void read() {
        parser_.emplace();
        parser_->body_limit(limits().max_body_bytes);
        parser_->header_limit(static_cast<std::uint32_t>(limits().max_header_bytes));
        if (buffer_.size() > 0) {
            return read_header();  // the next request (pipelined) has begun already
        }
        // A kept-alive connection would otherwise hold the capacity its largest body needed
        // (up to max_body_bytes) while it waits: 128 connections, 128 MiB.
        buffer_.shrink_to_fit();
        stream_.expires_after(limits().idle_timeout);
        stream_.async_read_some(buffer_.prepare(first_read_bytes),
                                [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                    if (ec) {
                                        return self->close();  // idle, or gone
                                    }
                                    self->buffer_.commit(n);
                                    self->read_header();
                                });
    }

    void read_header() {
        stream_.expires_after(limits().header_timeout);
        http::async_read_header(stream_, buffer_, *parser_,
                                [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                    if (ec || self->parser_->is_done()) {
                                        return self->on_read(ec);
                                    }
                                    self->read_body();
                                });
    }

    void read_body() {
        stream_.expires_after(limits().read_timeout);
        http::async_read(
            stream_, buffer_, *parser_,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
    }

    void on_read(beast::error_code ec) {
        if (ec == http::error::end_of_stream || ec == asio::error::connection_reset ||
            ec == asio::error::eof) {
            return close();
        }
        if (ec == http::error::body_limit) {
            return send(error_response(413, fmt::format("the request body is larger than {} bytes",
                                                        limits().max_body_bytes)),
                        true);
        }
        if (ec == http::error::header_limit) {
            return send(error_response(431, fmt::format("the request headers are larger than {} "
                                                        "bytes",
                                                        limits().max_header_bytes)),
                        true);
        }
        if (ec == beast::error::timeout) {
            if (parser_->got_some()) {
                return send(error_response(408, "the request did not arrive in time"), true);
            }
            return close();
        }
        if (ec) {
            // Every error of Beast's HTTP parser means the client sent something malformed.
            if (ec.category() == http::make_error_code(http::error::bad_method).category()) {
                return send(
                    error_response(400, fmt::format("malformed HTTP request: {}", ec.message())),
                    true);
            }
            return close();
        }
        handle(parser_->release());
    }

    void handle(http::request<http::string_body> request) {
        keep_alive_ = request.keep_alive();
        head_ = request.method() == http::verb::head;
        ApiRequest api_request{std::string(request.method_string()), std::string(request.target()),
                               std::move(request.body())};
        auto routed = server_.api.route(api_request);
        if (routed.kind == WorkKind::immediate) {
            return send(routed.work());
        }
        auto& queue = routed.kind == WorkKind::run ? server_.runs : server_.ensembles;
        const bool queued =
            queue.try_submit([self = shared_from_this(), work = std::move(routed.work)]() mutable {
                auto response = work();
                auto executor = self->stream_.get_executor();
                asio::post(executor, [self = std::move(self), r = std::move(response)]() mutable {
                    self->from_worker_ = true;
                    self->send(std::move(r));
                });
            });
        if (!queued) {
            auto busy = error_response(
                503, routed.kind == WorkKind::run
                         ? "the server is busy with other runs; try again in a few seconds"
                         : "the server is busy with other ensembles; try again in a few seconds");
            retry_after_ = true;
            send(std::move(busy));
        }
    }

    void send(ApiResponse answer, bool close_after = false) {
        auto res = std::make_shared<http::response<http::string_body>>(
            static_cast<http::status>(answer.status), 11);
        res->set(http::field::server, "regiosim");
        res->set(http::field::content_type, answer.content_type);
        res->set(http::field::cache_control, answer.cache_control);
        res->set("X-Content-Type-Options", "nosniff");
        res->set("Content-Security-Policy",
                 "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: "
                 "blob:; frame-ancestors 'none'");
        if (!answer.allow.empty()) {
            res->set(http::field::allow, answer.allow);
        }
        if (retry_after_) {
            res->set(http::field::retry_after, std::to_string(limits().retry_after_seconds));
            retry_after_ = false;
        }
        const bool keep = keep_alive_ && !close_after && answer.status < 500;
        res->keep_alive(keep);
        const auto size = answer.body.size();
        if (!head_) {
            res->body() = std::move(answer.body);
        }
        res->content_length(size);
        stream_.expires_after(limits().write_timeout);
        http::async_write(
            stream_, *res,
            [self = shared_from_this(), res, keep](beast::error_code ec, std::size_t) {
                if (self->from_worker_) {
                    self->from_worker_ = false;
                    self->server_.memory_to_return = true;
                }
                if (ec || !keep) {
                    return self->close();
                }
                self->read();
            });
    }

    void close() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream_.close();
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    HttpServer::Impl& server_;
    std::string client_;
    bool admitted_;
    bool from_worker_ = false;  ///< the answer being written was made on a worker thread
    bool keep_alive_ = false;
    bool head_ = false;
    bool retry_after_ = false;
};

}  // namespace

void HttpServer::Impl::accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
        if (ec == asio::error::operation_aborted) {
            return;
        }
        beast::error_code remote_ec;
        const auto remote = ec ? tcp::endpoint() : socket.remote_endpoint(remote_ec);
        if (!ec && !remote_ec) {
            auto client = remote.address().to_string();
            const auto admission = slots.admit(client);
            const bool admitted = admission == Admission::admitted;
            auto session =
                std::make_shared<Session>(std::move(socket), *this, std::move(client), admitted);
            if (admitted) {
                session->start();
            } else {
                session->refuse(admission == Admission::client_full
                                    ? "too many open connections from your address; close some "
                                      "tabs or try again shortly"
                                    : "too many open connections; try again shortly");
            }
        }
        accept();
    });
}

namespace {

/// Limits that would refuse every client, or never time one out, are a usage error.
void check_connection_limits(const ServerLimits& limits) {
    const auto& c = limits.connections;
    if (c.max_connections < 1) {
        throw UsageError(fmt::format("--max-connections {}: valid: 1 or more", c.max_connections));
    }
    if (c.max_per_client < 1) {
        throw UsageError(
            fmt::format("--max-connections-per-client {}: valid: 1 or more", c.max_per_client));
    }
    if (c.reserved_for_new_clients < 0 || c.reserved_for_new_clients >= c.max_connections) {
        throw UsageError(
            fmt::format("--reserved-connections {}: valid: 0 to {} (below "
                        "--max-connections)",
                        c.reserved_for_new_clients, c.max_connections - 1));
    }
    for (const auto& [option, value] : {std::pair{"--idle-timeout", limits.idle_timeout},
                                        std::pair{"--header-timeout", limits.header_timeout}}) {
        if (value.count() < 1) {
            throw UsageError(fmt::format("{} {}: valid: 1 second or more", option, value.count()));
        }
    }
}

}  // namespace

void HttpServer::Impl::return_memory_now_and_then() {
    memory_timer.expires_after(options.limits.memory_return_interval);
    memory_timer.async_wait([this](beast::error_code ec) {
        if (ec) {
            return;
        }
        // The last answer of a burst is freed after its worker fell idle, so the workers cannot
        // do this themselves; a few milliseconds on the network thread every few seconds, and
        // only after heavy work.
        if (memory_to_return.exchange(false)) {
            return_free_memory();
        }
        return_memory_now_and_then();
    });
}

HttpServer::HttpServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
    const auto& o = impl_->options;
    check_connection_limits(o.limits);
    beast::error_code ec;
    const auto address = asio::ip::make_address(o.host, ec);
    if (ec) {
        throw UsageError(
            fmt::format("--host {}: not an IP address; valid: 127.0.0.1 (this machine "
                        "only), 0.0.0.0 (every network), or an address of this machine",
                        o.host));
    }
    const tcp::endpoint endpoint(address, o.port);
    auto& acceptor = impl_->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) {
        acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
        acceptor.bind(endpoint, ec);
    }
    if (!ec) {
        acceptor.listen(asio::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        throw UsageError(fmt::format("cannot listen on {}:{}: {}; choose another --port or --host",
                                     o.host, o.port, ec.message()));
    }
}

HttpServer::~HttpServer() = default;

unsigned short HttpServer::port() const noexcept {
    beast::error_code ec;
    return impl_->acceptor.local_endpoint(ec).port();
}

void HttpServer::run() {
    if (impl_->options.stop_on_signals) {
        impl_->signals.add(SIGINT);
        impl_->signals.add(SIGTERM);
        impl_->signals.async_wait([this](beast::error_code ec, int) {
            if (!ec) {
                stop();
            }
        });
    }
    impl_->accept();
    impl_->return_memory_now_and_then();
    impl_->ioc.run();
}

void HttpServer::stop() {
    impl_->ioc.stop();
}

}  // namespace regiosim::server
