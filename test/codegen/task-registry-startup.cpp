// A task that travels runs on another rank, which never ran the function
// that holds the loop and computed its own globals at start-up (adv60):
// - a static local of that function is initialized where the function
//   first reaches it, so on another rank it was never initialized (F1:
//   'K' read 0 there; a vector read empty crashed). One with a constant
//   initializer is the same everywhere and travels;
// - a global whose initializer calls what is not pure (the environment,
//   a random device, stdin) has each rank's own value (F2), and a
//   persisted result keyed by the text would serve one run's value to the
//   next (F4): the loop or call reading it, directly or through the
//   functions it calls, stays on this process. A global computed by pure
//   code is the same on every rank and travels;
// - the fingerprint of a task whose code calls a function of another file
//   lists that function's symbol after the id (F5), so that the runtime
//   completes it from the linked program (an edit there changes the key).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark: --implicit-check-not=note:
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --check-prefix=CODE
// RUN: %purecc rewrite %s -o - -- -std=c++20 -DOTHER_FILE | FileCheck %s --check-prefix=LINKED
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#define PURECC_DISTRIBUTED 1

#include <cstdio>
#include <cstdlib>
#include <vector>

#ifdef OTHER_FILE
[[pure]] long kernel(long x) noexcept; // defined in another file

long sumKernel(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += kernel(i);
  // LINKED: ::purecc::reduce_at<"_Z9sumKernell#r{{[0-9]+}}\0" "_Z6kernell", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL>(
  return s;
}
#endif

[[pure]] long spin(long x) {
  for (int r = 0; r < 50; ++r)
    x = (x * 31 + 7) % 1000003;
  return x;
}

const long kFromEnv = std::getenv("PURECC_TEST_SCALE") ? std::atol(std::getenv("PURECC_TEST_SCALE")) : 3;
const long kTwice = kFromEnv * 2;

[[pure]] long scaled(long i) { return spin(i) * kTwice; }

[[pure]] std::vector<long> makeTable() {
  std::vector<long> t;
  for (long i = 0; i < 16; ++i)
    t.push_back(spin(i));
  // CHECK: task-registry-startup.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel concatenation onto 't' (the pieces kept in the loop's order) [purecc-concatenation]
  return t;
}
const std::vector<long> kTable = makeTable();

[[pure]] long fromTable(long i) { return spin(i) + kTable[static_cast<unsigned long>(i) % 16]; }

[[pure]] long walk(long d) {
  if (d <= 0)
    return spin(kFromEnv);
  return walk(d - 1) + walk(d - 2);
  // CHECK: task-registry-startup.cpp:[[@LINE-1]]:10: remark: this parallel call runs on this process only, not on other ranks: 'walk' reads 'kFromEnv', whose initializer calls 'std::getenv': each rank computes its own value at start-up, which may differ from rank 0's and between runs [purecc-task-local]
  // CHECK: task-registry-startup.cpp:{{[0-9]+}}:23: note: 'std::getenv' is called here when the program starts
  // CHECK: task-registry-startup.cpp:[[@LINE-3]]:24: remark: this parallel call runs on this process only, not on other ranks: 'walk' reads 'kFromEnv', whose initializer calls 'std::getenv': each rank computes its own value at start-up, which may differ from rank 0's and between runs [purecc-task-local]
  // CHECK: task-registry-startup.cpp:{{[0-9]+}}:23: note: 'std::getenv' is called here when the program starts
  // CHECK: task-registry-startup.cpp:[[@LINE-5]]:10: remark: calls to 'walk' and 'walk' run in parallel [purecc-parallel-calls]
}

// What a constant reaches (adv61): a static member named through an
// object, a default argument and a default member initializer (they run in
// the loop), a constant pointer to a variable, a 'mutable' member, a
// reference, a constant computed from a variable another initializer sets.
long g_m = 1;
struct A {
  static const long K;
};
const long A::K = std::getenv("PURECC_TEST_SCALE") ? 2 : 1;
[[pure]] long withDefault(long i, long k = g_m) { return spin(i) * k; }
struct P {
  long a;
  long k = g_m;
};
long *const gp = &g_m;
struct Box {
  mutable long v = 1;
};
const Box kBox{};
const long kPlain = 5;
const long &kRef = kPlain;
long g_seed = 1;
int g_bump = (g_seed = std::getenv("PURECC_TEST_SCALE") ? 3 : 2, 0);
const long kSeeded = g_seed;

