// sweep.cpp — a plain [[pure]] program that purecc rewrites with
// -DPURECC_DISTRIBUTED (test/distributed/CMakeLists.txt); rewritten_tests.sh
// runs the result with and without mpirun and compares every line.
//   sweep [all|sum|primes|queens|memo|map|large|throw|small|upward|trapping|startup]
#include <bit>
#include <cfenv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

// A floating-point sum: its bits depend on the association of every '+'.
[[pure]] double term(long i, double scale) {
  return std::sin(scale * static_cast<double>(i)) / (1.0 + static_cast<double>(i));
}

// Uneven costs: trial division is cheap for small and for even numbers.
[[pure]] bool is_prime(long n) {
  if (n < 2)
    return false;
  for (long d = 2; d * d <= n; ++d)
    if (n % d == 0)
      return false;
  return true;
}

// A recursive search: solutions of n queens below a partial placement.
[[pure]] long queens(int n, unsigned cols, unsigned left, unsigned right) {
  unsigned all = (1u << n) - 1u;
  if (cols == all)
    return 1;
  long count = 0;
  unsigned free = all & ~(cols | left | right);
  while (free != 0u) {
    unsigned bit = free & (0u - free);
    free -= bit;
    count += queens(n, cols | bit, ((left | bit) << 1) & all, (right | bit) >> 1);
  }
  return count;
}

// A memoized function, called from a shipped loop.
[[pure]] [[purecc::memo]] long collatz_steps(long n) {
  long steps = 0;
  while (n != 1) {
    n = n % 2 == 0 ? n / 2 : 3 * n + 1;
    ++steps;
  }
  return steps;
}

[[pure]] double weighted(const std::vector<double> &table, long i) {
  return table[static_cast<unsigned long>(i) % table.size()] * static_cast<double>(i % 7);
}

[[pure]] long digit_sum(long n) {
  long s = 0;
  for (; n > 0; n /= 10)
    s += n % 10;
  return s;
}

[[pure]] long checked(long i, long bad) {
  if (i == bad)
    throw std::out_of_range("item " + std::to_string(i) + " is out of range");
  return i % 3;
}

// The low bits of a sum of rounded quotients: they move with the rounding
// mode; an integer sum is exact, so only the mode can change the total.
[[pure]] long rounded_bits(long k) {
  double t = 0.0;
  for (long j = 1; j <= 50; ++j)
    t += 1.0 / static_cast<double>(k * j + 1);
  return static_cast<long>(std::bit_cast<std::uint64_t>(t) & 0xFFFFu);
}

// 1.0/3 accumulations: their low bits move with the rounding mode. Scaled
// to multiples of 2^-16 below 1, so that a sum of 20000 of them is exact
// in any association: the total is the serial program's, bit for bit, and
// differs between FE_UPWARD and FE_TONEAREST.
[[pure]] double thirds(long k) {
  double t = 0.0;
  for (long j = 1; j <= 40; ++j)
    t += 1.0 / static_cast<double>(3 * (k + j));
  return static_cast<double>(std::bit_cast<std::uint64_t>(t) & 0xFFFFu) * 0x1p-16;
}

// A global whose constructor and destructor print: the serial program
// prints each line once, and so must a run under mpirun, whose other ranks
// also construct it but never run main (adv60 F3).
struct Banner {
  Banner() { std::printf("sweep: start\n"); }
  ~Banner() { std::printf("sweep: end\n"); }
} banner;

// A constant each rank computes at start-up from what it alone sees (its
// rank): 0 without mpirun and on rank 0, another value on each other rank.
// A loop reading it through a pure function stays on rank 0 (adv60 F2).
const long kRankSeen = std::getenv("OMPI_COMM_WORLD_RANK") ? std::atol(std::getenv("OMPI_COMM_WORLD_RANK")) : 0;
[[pure]] long rank_mix(long i) { return is_prime(i) ? (i + kRankSeen) % 1009 : 0; }

// One reduction site, called under two rounding modes: its shipped nodes
// run under the caller's mode, and persisted results are keyed with it.
double thirds_total(long n) {
  double total = 0.0;
  for (long k = 0; k < n; ++k)
    total += thirds(k);
  return total;
}

