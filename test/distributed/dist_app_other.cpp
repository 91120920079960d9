// dist_app_other — the same program as dist_app with one more registered
// task: a different build, for the mismatch check (mpi_tests.sh runs
// `mpirun -n 1 dist_app all : -n 1 dist_app_other all`).
#include "dist_app.cpp"

namespace demo {
double extra(std::int64_t i) { return static_cast<double>(i); }
const purecc::reduce_task<extra, add> sum_extra{"demo::extra", 0xbbbbULL, 0xccccULL};
} // namespace demo
