// suite_tbb.h — makes the TBB variants of the suite honour OMP_NUM_THREADS,
// the one thread-count knob the runner sets for every variant.
//
//   #include "suite_tbb.h"
//   int main(int argc, char** argv) {
//     suite::tbb_threads limit;   // for the rest of main
//     ...
//   }
#pragma once

#include <cstdlib>

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>

namespace suite {

/// Caps TBB's parallelism at OMP_NUM_THREADS (default: every core).
class tbb_threads {
 public:
  tbb_threads()
      : control_(oneapi::tbb::global_control::max_allowed_parallelism, from_env()) {}

 private:
  static std::size_t from_env() {
    const char* s = std::getenv("OMP_NUM_THREADS");
    long n = s ? std::strtol(s, nullptr, 10) : 0;
    return n > 0 ? static_cast<std::size_t>(n)
                 : static_cast<std::size_t>(oneapi::tbb::info::default_concurrency());
  }
  oneapi::tbb::global_control control_;
};

}  // namespace suite
