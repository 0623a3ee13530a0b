#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace regiosim::server {

/// A region that ships with regiosim: a top-level file of the scenarios folder.
struct ShippedRegion {
    std::string id;  ///< file name without `.toml`, e.g. "reference"
    std::string name;
    std::string description;
    std::string text;  ///< the file as written, comments included
};

/// The shipped regions, read once at start-up. Files that do not load are left out with a
/// message on stderr, so one broken file does not take the classroom down.
class RegionCatalog {
  public:
    explicit RegionCatalog(std::filesystem::path directory);

    [[nodiscard]] const std::vector<ShippedRegion>& regions() const noexcept { return regions_; }
    /// The region with this id, or nullptr.
    [[nodiscard]] const ShippedRegion* find(const std::string& id) const noexcept;
    /// The file names (`reference.toml`, …) of the listed regions: all an uploaded scenario may
    /// `extends`.
    [[nodiscard]] const std::vector<std::string>& extendable_files() const noexcept {
        return extendable_files_;
    }
    /// Where `extends` of a shipped or uploaded scenario is resolved.
    [[nodiscard]] const std::filesystem::path& directory() const noexcept { return directory_; }

  private:
    std::filesystem::path directory_;
    std::vector<ShippedRegion> regions_;
    std::vector<std::string> extendable_files_;
};

}  // namespace regiosim::server
