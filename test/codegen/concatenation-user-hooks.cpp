// A concatenation builds, moves and joins partials through the sequence's
// own allocator and character traits, far more often than the loop does: a
// user's allocator or char_traits (which may count, log or throw) keeps the
// loop serial, with the true reason (adv33 t02, t03: the counts differed).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstddef>
#include <cstdio>
#include <new>
#include <string>
#include <vector>

[[pure]] long work(long n) {
  long s = 0;
  for (long k = 0; k < 3000; ++k)
    s += (n * k) % 7;
  return s + n;
}

long g_copied = 0;
struct CT : std::char_traits<char> {
  static char *copy(char *d, const char *s, std::size_t n) {
    g_copied += static_cast<long>(n);
    return std::char_traits<char>::copy(d, s, n);
  }
};
using CS = std::basic_string<char, CT>;
[[pure]] char piece(long i) { return static_cast<char>('a' + work(i) % 26); }

long g_allocs = 0;
template <class T> struct CA {
  using value_type = T;
  CA() = default;
  template <class U> CA(const CA<U> &) {}
  T *allocate(std::size_t n) {
    ++g_allocs;
    return static_cast<T *>(::operator new(n * sizeof(T)));
  }
  void deallocate(T *p, std::size_t) { ::operator delete(p); }
  template <class U> bool operator==(const CA<U> &) const { return true; }
};

int main(int argc, char **) {
  long n = 3000 + argc;
  CS s;
  for (long i = 0; i < n; ++i) {
    // REMARK: concatenation-user-hooks.cpp:[[@LINE-1]]:3: remark: loop not parallelized: 's' has character traits of the user's, whose copies purecc does not know to be plain: the parallel concatenation would run its code more often than the loop does [purecc-missed-reduction]
    CS t(2, piece(i));
    s += t;
  }
  std::vector<long, CA<long>> v;
  for (long i = 0; i < n; ++i)
    v.push_back(work(i));
  // REMARK: concatenation-user-hooks.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' has an allocator of the user's, whose copies purecc does not know to be plain: the parallel concatenation would run its code more often than the loop does [purecc-missed-reduction]
  std::printf("%zu %ld %zu %ld\n", s.size(), g_copied, v.size(), g_allocs);
}
// OUT: 6002 13666 3001 13
