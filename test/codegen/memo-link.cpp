// What a unit tells the linked program about its functions (issue 12, item
// 8; docs/memo.md, "Callees in other files"). A memo site names, by linker
// symbol, what its function depends on that this unit does not define; the
// unit's .note.purecc records each pure function it defines with external
// linkage (its fingerprint and its own external symbols), also those that
// are not memoized. Static functions are this unit's alone and get no
// record. Inline functions and implicit instantiations are defined in every
// unit that uses them, and the linker keeps one unit's copy (adv102 F2): a
// memo site names them too, and each unit records the copy it may emit.
// RUN: %purecc rewrite %s -o %t.cpp -- -std=c++20
// RUN: FileCheck %s --input-file=%t.cpp
// RUN: %purecc rewrite --dump-after=plan %s -o /dev/null -- -std=c++20 | FileCheck %s --check-prefix=PLAN
// RUN: %cxx %rt_cflags -std=c++20 -Wall -Wextra -Werror -c %t.cpp -o %t.g.o
// RUN: %clangxx %rt_cflags -std=c++20 -Wall -Wextra -Werror -c %t.cpp -o %t.c.o
// RUN: readelf -n %t.g.o | FileCheck %s --check-prefix=ELF
// RUN: readelf -n %t.c.o | FileCheck %s --check-prefix=ELF

#include <cmath>

[[pure]] double kernel(double x);                 // defined in another file
extern "C" [[pure]] double c_kernel(double x);     // extern "C": its plain name
extern const double scale;                         // a constant defined elsewhere
namespace geo {
[[pure]] double area(double r);
}

struct Shape {
  [[pure]] virtual double size() const { return 1; }
  virtual ~Shape() = default;
};

[[pure]] static double local_helper(double x) { return x + 1; }
[[pure]] inline double inline_helper(double x) { return x - 1; }
template <class T> [[pure]] T twice(T x) { return x + x; }
template <> [[pure]] double twice<double>(double x) { return x * 2; }

// CHECK: {{^}}{{\[\[}}/*pure*/, /*purecc::memo*/]] double integral(int n) { static const ::purecc::MemoSite purecc_site{{[0-9]+}}{"integral", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL, "_Z13inline_helperd _Z6kerneld _ZN3geo4areaEd c_kernel log1pl scale sin sinf"};
[[pure, purecc::memo]] double integral(int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += kernel(i) + c_kernel(i) + geo::area(i) * scale + std::sin(double(i)) + local_helper(i) + inline_helper(i) +
         // libstdc++'s inline overloads call `__builtin_sinf` and
         // `__builtin_log1pl`: the math library's functions all the same
         // (adv95 F2).
         std::sin(float(i)) + double(std::log1p((long double)i));
  return s;
}
// PLAN: memo [[@LINE-10]]:31 integral fingerprint 0x{{[0-9a-f]+}}:0x{{[0-9a-f]+}} linked _Z13inline_helperd _Z6kerneld _ZN3geo4areaEd c_kernel log1pl scale sin sinf

// Everything it calls is here: no symbol list.
// CHECK: {{^}}{{\[\[}}/*pure*/, /*purecc::memo*/]] double local(int n) { static const ::purecc::MemoSite purecc_site{{[0-9]+}}{"local", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL, "_Z5twiceIiET_S0_"};
[[pure, purecc::memo]] double local(int n) { return local_helper(n) + twice(n); }

// A virtual call may run an override from anywhere: the whole program.
// CHECK: {{^}}{{\[\[}}/*pure*/, /*purecc::memo*/]] double measured(int n) { static const ::purecc::MemoSite purecc_site{{[0-9]+}}{"measured", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL, "@program _ZNK5Shape4sizeEv"};
[[pure, purecc::memo]] double measured(int n) {
  Shape s;
  const Shape &r = s;
  return r.size() * n;
}

// Not memoized: recorded for other units' memoized callers.
[[pure]] double weight(double x) { return kernel(x) * 2; }

// Not pure: nobody's pure function can call it, no record.
double g_calls = 0;
double counted(double x) { g_calls += 1; return x; }

int main() { return integral(3) + local(2) + measured(1) + counted(weight(1)) > 0 ? 0 : 1; }

// The unit's floating-point flags as its compiler sees them follow the
// compiler's version: the note is written when the file is rewritten, and
// the output may be compiled with other flags (adv105 F3).
// CHECK: {{^}}#define purecc_note_fp "; fp eval=" purecc_note_str(__FLT_EVAL_METHOD__) purecc_note_fast purecc_note_finite purecc_note_fma purecc_note_opt{{$}}
// CHECK: {{^}}{{\[\[}}__gnu__::__used__, __gnu__::__retain__, __gnu__::__section__(".note.purecc"), __gnu__::__aligned__(4)]] static const struct { unsigned purecc_namesz, purecc_descsz, purecc_type; char purecc_name[8]; char purecc_desc[(sizeof("[[NOTE:_Z13inline_helperd [0-9a-f]+\\n_Z5locali [0-9a-f]+ _Z5twiceIiET_S0_\\n_Z5twiceIdET_S0_ [0-9a-f]+\\n_Z5twiceIiET_S0_ [0-9a-f]+\\n_Z6weightd [0-9a-f]+ _Z6kerneld\\n_Z8integrali [0-9a-f]+ _Z13inline_helperd _Z6kerneld _ZN3geo4areaEd c_kernel log1pl scale sin sinf\\n_Z8measuredi [0-9a-f]+ @program _ZNK5Shape4sizeEv\\n_ZNK5Shape4sizeEv [0-9a-f]+\\n]]@unit " __VERSION__ purecc_note_fp "\n") + 3) / 4 * 4]; } purecc_link_note{{[0-9]+}} = {7, sizeof("[[NOTE]]@unit " __VERSION__ purecc_note_fp "\n"), 1, "purecc", "[[NOTE]]@unit " __VERSION__ purecc_note_fp "\n"};
// PLAN: link-note {{[0-9]+}}:1 8 records

// The compilers make it an ELF note, which the linker keeps in a PT_NOTE
// segment for the runtime to read.
// ELF: Displaying notes found in: .note.purecc
// ELF-NEXT: Owner{{.*}}Description
// ELF-NEXT: purecc {{.*}}NT_VERSION
