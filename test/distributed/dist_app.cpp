// dist_app — a program written against purecc's distributed API, run by
// mpi_tests.sh with and without mpirun. Every line it prints must be the
// same at any ranks x threads (except where the line says "local"/"remote").
//   dist_app all       reduction, map with a large argument, uneven costs, errors
//   dist_app threads   two threads of the program's own, each running
//                      distributed reductions at the same time
//   dist_app resume    two reductions of slow terms; PURECC_TEST_DIE_AT=i makes
//                      the process running index i of the second one kill itself,
//                      once PURECC_CACHE_DIR's store holds PURECC_TEST_DIE_AFTER_STORED
//                      entries (if set): the results rank 0 committed on its own,
//                      no flush asked for (its writer's 50 ms batches)
//   dist_app trivial   a map of 800 000 trivial elements (6 MiB of results):
//                      rank 0's cost estimate keeps it there
//   dist_app store     whether PURECC_CACHE_DIR exists when main starts (rank 0
//                      opens its memo store while MPI initializes), then a reduction
//   dist_app idle      main waits a second, then a reduction (rank 0's
//                      communication thread sleeps until there is work)
#include "purecc/disk_store.h"
#include "purecc/distributed.h"
#include "purecc/remote_error.h"

#include <bit>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace demo {

struct odd_error : std::exception {
  std::string text;
  explicit odd_error(std::string t) : text(std::move(t)) {}
  const char *what() const noexcept override { return text.c_str(); }
};

double term(std::int64_t i, double scale) { return std::sin(scale * static_cast<double>(i)) / (1.0 + static_cast<double>(i)); }
double add(double a, double b) { return a + b; }

double lookup(std::int64_t i, const std::vector<double> &table) {
  return table[static_cast<std::size_t>(i) % table.size()] * static_cast<double>(i % 7);
}

long long is_prime(std::int64_t i) {
  if (i < 2) return 0;
  for (std::int64_t d = 2; d * d <= i; ++d)
    if (i % d == 0) return 0;
  return 1;
}
long long add_ll(long long a, long long b) { return a + b; }

double checked(std::int64_t i, std::int64_t bad_range, std::int64_t bad_odd) {
  if (i == bad_range) throw std::out_of_range("index " + std::to_string(i) + " is out of range");
  if (i == bad_odd) throw odd_error("odd " + std::to_string(i));
  return static_cast<double>(i);
}