long reached(long n, A a) {
  long s1 = 0;
  for (long i = 0; i < n; ++i)
    s1 += spin(i) * a.K;
  // CHECK: task-registry-startup.cpp:[[@LINE-2]]:3: remark: this reduction runs on this process only, not on other ranks: it reads 'A::K', whose initializer calls 'std::getenv': each rank computes its own value at start-up, which may differ from rank 0's and between runs [purecc-task-local]
  // CHECK: task-registry-startup.cpp:{{[0-9]+}}:19: note: 'std::getenv' is called here when the program starts
  // CHECK: task-registry-startup.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 's1' [purecc-reduction]
  long s2 = 0;
  for (long i = 0; i < n; ++i)
    s2 += withDefault(i);
  // CHECK: task-registry-startup.cpp:[[@LINE-2]]:3: remark: this reduction runs on this process only, not on other ranks: it reads 'g_m', a mutable variable of which every rank has its own copy [purecc-task-local]
  // CHECK: task-registry-startup.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 's2' [purecc-reduction]
  long s3 = 0;
  for (long i = 0; i < n; ++i)
    s3 += spin(i) * P{i}.k;
  // CHECK: task-registry-startup.cpp:[[@LINE-2]]:3: remark: this reduction runs on this process only, not on other ranks: it reads 'g_m', a mutable variable of which every rank has its own copy [purecc-task-local]
  // CHECK: task-registry-startup.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 's3' [purecc-reduction]
  long s4 = 0;
  for (long i = 0; i < n; ++i)
    s4 += spin(i) * *gp;
  // CHECK: task-registry-startup.cpp:[[@LINE-2]]:3: remark: this reduction runs on this process only, not on other ranks: it reads 'gp', a constant that holds an address: what it points to may be a variable of which every rank has its own copy [purecc-task-local]
  // CHECK: task-registry-startup.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 's4' [purecc-reduction]
  long s5 = 0;
  for (long i = 0; i < n; ++i)
    s5 += spin(i) * kBox.v;
  // CHECK: task-registry-startup.cpp:[[@LINE-2]]:3: remark: this reduction runs on this process only, not on other ranks: it reads 'kBox', a constant with a 'mutable' member, of which every rank has its own copy [purecc-task-local]
  // CHECK: task-registry-startup.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 's5' [purecc-reduction]
  long s6 = 0;
  for (long i = 0; i < n; ++i)
    s6 += spin(i) * kRef;
  // CHECK: task-registry-startup.cpp:[[@LINE-2]]:3: remark: this reduction runs on this process only, not on other ranks: it reads 'kRef', a reference: what it refers to may be a variable of which every rank has its own copy [purecc-task-local]
  // CHECK: task-registry-startup.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 's6' [purecc-reduction]
  long s7 = 0;
  for (long i = 0; i < n; ++i)
    s7 += spin(i) * kSeeded;
  // CHECK: task-registry-startup.cpp:[[@LINE-2]]:3: remark: this reduction runs on this process only, not on other ranks: it reads 'kSeeded', computed from 'g_seed', a mutable variable which any initializer may set at start-up: each rank computes its own value [purecc-task-local]
  // CHECK: task-registry-startup.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 's7' [purecc-reduction]
  return s1 + s2 + s3 + s4 + s5 + s6 + s7;
}

int main(int argc, char **) {
  static const long K = argc + 41;
  static const long C = 41;
  long n = 4000;
  long a = 0;
  for (long i = 0; i < n; ++i)
    a += spin(i) % K;
  // CHECK: task-registry-startup.cpp:[[@LINE-2]]:3: remark: this reduction runs on this process only, not on other ranks: it reads 'K', a static local initialized where its function first reaches it, which the other ranks never run [purecc-task-local]
  // CHECK: task-registry-startup.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'a' [purecc-reduction]
  long b = 0;
  for (long i = 0; i < n; ++i)
    b += spin(i) % C;
  // CHECK: task-registry-startup.cpp:[[@LINE-2]]:3: remark: this reduction can run on other ranks under mpirun (task 'main#r{{[0-9]+}}') [purecc-task]
  // CHECK: task-registry-startup.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'b' [purecc-reduction]
  // CODE: ::purecc::reduce_at<"main#r{{[0-9]+}}\0" "atol getenv printf", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL>(
  std::vector<long> m(n);
  for (long i = 0; i < n; ++i)
    m[i] = scaled(i);
  // CHECK: task-registry-startup.cpp:[[@LINE-2]]:3: remark: this map runs on this process only, not on other ranks: 'scaled' reads 'kTwice', computed from 'kFromEnv', whose initializer calls 'std::getenv': each rank computes its own value at start-up, which may differ from rank 0's and between runs [purecc-task-local]
  // CHECK: task-registry-startup.cpp:{{[0-9]+}}:23: note: 'std::getenv' is called here when the program starts
  // CHECK: task-registry-startup.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel map over 'm' [purecc-parallel-map]
  long t = 0;
  for (long i = 0; i < n; ++i)
    t += fromTable(i);
  // CHECK: task-registry-startup.cpp:[[@LINE-2]]:3: remark: this reduction can run on other ranks under mpirun (task 'main#r{{[0-9]+}}') [purecc-task]
  // CHECK: task-registry-startup.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 't' [purecc-reduction]
  long mm = 0;
  for (long x : m)
    mm = mm * 3 + x;
  g_m = argc + 6;
  kBox.v = argc + 6;
  std::printf("%ld %ld %ld %ld %ld %ld\n", a, b, mm, t, walk(12), reached(n, A{}));
}
// OUT: 1{{[0-9]+}} {{[0-9]+}} {{-?[0-9]+}} {{[0-9]+}} {{[0-9]+}} {{[0-9]+}}
