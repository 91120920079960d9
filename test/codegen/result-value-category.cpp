// A task's result stands where the serial program's call stood with the
// call's value category and type: a scalar argument is a prvalue again
// ('::purecc::take_result'), so an overload taking 'long &' does not win
// over 'const long &' (adv34 t01), for a function, a constructor and a
// braced constructor alike; an operand of a built-in operator stays the
// plain result. A call returning a 'const' class keeps the 'const' only
// where it is made: a task's lambda would drop it (a 'const std::string &&'
// overload would lose to 'std::string &&', adv34 t04), so such calls stay
// serial.
// RUN: %purecc rewrite --remarks %s -o %t.rw.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=RW < %t.rw.cpp
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <string>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK: result-value-category.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

void out(long &a, long &b) { std::printf("lvalues %ld %ld\n", a, b); }
void out(const long &a, const long &b) { std::printf("const refs %ld %ld\n", a, b); }
void by_value(long a, long b) { std::printf("values %ld %ld\n", a, b); }
void by_value(long &a, long b) { std::printf("lvalue %ld %ld\n", a, b); }

struct Pair {
  const char *how;
  long a, b;
  Pair(long &x, long &y) : how("lvalues"), a(x), b(y) {}
  Pair(const long &x, const long &y) : how("const refs"), a(x), b(y) {}
};

void calls(long k) {
  out(fib(k), fib(k - 1));
  // CHECK: result-value-category.cpp:[[@LINE-1]]:7: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  // RW: {{^}}  auto [purecc_r[[A:[0-9]+]], purecc_r[[B:[0-9]+]]] = ::purecc::parallel_invoke([&] { return fib(k); }, [&] { return fib(k - 1); }); out(::purecc::take_result(purecc_r[[A]]), ::purecc::take_result(purecc_r[[B]]));
  by_value(fib(k), fib(k - 2));
  // CHECK: result-value-category.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  Pair p(fib(k), fib(k - 1));
  // CHECK: result-value-category.cpp:[[@LINE-1]]:10: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  Pair q{fib(k - 1), fib(k)};
  // CHECK: result-value-category.cpp:[[@LINE-1]]:10: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  std::printf("%s %ld %ld, %s %ld %ld\n", p.how, p.a, p.b, q.how, q.a, q.b);
  long sum = fib(k) * 3 + fib(k - 3);
  // CHECK: result-value-category.cpp:[[@LINE-1]]:14: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  // RW: {{^}}  auto [purecc_r[[C:[0-9]+]], purecc_r[[D:[0-9]+]]] = ::purecc::parallel_invoke([&] { return fib(k); }, [&] { return fib(k - 3); }); long sum = purecc_r[[C]] * 3 + purecc_r[[D]];
  std::printf("sum %ld\n", sum);
}

[[pure]] const std::string word(long n) {
  std::string s;
  for (long i = 0; i < n; ++i)
    s += static_cast<char>('a' + (i * 7 + n) % 26);
  // CHECK: result-value-category.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 's' (the pieces kept in the loop's order) [purecc-concatenation]
  return s;
}
void use(const std::string &&a, const std::string &&b) { std::printf("const rvalues %zu %zu\n", a.size(), b.size()); }
void use(std::string &&a, std::string &&b) { std::printf("rvalues %zu %zu\n", a.size(), b.size()); }

int main(int argc, char **) {
  calls(22 + argc);
  use(word(20000), word(30000));
  // CHECK: result-value-category.cpp:[[@LINE-1]]:7: remark: calls to 'word' and 'word' not parallelized: the result of 'word' has type 'const std::string', whose 'const' a task's result would not keep [purecc-missed-parallel-calls]
}
// OUT: const refs 28657 17711
// OUT-NEXT: values 28657 10946
// OUT-NEXT: const refs 28657 17711, const refs 17711 28657
// OUT-NEXT: sum 92736
// OUT-NEXT: const rvalues 20000 30000
