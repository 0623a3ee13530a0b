#include "http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace regiosim::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

RunningServer::RunningServer(server::ServerLimits limits) {
    server::ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.scenario_dir = std::string(REGIOSIM_SOURCE_DIR) + "/scenarios";
    options.limits = limits;
    server_ = std::make_unique<server::HttpServer>(std::move(options));
    thread_ = std::thread([this] { server_->run(); });
}

RunningServer::~RunningServer() {
    server_->stop();
    thread_.join();
}

namespace {

Reply read_reply(tcp::socket& socket, bool head = false) {
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64U * 1024U * 1024U);
    parser.skip(head);  // a HEAD answer announces a body it does not send
    beast::error_code ec;
    http::read(socket, buffer, parser, ec);
    if (ec) {
        return {};
    }
    const auto& res = parser.get();
    return {static_cast<int>(res.result_int()), std::string(res[http::field::content_type]),
            std::string(res[http::field::retry_after]), std::string(res[http::field::allow]),
            res.body()};
}

tcp::socket connect(asio::io_context& ioc, unsigned short port,
                    const std::string& source = "127.0.0.1") {
    tcp::socket socket(ioc);
    socket.open(tcp::v4());
    socket.bind(tcp::endpoint(asio::ip::make_address(source), 0));
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    return socket;
}

Reply request_on(tcp::socket& socket, const std::string& method, const std::string& target,
                 const std::string& body) {
    http::request<http::string_body> req(http::string_to_verb(method), target, 11);
    req.set(http::field::host, "127.0.0.1");
    if (!body.empty()) {
        req.set(http::field::content_type, "application/json");
        req.body() = body;
    }
    req.prepare_payload();
    beast::error_code ec;
    http::write(socket, req, ec);  // a refused oversized body may close the socket early
    return read_reply(socket, method == "HEAD");
}

}  // namespace

Reply request_from(const std::string& source, unsigned short port, const std::string& method,
                   const std::string& target) {
    asio::io_context ioc;
    auto socket = connect(ioc, port, source);
    return request_on(socket, method, target, {});
}

Reply request(unsigned short port, const std::string& method, const std::string& target,
              const std::string& body) {
    asio::io_context ioc;
    auto socket = connect(ioc, port);
    return request_on(socket, method, target, body);
}

Reply post(unsigned short port, const std::string& target, const nlohmann::json& body) {
    return request(port, "POST", target, body.dump());
}

Reply raw(unsigned short port, const std::string& bytes) {
    asio::io_context ioc;
    auto socket = connect(ioc, port);
    beast::error_code ec;
    asio::write(socket, asio::buffer(bytes), ec);
    return read_reply(socket);
}

}  // namespace regiosim::test
