// nqueens.cpp — count the solutions of n-queens (n = 13) by recursion over
// rows, the board passed by value. Variants: serial; purecc (the code
// generator's shape: the column loop becomes a parallel_reduce, no cutoff);
// purecc_fast (the fast-clone shape: the untouched serial function runs
// whenever no worker is idle); omp (tasks with a tuned depth cutoff); tbb.
#include <array>
#include <cstdint>

#include "harness.h"

#ifdef PURECC_BENCH_TBB
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_reduce.h>
#endif

namespace {

constexpr int kN = 13;
constexpr int kCutoffRow = 3;  // best of 1..5 for omp on this machine

struct board {
  std::array<std::int8_t, kN> col;  // col[r]: column of the queen in row r
};

bool safe(const board& b, int row, int c) {
  for (int r = 0; r < row; ++r) {
    int d = b.col[r] - c;
    if (d == 0 || d == row - r || d == r - row) return false;
  }
  return true;
}

board place(board b, int row, int c) {
  b.col[row] = static_cast<std::int8_t>(c);
  return b;
}

long nq_serial(board b, int row) {
  if (row == kN) return 1;
  long count = 0;
  for (int c = 0; c < kN; ++c)
    if (safe(b, row, c)) count += nq_serial(place(b, row, c), row + 1);
  return count;
}

long nq_purecc(board b, int row) {
  if (row == kN) return 1;
  return purecc::parallel_reduce(
      0, kN, 0L,
      [&](std::int64_t c) {
        return safe(b, row, int(c)) ? nq_purecc(place(b, row, int(c)), row + 1) : 0L;
      },
      [](long x, long y) { return x + y; });
}

long nq_fast(board b, int row) {
  if (!purecc::should_spawn()) return nq_serial(b, row);
  if (row == kN) return 1;
  return purecc::parallel_reduce(
      0, kN, 0L,
      [&](std::int64_t c) {
        return safe(b, row, int(c)) ? nq_fast(place(b, row, int(c)), row + 1) : 0L;
      },
      [](long x, long y) { return x + y; });
}

long nq_omp(board b, int row) {
  if (row >= kCutoffRow) return nq_serial(b, row);
  long counts[kN] = {};
  for (int c = 0; c < kN; ++c) {
    if (!safe(b, row, c)) continue;
#pragma omp task shared(counts) firstprivate(b, row, c)
    counts[c] = nq_omp(place(b, row, c), row + 1);
  }
#pragma omp taskwait
  long total = 0;
  for (long x : counts) total += x;
  return total;
}

#ifdef PURECC_BENCH_TBB
long nq_tbb(board b, int row) {
  if (row >= kCutoffRow) return nq_serial(b, row);
  return oneapi::tbb::parallel_reduce(
      oneapi::tbb::blocked_range<int>(0, kN, 1), 0L,
      [&](const oneapi::tbb::blocked_range<int>& r, long acc) {
        for (int c = r.begin(); c < r.end(); ++c)
          if (safe(b, row, c)) acc += nq_tbb(place(b, row, c), row + 1);
        return acc;
      },
      [](long x, long y) { return x + y; });
}
#endif

}  // namespace

int main(int argc, char** argv) {
  board empty{};
  bench::variant_table v{
      {"serial", [&] { return std::to_string(nq_serial(empty, 0)); }},
      {"purecc", [&] { return std::to_string(nq_purecc(empty, 0)); }},
      {"purecc_fast", [&] { return std::to_string(nq_fast(empty, 0)); }},
      {"omp", [&] {
         long r = 0;
#pragma omp parallel
#pragma omp single
         r = nq_omp(empty, 0);
         return std::to_string(r);
       }},
#ifdef PURECC_BENCH_TBB
      {"tbb", [&] { return std::to_string(nq_tbb(empty, 0)); }},
#endif
  };
  return bench::run_main(argc, argv, v);
}
