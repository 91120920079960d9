// nw.cpp — all-pairs Needleman–Wunsch: the global alignment score of every
// pair of n random DNA sequences of length 200 (n = 100: ~5e3 pairs of 4e4
// cells each), summed. The serial original of the suite's nw.
#include <algorithm>
#include <string>
#include <vector>

#include "suite.h"

constexpr int kLength = 200;
constexpr int kMatch = 1, kMismatch = -1, kGap = -2;

// Linear gap costs, two rows of the score matrix.
[[pure]] int align(const std::string& a, const std::string& b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j) * kGap;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i) * kGap;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int diag = prev[j - 1] + (a[i - 1] == b[j - 1] ? kMatch : kMismatch);
      cur[j] = std::max(diag, std::max(prev[j], cur[j - 1]) + kGap);
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

[[pure]] long all_pairs(const std::vector<std::string>& seqs) {
  long total = 0;
  for (std::size_t i = 0; i < seqs.size(); ++i)
    for (std::size_t j = i + 1; j < seqs.size(); ++j) total += align(seqs[i], seqs[j]);
  return total;
}

// The input: sequence k's letter p is decided by a hash of (k, p).
inline std::vector<std::string> make_sequences(long n) {
  std::vector<std::string> seqs(static_cast<std::size_t>(n), std::string(kLength, 'A'));
  for (long k = 0; k < n; ++k)
    for (int p = 0; p < kLength; ++p)
      seqs[k][p] = "ACGT"[suite::mix(static_cast<std::uint64_t>(k) * kLength + p) % 4];
  return seqs;
}

#ifndef PURECC_SUITE_VARIANT
int main(int argc, char** argv) {
  std::vector<std::string> seqs = make_sequences(suite::size_arg(argc, argv, 100));
  suite::timer t;
  long r = all_pairs(seqs);
  suite::report(r, t);
}
#endif
