#pragma once

namespace regiosim::server {

/// Hands the heap memory that is free again back to the operating system. glibc keeps what a
/// thread freed in that thread's arena for reuse; after a burst of large runs on the worker
/// threads a classroom laptop would otherwise carry the burst's peak for as long as the server
/// runs. A few milliseconds; does nothing on other C libraries.
void return_free_memory();

}  // namespace regiosim::server
