#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace regiosim::server {

/// A request the server will not carry out: the HTTP status to answer with, a sentence for the
/// user and, for scenario problems, the loader's diagnostics (file:line:col: key: problem; valid).
class RequestError : public std::runtime_error {
  public:
    RequestError(int status, const std::string& message, std::vector<std::string> details = {})
        : std::runtime_error(message), status_(status), details_(std::move(details)) {}

    [[nodiscard]] int status() const noexcept { return status_; }
    [[nodiscard]] const std::vector<std::string>& details() const noexcept { return details_; }

  private:
    int status_;
    std::vector<std::string> details_;
};

}  // namespace regiosim::server
