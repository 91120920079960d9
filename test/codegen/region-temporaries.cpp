// A region (a '?:' branch, a condition) becomes an immediately invoked
// lambda, and a temporary created in it lives only to the lambda's return,
// not to the end of the full-expression as in the serial program. So a
// region whose value may point into such a temporary (a pointer from
// '.c_str()' of a returned buffer, a 'std::string_view' of a returned
// string) stays serial; one whose value owns what it holds (a number, a
// 'std::string') is rewritten (adv33: g++ warned -Wdangling-pointer, and the
// program read freed memory).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <string>
#include <string_view>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

struct Buf {
  char s[48];
  const char *c_str() const { return s; }
};
[[pure]] Buf mk(long n, long m) {
  Buf b{};
  long f = fib(n) + m;
  for (int i = 0; i < 40; ++i)
    b.s[i] = static_cast<char>('a' + (f + i) % 26);
  return b;
}
[[pure]] Buf cat(const Buf &a, const Buf &b) {
  Buf r{};
  for (int i = 0; i < 20; ++i) {
    r.s[i] = a.s[i];
    r.s[20 + i] = b.s[i];
  }
  return r;
}
[[pure]] std::string word(long n) { return std::string(mk(n, 3).s, 12); }

int main(int argc, char **) {
  long k = argc;
  std::printf("%s\n", k > 0 ? cat(mk(24, 1), mk(25, 2)).c_str() : "none");
  // REMARK: region-temporaries.cpp:[[@LINE-1]]:35: remark: calls to 'mk' and 'mk' not parallelized: the value of the expression around them may point into a temporary it creates, which the lambda it would become destroys before the value is used [purecc-missed-parallel-calls]
  std::string_view none = "none";
  std::string copy(k > 0 ? std::string_view(word(24) + word(25)) : none);
  // REMARK: region-temporaries.cpp:[[@LINE-1]]:45: remark: calls to 'word' and 'word' not parallelized: the value of the expression around them may point into a temporary it creates, which the lambda it would become destroys before the value is used [purecc-missed-parallel-calls]
  std::printf("%s\n", copy.c_str());
  std::string owned = k > 0 ? word(23) + word(22) : std::string("none");
  // REMARK: region-temporaries.cpp:[[@LINE-1]]:31: remark: calls to 'word' and 'word' run in parallel [purecc-parallel-calls]
  std::printf("%s\n", owned.c_str());
}
// OUT:      lmnopqrstuvwxyzabcderstuvwxyzabcdefghijk
// OUT-NEXT: nopqrstuvwxystuvwxyzabcd
// OUT-NEXT: ijklmnopqrstijklmnopqrst
