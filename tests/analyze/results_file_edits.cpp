#include "results_file_edits.hpp"

#include <hdf5.h>

#include <stdexcept>
#include <vector>

#include "../sweep/sweep_fixtures.hpp"
#include "regiosim/scenario/experiment_spec.hpp"
#include "regiosim/sweep/sweep_runner.hpp"

namespace regiosim::test {

namespace {

struct OpenDataset {
    hid_t file = -1;
    hid_t dataset = -1;
    OpenDataset(const std::filesystem::path& path, const std::string& name) {
        file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
        dataset = file < 0 ? -1 : H5Dopen2(file, name.c_str(), H5P_DEFAULT);
        if (dataset < 0) {
            throw std::runtime_error(path.string() + ": cannot open /" + name + " to edit it");
        }
    }
    ~OpenDataset() {
        H5Dclose(dataset);
        H5Fclose(file);
    }
    OpenDataset(const OpenDataset&) = delete;
    OpenDataset& operator=(const OpenDataset&) = delete;
};

}  // namespace

void overwrite_value(const std::filesystem::path& file, const std::string& dataset,
                     std::uint64_t row, double value) {
    const OpenDataset d(file, dataset);
    const hid_t space = H5Dget_space(d.dataset);
    const hsize_t start = row;
    const hsize_t one = 1;
    H5Sselect_hyperslab(space, H5S_SELECT_SET, &start, nullptr, &one, nullptr);
    const hid_t memory = H5Screate_simple(1, &one, nullptr);
    // HDF5 converts the double to the stored integer or float type.
    const herr_t status =
        H5Dwrite(d.dataset, H5T_NATIVE_DOUBLE, memory, space, H5P_DEFAULT, &value);
    H5Sclose(memory);
    H5Sclose(space);
    if (status < 0) {
        throw std::runtime_error(file.string() + ": cannot write /" + dataset);
    }
}

void set_rows(const std::filesystem::path& file, const std::string& dataset, std::uint64_t rows) {
    const OpenDataset d(file, dataset);
    const hsize_t extent = rows;
    if (H5Dset_extent(d.dataset, &extent) < 0) {
        throw std::runtime_error(file.string() + ": cannot resize /" + dataset);
    }
}

void set_rows_of_group(const std::filesystem::path& file, const std::string& group,
                       std::uint64_t rows) {
    std::vector<std::string> datasets;
    {
        const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
        const hid_t g = f < 0 ? -1 : H5Gopen2(f, group.c_str(), H5P_DEFAULT);
        if (g < 0) {
            throw std::runtime_error(file.string() + ": cannot open /" + group);
        }
        H5Ovisit(
            g, H5_INDEX_NAME, H5_ITER_NATIVE,
            [](hid_t, const char* name, const H5O_info_t* info, void* found) -> herr_t {
                if (info->type == H5O_TYPE_DATASET) {
                    static_cast<std::vector<std::string>*>(found)->emplace_back(name);
                }
                return 0;
            },
            &datasets);
        H5Gclose(g);
        H5Fclose(f);
    }
    for (const auto& name : datasets) {
        set_rows(file, group + "/" + name, rows);
    }
}

std::filesystem::path small_results_file(const std::string& name, const std::string& design,
                                         int replications, const std::string& more,
                                         const std::string& arms) {
    const auto folder = scratch_folder(name);
    std::string text = small_experiment(name, design, replications, more);
    if (!arms.empty()) {
        const auto at = text.find("arms = [");
        text.replace(at, text.find('\n', at) - at, arms);
    }
    const auto experiment = load_experiment(write_file(folder, name + ".toml", text));
    SweepOptions options;
    options.out = folder / (name + ".h5");
    options.threads = 2;
    (void)run_sweep(experiment, options);
    return options.out;
}

std::filesystem::path copy_of(const std::filesystem::path& file,
                              const std::filesystem::path& folder, const std::string& name) {
    const auto copy = folder / name;
    std::filesystem::copy_file(file, copy, std::filesystem::copy_options::overwrite_existing);
    return copy;
}

}  // namespace regiosim::test