/// Waits (at most a minute) until the memo store in PURECC_CACHE_DIR holds
/// `want` entries: polling the condition itself, not sleeping in its place.
void wait_until_stored(std::uint64_t want) {
  std::string error;
  auto store = purecc::DiskStore::open({.dir = std::getenv("PURECC_CACHE_DIR")}, error);
  for (int tries = 0; store && tries < 12000 && store->summary().entries < want; ++tries)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

double slow_term(std::int64_t i, double seed) {
  if (const char *die = std::getenv("PURECC_TEST_DIE_AT"); die && seed == 2.0 && i == std::atoll(die)) {
    if (const char *stored = std::getenv("PURECC_TEST_DIE_AFTER_STORED"))
      wait_until_stored(std::strtoull(stored, nullptr, 10));
    std::raise(SIGKILL);
  }
  double x = seed;
  for (int k = 0; k < 2000; ++k) x = std::sin(x + static_cast<double>(i) * 1e-3);
  return x;
}

const purecc::reduce_task<term, add> sum_terms{"demo::term", 0x1111ULL, 0x2222ULL};

std::string label(std::int64_t i) { return std::string(static_cast<std::size_t>((i % 5 + 5) % 5), 'x') + std::to_string(i); }
const purecc::map_task<label> labels{"demo::label", 0xdd01ULL, 0xdd02ULL};

double minus_zero(std::int64_t, double z) { return z; }
const purecc::reduce_task<minus_zero, add> sum_zeros{"demo::minus_zero", 0xdd03ULL, 0xdd04ULL};

/// A task that itself calls a distributed reduction: inside a shipped node
/// it runs on that rank's cores.
double nested(std::int64_t i) { return purecc::distributed_reduce(sum_terms, 0, 3000, 0.0, 1e-3 * static_cast<double>(i)); }
const purecc::reduce_task<nested, add> sum_nested{"demo::nested", 0xdd05ULL, 0xdd06ULL};
const purecc::map_task<lookup> lookups{"demo::lookup", 0x3333ULL, 0x4444ULL};
const purecc::reduce_task<is_prime, add_ll> count_primes{"demo::is_prime", 0x5555ULL, 0x6666ULL};
const purecc::reduce_task<checked, add> sum_checked{"demo::checked", 0x7777ULL, 0x8888ULL};
const purecc::reduce_task<slow_term, add> sum_slow{"demo::slow_term", 0x9999ULL, 0xaaaaULL};

unsigned long long bits(double d) { return std::bit_cast<unsigned long long>(d); }

double half(std::int64_t i) { return static_cast<double>(i) * 0.5; }
const purecc::map_task<half> halves{"demo::half", 0xdd07ULL, 0xdd08ULL};

void try_checked(std::int64_t bad_range, std::int64_t bad_odd) {
  try {
    double s = purecc::distributed_reduce(sum_checked, 0, 20000, 0.0, bad_range, bad_odd);
    std::printf("checked sum %.1f\n", s);
  } catch (const purecc::remote_error &e) {
    std::printf("caught remote %s: %s\n", e.type_name().c_str(), e.message().c_str());
  } catch (const odd_error &e) {
    std::printf("caught local demo::odd_error: %s\n", e.what());
  } catch (const std::out_of_range &e) {
    std::printf("caught std::out_of_range: %s\n", e.what());
  }
}

int run_all() {
  const std::int64_t n = 300000;
  const double s = purecc::distributed_reduce(sum_terms, 0, n, 0.0, 0.25);
  const double local = purecc::parallel_reduce(0, n, 0.0, [](std::int64_t i) { return term(i, 0.25); }, add);
  std::printf("reduce bits %016llx, %s the local tree\n", bits(s), bits(s) == bits(local) ? "equal to" : "DIFFERENT from");

  std::vector<double> table(20000);  // 160 KB: a large argument
  for (std::size_t k = 0; k < table.size(); ++k) table[k] = std::cos(static_cast<double>(k));
  unsigned long long check = 0;
  for (int round = 0; round < 2; ++round) {
    std::vector<double> out = purecc::distributed_map(lookups, 0, 50000, table);
    for (std::size_t k = 0; k < out.size(); ++k)
      if (bits(out[k]) != bits(lookup(static_cast<std::int64_t>(k), table))) {
        std::printf("map WRONG at %zu\n", k);
        return 1;
      }
    for (double v : out) check = check * 31 + bits(v);
  }
  std::printf("map checksum %016llx\n", check);

  std::printf("primes below 200000: %lld\n",
              purecc::distributed_reduce(count_primes, 0, 200000, 0LL, purecc::leaf_size{256}));
  std::printf("empty range: %.1f\n", purecc::distributed_reduce(sum_terms, 5, 5, -1.0, 0.25));
  std::vector<std::string> names = purecc::distributed_map(labels, -3, 4000, purecc::leaf_size{7});
  std::printf("labels %s %s %zu\n", names.front().c_str(), names.back().c_str(), names.size());
  std::printf("-0.0 sum bits %016llx\n", bits(purecc::distributed_reduce(sum_zeros, 0, 5000, 0.0, -0.0)));
  std::printf("nested bits %016llx\n", bits(purecc::distributed_reduce(sum_nested, 0, 400, 0.0, purecc::leaf_size{3})));
  try_checked(-1, -1);
  try_checked(15000, 4000);   // the leftmost throwing index wins
  try_checked(4000, 15000);
  return 0;
}

int run_threads() {
  // Rank 0 runs one range job at a time; the second thread's waits (it
  // crashed or hung when both were handed out at once).
  double a = 0.0, b = 0.0;
  long long p = 0;
  std::thread first([&] {
    for (int k = 0; k < 3; ++k)
      a += purecc::distributed_reduce(sum_terms, 0, 200000, 0.0, 0.25 + k);
  });
  std::thread second([&] {
    for (int k = 0; k < 3; ++k)
      b += purecc::distributed_reduce(sum_terms, 0, 150000, 0.0, 0.5 + k);
    p = purecc::distributed_reduce(count_primes, 0, 100000, 0LL, purecc::leaf_size{256});
  });
  first.join();
  second.join();
  std::printf("threads bits %016llx %016llx primes %lld\n", bits(a), bits(b), p);
  return 0;
}
int run_resume() {
  const double a = purecc::distributed_reduce(sum_slow, 0, 4000, 0.0, purecc::leaf_size{16}, 1.0);
  std::printf("first %016llx\n", bits(a));
  std::fflush(stdout);
  const double b = purecc::distributed_reduce(sum_slow, 0, 4000, 0.0, purecc::leaf_size{16}, 2.0);
  std::printf("second %016llx\n", bits(b));
  return 0;
}

int run_trivial() {
  const std::vector<double> v = purecc::distributed_map(halves, 0, 800000);
  unsigned long long check = 0;
  for (double x : v) check = check * 31 + bits(x);
  std::printf("trivial map of %zu: checksum %016llx\n", v.size(), check);
  return 0;
}

int run_store() {
  const char *dir = std::getenv("PURECC_CACHE_DIR");
  std::printf("memo store open when main starts: %s\n",
              dir && std::filesystem::exists(dir) ? "yes" : "no");
  std::printf("reduce bits %016llx\n", bits(purecc::distributed_reduce(sum_terms, 0, 300000, 0.0, 0.25)));
  return 0;
}

/// A program whose main spends a second on its own before one reduction:
/// rank 0's communication thread has nothing to wait for meanwhile.
int run_idle() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  std::printf("reduce bits %016llx\n", bits(purecc::distributed_reduce(sum_terms, 0, 300000, 0.0, 0.25)));
  return 0;
}

} // namespace demo

int main(int argc, char **argv) {
  if (argc == 2 && std::strcmp(argv[1], "all") == 0) return demo::run_all();
  if (argc == 2 && std::strcmp(argv[1], "resume") == 0) return demo::run_resume();
  if (argc == 2 && std::strcmp(argv[1], "threads") == 0) return demo::run_threads();
  if (argc == 2 && std::strcmp(argv[1], "trivial") == 0) return demo::run_trivial();
  if (argc == 2 && std::strcmp(argv[1], "store") == 0) return demo::run_store();
  if (argc == 2 && std::strcmp(argv[1], "idle") == 0) return demo::run_idle();
  std::fprintf(stderr, "usage: dist_app all|threads|resume|trivial|store|idle\n");
  return 2;
}
