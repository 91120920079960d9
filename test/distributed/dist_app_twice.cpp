// dist_app_twice — dist_app with a second function registered under an id
// it already uses: the backend must refuse to start (mpi_tests.sh).
#include "dist_app.cpp"

namespace demo {
double impostor(std::int64_t i) { return static_cast<double>(i); }
const purecc::reduce_task<impostor, add> sum_impostor{"demo::term", 0xeeeeULL, 0xffffULL};
} // namespace demo
