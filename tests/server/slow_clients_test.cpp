// Slowloris: clients that open many connections and send their requests as slowly as they can.
// They must not hold every connection slot, and each of their connections must be cut off soon.
// The clients come from several loopback addresses (127.0.0.x all reach lo on Linux), so the
// per-address limit and the slots kept for new clients can be told apart.
#include <poll.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "http_client.hpp"

namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using regiosim::test::request_from;

/// Connections that each send the start of a request and then nothing more.
class SlowClients {
  public:
    void open(unsigned short port, const std::string& source, int count) {
        for (int i = 0; i < count; ++i) {
            tcp::socket socket(ioc_);
            socket.open(tcp::v4());
            socket.bind(tcp::endpoint(asio::ip::make_address(source), 0));
            socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
            boost::system::error_code ec;
            asio::write(socket, asio::buffer(std::string_view("GET / HTTP/1.1\r\nHost: x\r\n")),
                        ec);
            sockets_.push_back(std::move(socket));
        }
    }

  private:
    asio::io_context ioc_;
    std::vector<tcp::socket> sockets_;
};

/// Whether the server has answered or closed `socket`, waiting at most `wait`.
bool server_spoke(tcp::socket& socket, std::chrono::milliseconds wait) {
    pollfd p{socket.native_handle(), POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(wait.count())) == 1;
}

/// The status line's code of what the server sent before closing, or 0 if it sent nothing.
int status_of_last_words(tcp::socket& socket) {
    std::string answer;
    boost::system::error_code ec;
    asio::read(socket, asio::dynamic_buffer(answer), ec);  // up to the server's close
    return answer.rfind("HTTP/1.1 ", 0) == 0 ? std::stoi(answer.substr(9, 3)) : 0;
}

tcp::socket connect(asio::io_context& ioc, unsigned short port) {
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    return socket;
}

}  // namespace

TEST_CASE("150 slow connections from one address leave the server to everyone else",
          "[server][hostile]") {
    const regiosim::server::ServerLimits limits;  // the defaults `regiosim serve` runs with
    const regiosim::test::RunningServer server(limits);
    const auto port = server.port();
    SlowClients slow;
    slow.open(port, "127.0.0.2", 150);
    // Accepted in order, so by now the server has counted all 150.
    CHECK(request_from("127.0.0.2", port, "GET", "/").status == 503);  // its address is full
    const auto fresh = request_from("127.0.0.1", port, "GET", "/");
    CHECK(fresh.status == 200);
    CHECK(request_from("127.0.0.3", port, "GET", "/api/health").status == 200);
}

TEST_CASE("the last connection slots are kept for addresses that hold none", "[server][hostile]") {
    regiosim::server::ServerLimits limits;
    limits.connections.max_connections = 40;
    limits.connections.max_per_client = 1000;  // one address may take all it can
    limits.connections.reserved_for_new_clients = 8;
    const regiosim::test::RunningServer server(limits);
    const auto port = server.port();
    SlowClients slow;
    slow.open(port, "127.0.0.2", 60);  // takes the 32 unreserved slots, the rest are refused
    CHECK(request_from("127.0.0.2", port, "GET", "/").status == 503);
    CHECK(request_from("127.0.0.1", port, "GET", "/").status == 200);
    // Eight new addresses take the eight reserved slots; then the server is full for everyone.
    for (int host = 3; host < 3 + 8; ++host) {
        slow.open(port, "127.0.0." + std::to_string(host), 1);
    }
    const auto full = request_from("127.0.0.20", port, "GET", "/");
    CHECK(full.status == 503);
    CHECK(full.retry_after == std::to_string(limits.retry_after_seconds));
}

TEST_CASE("a header dribbled byte by byte is cut off at the header deadline", "[server][hostile]") {
    regiosim::server::ServerLimits limits;
    limits.header_timeout = std::chrono::seconds(1);  // far below read_timeout (15 s)
    const regiosim::test::RunningServer server(limits);
    asio::io_context ioc;
    auto socket = connect(ioc, server.port());
    const std::string dribble = "GET / HTTP/1.1\r\nX-Slow: " + std::string(40, 'a');
    // 40 bytes 150 ms apart: 6 s, well past the deadline and well inside read_timeout.
    constexpr auto gap = std::chrono::milliseconds(150);
    std::size_t sent = 0;
    bool cut_off = false;
    while (sent < dribble.size() && !cut_off) {
        boost::system::error_code ec;
        asio::write(socket, asio::buffer(dribble.data() + sent, 1), ec);
        ++sent;
        cut_off = ec || server_spoke(socket, gap);
    }
    CHECK(cut_off);
    CHECK(sent < dribble.size());
    const int status = status_of_last_words(socket);
    CHECK((status == 408 || status == 0));  // told "too slow", or just closed
}

TEST_CASE("a connection that never sends a byte is closed at the idle deadline",
          "[server][hostile]") {
    regiosim::server::ServerLimits limits;
    limits.idle_timeout = std::chrono::seconds(1);  // far below read_timeout (15 s)
    const regiosim::test::RunningServer server(limits);
    asio::io_context ioc;
    auto socket = connect(ioc, server.port());
    REQUIRE(server_spoke(socket, std::chrono::seconds(6)));
    CHECK(status_of_last_words(socket) == 0);  // closed without a word
    // The deadline before the first byte does not cut short a request that is under way.
    CHECK(regiosim::test::request(server.port(), "GET", "/api/health").status == 200);
}
