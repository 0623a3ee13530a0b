#pragma once

#include <cstddef>
#include <string_view>

namespace regiosim::server {

/// A file of the built web front end, compiled into the binary so the server needs no files,
/// no network and no CDN at run time.
struct StaticAsset {
    std::string_view path;  ///< as requested, e.g. "/app.js"
    std::string_view content_type;
    std::string_view bytes;
};

/// The asset served at `path` ("/" is index.html), or nullptr.
[[nodiscard]] const StaticAsset* find_static_asset(std::string_view path) noexcept;

}  // namespace regiosim::server