int main(int argc, char **argv) {
  std::string what = argc > 1 ? argv[1] : "all";
  bool all = what == "all";
  if (all || what == "startup") {
    // Initialized where main first reaches it, which other ranks never do
    // (adv60 F1: they read 0 and divided by it).
    static const long modulus = argc + 1000;
    long a = 0;
    for (long i = 0; i < 100000; ++i)
      a += is_prime(i) ? i % modulus : 0;
    long b = 0;
    for (long i = 0; i < 100000; ++i)
      b += rank_mix(i);
    std::printf("startup %ld %ld\n", a, b);
  }
  if (all || what == "sum") {
    double scale = 0.25;
    long n = 300000;
    double s = 0.0;
    for (long i = 0; i < n; ++i)
      s += term(i, scale);
    std::printf("sum %a\n", s);
  }
  if (all || what == "primes") {
    long count = 0;
    for (long k = 0; k < 200000; ++k)
      count += is_prime(k) ? 1 : 0;
    std::printf("primes %ld\n", count);
  }
  if (all || what == "queens") {
    // The second row's placements are the tasks: uneven subtrees.
    int n = 10;
    long solutions = 0;
    for (int p = 0; p < n * n; ++p) {
      unsigned a = 1u << (p / n), b = 1u << (p % n);
      if ((b & (a | (a << 1) | (a >> 1))) == 0u)
        solutions += queens(n, a | b, ((a << 2) | (b << 1)) & ((1u << n) - 1u), (a >> 2) | (b >> 1));
    }
    std::printf("queens %ld\n", solutions);
  }
  if (all || what == "memo") {
    long steps = 0;
    for (long i = 0; i < 60000; ++i)
      steps += collatz_steps(1 + i % 3000);
    std::printf("collatz %ld\n", steps);
  }
  if (all || what == "map") {
    // Maps: an indexed store and a range-for over its elements; the
    // checksums fold in order (not parallelized: h is read).
    long offset = 1000;
    std::vector<long> sums(30000);
    for (std::size_t k = 0; k < sums.size(); ++k)
      sums[k] = digit_sum(static_cast<long>(k) * 7919 + offset);
    std::vector<double> roots(30000, 2.0);
    for (double &x : roots)
      x = std::sqrt(x + static_cast<double>(digit_sum(static_cast<long>(x * 1e6))));
    unsigned long h = 0;
    for (std::size_t k = 0; k < sums.size(); ++k)
      h = h * 31 + static_cast<unsigned long>(sums[k]) + static_cast<unsigned long>(roots[k] * 1e9);
    std::printf("map %lu\n", h);
  }
  if (all || what == "large") {
    // 20000 doubles: 156.3 KiB, above the 64 KiB of a large argument.
    std::vector<double> table(20000);
    for (std::size_t k = 0; k < table.size(); ++k)
      table[k] = 1.0 / static_cast<double>(k + 1);
    double w = 0.0;
    for (long i = 0; i < 400000; ++i)
      w += weighted(table, i);
    std::printf("weighted %a\n", w);
  }
  if (all || what == "throw") {
    long bad = 150001;
    try {
      long t = 0;
      for (long i = 0; i < 200000; ++i)
        t += checked(i, bad);
      std::printf("no exception %ld\n", t);
    } catch (const std::out_of_range &e) {
      std::printf("caught std::out_of_range: %s\n", e.what());
    }
  }
  if (all || what == "small") {
    // Loop-free iterations under a bound that is no constant (16 with one
    // argument): the leaf size is the local run's (1024), and a range of
    // fewer than 64 leaves never leaves rank 0.
    long m = static_cast<long>(argc) * 8;
    long tiny = 0;
    for (long i = 0; i < m; ++i)
      tiny += (i * i) % 7;
    std::printf("small %ld\n", tiny);
  }
  if (what == "upward") {
    // Under FE_UPWARD (not in "all"): every term must round up, as the
    // serial program's do, wherever it runs; then the same site under
    // round-to-nearest.
    std::fesetround(FE_UPWARD);
    long bits = 0;
    for (long k = 0; k < 20000; ++k)
      bits += rounded_bits(k);
    // Read twice: the compiler must not take the second call for the first
    // (without -frounding-math it assumes round-to-nearest throughout).
    volatile long count = 20000;
    const double up = thirds_total(count);
    std::fesetround(FE_TONEAREST);
    const double near = thirds_total(count);
    std::printf("upward %ld\n", bits);
    std::printf("upward thirds %a\n", up);
    std::printf("nearest thirds %a\n", near);
  }
  if (what == "trapping") {
    // With a trap enabled (not in "all"): nothing ships, since a trap on
    // another rank would end the job differently from the serial SIGFPE;
    // no term divides by zero, so the program prints the round-to-nearest
    // sum.
    feenableexcept(FE_DIVBYZERO);
    long bits = 0;
    for (long k = 0; k < 20000; ++k)
      bits += rounded_bits(k);
    fedisableexcept(FE_DIVBYZERO);
    std::printf("trapping %ld\n", bits);
  }
  return 0;
}
