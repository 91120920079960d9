// Never silent (3): sibling calls in initializers of static storage, a
// member function template of a class template, groups in the branches of
// a '?:' beside a hoisted group, and pairs of statements where the first
// one's call is wrapped (a temporary with a destructor, a conversion of a
// struct result) or the first statement may throw. slow() never returns
// for a <= 0: the e2e run ends only if the rewritten program does not
// start it where the serial program has already left by an exception.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>

[[pure]] long w(long a) {
  long r = a;
  for (int k = 0; k < 2000; ++k)
    r = (r * 2654435761L + k) % 1000003;
  return r;
}
// Counts 1, 2, 3, ... and wraps from 10^9 back to 1: never ends for a <= 0.
[[pure]] long slow(long a) {
  long s = 0, i = 1;
  while (i != 0 && (a > 0 ? i <= a * 1000 : true))
    s += i++ % 7, i = i > 1000000000 ? 1 : i;
  return s;
}

long G = w(4) + w(5);
// REMARK-DAG: remark-missing-3.cpp:[[@LINE-1]]:10: remark: calls to 'w' and 'w' not parallelized: 'G' has static storage: its initializer runs before 'main', during static initialization, where purecc starts no tasks [purecc-missed-parallel-calls]
struct SD {
  static long m;
};
long SD::m = w(1) * w(2);
// REMARK-DAG: remark-missing-3.cpp:[[@LINE-1]]:14: remark: calls to 'w' and 'w' not parallelized: 'm' has static storage: its initializer runs before 'main', during static initialization, where purecc starts no tasks [purecc-missed-parallel-calls]

long once(long a) {
  static long cache = w(a) + w(a + 1);
  // REMARK-DAG: remark-missing-3.cpp:[[@LINE-1]]:23: remark: calls to 'w' and 'w' not parallelized: 'cache' is a 'static' local: its initializer runs once under the compiler's initialization guard, where purecc starts no tasks (a thread waiting there for a task could run other work that reaches the same guard) [purecc-missed-parallel-calls]
  thread_local long mine = w(a) - w(a + 2);
  // REMARK-DAG: remark-missing-3.cpp:[[@LINE-1]]:28: remark: calls to 'w' and 'w' not parallelized: 'mine' is 'thread_local': its initializer runs on each thread's first use, where purecc starts no tasks [purecc-missed-parallel-calls]
  return cache + mine;
}

template <class T> struct Box {
  template <class U> U mt(U n) const { return w(n) + w(n + 1); }
  // REMARK-DAG: remark-missing-3.cpp:[[@LINE-1]]:24: remark: body of 'Box::mt' not rewritten: it is a member of a class template: only a free function template declared '{{\[\[pure\]\]}}' is rewritten (one text serves every instantiation) [purecc-not-rewritten]
};

struct T {
  long v;
  ~T() noexcept(false) {
    if (v < 0)
      throw std::runtime_error("dtor");
  }
};
struct Q {
  long v;
  ~Q() {}
};
[[pure]] long use(const T &t) { return w(t.v * 0 + 3); }
[[pure]] long useq(const Q &q) { return w(q.v * 0 + 4); }
struct N {
  long v;
  [[pure]] operator long() const noexcept { return v; }
};
struct K {
  long v;
  [[pure]] operator long() const {
    if (v < -100)
      throw std::runtime_error("conv");
    return v;
  }
};
struct M {
  long v;
  operator long() const { return v; }
};
[[pure]] N nh(long a) { return N{a + w(a) * 0}; }
[[pure]] K kh(long a) { return K{a + w(a) * 0}; }
[[pure]] M mh(long a) { return M{a + w(a) * 0}; }

