// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// Weak spellings Clang does not apply to the declaration, which g++ does:
// a `#pragma weak` naming a function by its mangled name, and assembler
// directives (adv94 F1: a [[pure]] callee of a memoized function made weak
// so was replaced at link time, and the memo answered with the old body's
// value). Each makes the function a weak definition (WeakSymbols.h).

#pragma weak _Z4kernl // expected-warning {{weak identifier '_Z4kernl' never declared}}
[[pure]] long kern(long x) { return x + 1; } // expected-error {{pure function 'kern' is a weak definition, which another may replace at link time [purecc-weak-definition]}} expected-note {{'kern' declared pure here}}

asm(".weak _ZN3geo4areaEl");
namespace geo {
[[pure]] long area(long x) { return x * x; } // expected-error {{pure function 'geo::area' is a weak definition, which another may replace at link time [purecc-weak-definition]}} expected-note {{'geo::area' declared pure here}}
} // namespace geo

// In a function's body, a basic asm statement goes to the same assembly.
long hook(long x) { return x + 3; } // expected-note {{'hook' is not pure because it is a weak definition, which another may replace at link time}}
void declare_weak() { asm(".weak _Z4hookl"); }
[[pure]] long uses_hook(long x) { return hook(x); } // expected-error {{pure function 'uses_hook' calls 'hook', which is not pure [purecc-impure-call]}} expected-note {{'uses_hook' declared pure here}}

// Through a macro that expands to `_Pragma`.
#define DO_PRAGMA(x) _Pragma(#x)
DO_PRAGMA(weak _Z5kern4l) // expected-warning {{weak identifier '_Z5kern4l' never declared}}
[[pure]] long kern4(long x) { return x + 4; } // expected-error {{pure function 'kern4' is a weak definition, which another may replace at link time [purecc-weak-definition]}} expected-note {{'kern4' declared pure here}}

// A template's instantiation, by its own mangled name; two symbols in one
// directive.
template <class T> T twice(T x) { return x + x; } // expected-note {{'twice<long>' is not pure because it is a weak definition, which another may replace at link time}}
asm(".weak _Z5twiceIlET_S0_, _Z5otherv");
[[pure]] long uses_twice(long x) { return twice(x); } // expected-error {{pure function 'uses_twice' calls 'twice<long>', which is not pure [purecc-impure-call]}} expected-note {{'uses_twice' declared pure here}}

// A C function by its plain name in `.weakref alias, target`: the alias.
extern "C" long c_kern(long x) { return x + 5; } // expected-note {{'c_kern' is not pure because it is a weak definition, which another may replace at link time}}
asm(".weakref c_kern, c_target");
[[pure]] long uses_c_kern(long x) { return c_kern(x); } // expected-error {{pure function 'uses_c_kern' calls 'c_kern', which is not pure [purecc-impure-call]}} expected-note {{'uses_c_kern' declared pure here}}

// Any case, after a label or a comment, or made by the assembler's own
// macros (adv96 F1): every symbol a text that mentions `weak` names.
asm(".WEAK _Z5upperl");
[[pure]] long upper(long x) { return x; } // expected-error {{pure function 'upper' is a weak definition, which another may replace at link time [purecc-weak-definition]}} expected-note {{'upper' declared pure here}}
asm("/* c */ .weak _Z7commentl");
[[pure]] long comment(long x) { return x; } // expected-error {{pure function 'comment' is a weak definition, which another may replace at link time [purecc-weak-definition]}} expected-note {{'comment' declared pure here}}
asm("lbl_x: .weak _Z5labell");
[[pure]] long label(long x) { return x; } // expected-error {{pure function 'label' is a weak definition, which another may replace at link time [purecc-weak-definition]}} expected-note {{'label' declared pure here}}
asm(".irp s,_Z3irpl\n.weak \\s\n.endr");
[[pure]] long irp(long x) { return x; } // expected-error {{pure function 'irp' is a weak definition, which another may replace at link time [purecc-weak-definition]}} expected-note {{'irp' declared pure here}}

// A weak constant: another file's strong definition gives it another
// value (adv96 F2).
extern const long K;
const long K = 5;
asm(".weak K");
[[pure]] long reads_k(long x) { return x + K; } // expected-error {{pure function 'reads_k' reads weak global 'K' [purecc-global-read]}} expected-note {{'reads_k' declared pure here}}
extern const long K2 = 6;
#pragma weak K2
[[pure]] long reads_k2(long x) { return x + K2; } // expected-error {{pure function 'reads_k2' reads weak global 'K2' [purecc-global-read]}} expected-note {{'reads_k2' declared pure here}}

// Texts that make nothing here weak: no `weak` in them.
asm(".globl _Z5plainl");
long target(long x) { return x; }
[[pure]] long plain(long x) { return x - 1; } // .weak _Z5plainl in a comment
[[pure]] long uses_target(long x) { return target(x) + plain(x); }
