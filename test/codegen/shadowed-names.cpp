// The generated code spells the standard library 'std::' and the runtime
// '::purecc::'. Only '::std' is reserved: inside a namespace that declares
// its own 'std' (a class, a type alias in a block, a template parameter of
// that name), 'std::int64_t' named that one and the output did not compile
// (adv66 F7, adv68 F22, F23); a class 'purecc' at namespace scope clashed
// with the runtime's namespace (adv68 F20), and so did a member of the
// program's own 'namespace purecc' named like one of the runtime's (adv68
// F21); one named otherwise merges harmlessly. Such a unit is compiled as
// written, and the remark names the declaration (the remarks of rewrites
// it would have made are not shown). A variable named 'std' is no nested
// name: that unit is rewritten.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
// RUN: %purecc rewrite --remarks %s -o %t.class.cpp -- -std=c++20 -DCLASS 2>&1 | FileCheck %s --check-prefix=CLASS --implicit-check-not=remark:
// RUN: %purecc rewrite --remarks %s -o %t.alias.cpp -- -std=c++20 -DALIAS 2>&1 | FileCheck %s --check-prefix=ALIAS --implicit-check-not=remark:
// RUN: %purecc rewrite --remarks %s -o %t.param.cpp -- -std=c++20 -DPARAM 2>&1 | FileCheck %s --check-prefix=PARAM --implicit-check-not=remark:
// RUN: %purecc rewrite --remarks %s -o %t.purecc.cpp -- -std=c++20 -DPURECC 2>&1 | FileCheck %s --check-prefix=PURECC --implicit-check-not=remark:
// RUN: %purecc rewrite --remarks %s -o %t.member.cpp -- -std=c++20 -DMEMBER 2>&1 | FileCheck %s --check-prefix=MEMBER --implicit-check-not=remark:
// RUN: %purecc rewrite --remarks %s -o %t.var.cpp -- -std=c++20 -DVARIABLE 2>&1 | FileCheck %s --check-prefix=VARIABLE --implicit-check-not=remark:
// RUN: env E2E_CPPFLAGS=-DVARIABLE %e2e %s %t.var | FileCheck %s --check-prefix=OUT

#include <cstdio>

#if defined(PURECC)
struct purecc {};
// PURECC: shadowed-names.cpp:[[@LINE-1]]:8: remark: unit compiled as written, without parallel code: the code purecc generates spells '::purecc::', which would meet the class 'purecc' where it goes [purecc-shadowed-name]
#endif

// The program's own namespace purecc: 'parallel_invoke' is the runtime's,
// 'app_runs' is not.
#if !defined(PURECC)
namespace purecc {
#if defined(MEMBER)
inline int parallel_invoke = 0;
// MEMBER: shadowed-names.cpp:[[@LINE-1]]:12: remark: unit compiled as written, without parallel code: the code purecc generates spells '::purecc::', which would meet the variable 'purecc::parallel_invoke' where it goes [purecc-shadowed-name]
#endif
inline int app_runs = 1;
} // namespace purecc
#define RUNS purecc::app_runs
#else
#define RUNS 1
#endif

namespace app {
#if defined(CLASS)
struct std {};
// CLASS: shadowed-names.cpp:[[@LINE-1]]:8: remark: unit compiled as written, without parallel code: the code purecc generates spells 'std::', which would meet the class 'app::std' where it goes [purecc-shadowed-name]
#elif defined(VARIABLE)
inline int std = 3;
#elif !defined(ALIAS) && !defined(PARAM) && !defined(PURECC) && !defined(MEMBER)
namespace std { struct tag {}; }
// CHECK: shadowed-names.cpp:[[@LINE-1]]:11: remark: unit compiled as written, without parallel code: the code purecc generates spells 'std::', which would meet the namespace 'app::std' where it goes [purecc-shadowed-name]
#endif

[[pure]] long work(long d) {
  long r = d;
  for (int k = 0; k < 300; ++k)
    r = (r * 31 + k) % 1000003;
  return r;
}

#if defined(PARAM)
template <class std> [[pure]] long run(long n) {
// PARAM: shadowed-names.cpp:[[@LINE-1]]:17: remark: unit compiled as written, without parallel code: the code purecc generates spells 'std::', which would meet the template parameter 'std' where it goes [purecc-shadowed-name]
#else
long run(long n) {
#endif
#if defined(ALIAS)
  using std = int;
  // ALIAS: shadowed-names.cpp:[[@LINE-1]]:9: remark: unit compiled as written, without parallel code: the code purecc generates spells 'std::', which would meet the type alias 'std' where it goes [purecc-shadowed-name]
  std unused = 0;
  (void)unused;
#endif
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += work(i);
  // VARIABLE: shadowed-names.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}
} // namespace app

int main() {
#if defined(PARAM)
  std::printf("%ld\n", app::run<char>(20000));
#else
  std::printf("%ld\n", app::run(20000 * RUNS));
#endif
  // OUT: 10000930646
}