// Called with a < 0 only: the destructor of T{a} throws.
long pairs(long a) {
  long x = use(T{a});
  // REMARK-DAG: remark-missing-3.cpp:[[@LINE-1]]:12: remark: calls to 'use' and 'slow' not parallelized: the statement that calls 'use' may throw (the destructor of a temporary 'T', which may throw), and the serial program does not make the later call then [purecc-missed-parallel-calls]
  long y = slow(-a);
  return x + y;
}

// Called with a < 0 only: the '?:' throws.
long pairs2(long a) {
  long u = useq(Q{a});
  // REMARK-DAG: remark-missing-3.cpp:[[@LINE-1]]:12: remark: calls to 'useq' and 'w' not parallelized: an argument of 'useq' has side effects: 'Q::~Q' is not known to be pure [purecc-missed-parallel-calls]
  long v = w(a + 7);
  long p = mh(a);
  // REMARK-DAG: remark-missing-3.cpp:[[@LINE-1]]:12: remark: calls to 'w' and 'mh' not parallelized: the conversion of the result of 'mh' calls 'M::operator long', which is not known to be pure [purecc-missed-parallel-calls]
  long q = w(a + 8);
  long z = a < 0 ? throw std::runtime_error("neg") : w(a);
  // REMARK-DAG: remark-missing-3.cpp:[[@LINE-1]]:54: remark: calls to 'w' and 'w' not parallelized: the call to 'w' is made only when the condition of '?:' chooses its branch, and the serial program may not make it [purecc-missed-parallel-calls]
  // REMARK-DAG: remark-missing-3.cpp:[[@LINE-2]]:54: remark: calls to 'w' and 'slow' not parallelized: the statement that calls 'w' may throw (a 'throw' expression), and the serial program does not make the later call then [purecc-missed-parallel-calls]
  long s = slow(a - 1000);
  return u + v + p + q + z + s;
}

long converted(long a) {
  long x = nh(a);
  // REMARK-DAG: remark-missing-3.cpp:[[@LINE-1]]:12: remark: calls to 'nh', 'w' and 'kh' run in parallel [purecc-parallel-calls]
  long y = w(a + 1);
  // The conversion of kh's result throws where the serial one does: after
  // every call of the run, at the store (slow reads 'c': no sibling).
  long c = kh(a * 1000);
  long s = slow(c < 0 ? c : 2);
  return x + y + c + s;
}

int main(int argc, char **) {
  long a = argc + 2;
  long t = w(a + 9) * 3 + (w(a) % 7 == 0 ? w(a + 1) + w(a + 2) : w(a + 3) - w(a + 4));
  // REMARK-DAG: remark-missing-3.cpp:[[@LINE-1]]:12: remark: calls to 'w' and 'w' run in parallel [purecc-parallel-calls]
  // REMARK-DAG: remark-missing-3.cpp:[[@LINE-2]]:44: remark: calls to 'w' and 'w' run in parallel [purecc-parallel-calls]
  // REMARK-DAG: remark-missing-3.cpp:[[@LINE-3]]:66: remark: calls to 'w' and 'w' run in parallel [purecc-parallel-calls]
  Box<long> b;
  std::printf("%ld %ld %ld %ld %ld\n", G, SD::m, once(a), b.mt(a), t);
  // OUT: 1052232 531895986812 1324216 1188224 1100670
  // OUT-NEXT: pairs threw dtor
  // OUT-NEXT: pairs2 threw neg
  // OUT-NEXT: converted 569117
  // OUT-NEXT: converted threw conv
  try {
    std::printf("pairs %ld\n", pairs(-a));
  } catch (const std::exception &e) {
    std::printf("pairs threw %s\n", e.what());
  }
  try {
    std::printf("pairs2 %ld\n", pairs2(-a));
  } catch (const std::exception &e) {
    std::printf("pairs2 threw %s\n", e.what());
  }
  std::printf("converted %ld\n", converted(a));
  try {
    std::printf("converted %ld\n", converted(-a));
  } catch (const std::exception &e) {
    std::printf("converted threw %s\n", e.what());
  }
}
