//===- Effects.h - what a function does, as the purity rules see it -------===//
//
// The checker works in two steps (find, then report). The find step walks a
// function's body once and records each thing that could make it impure as
// an Effect in the function's Summary; the fixpoint (Fixpoint.h) then
// combines summaries along the call graph; the report step (Report.h) turns
// the effects of declared-pure functions into diagnostics and note chains.
//
// Where a write lands is a Prov (provenance): the function's own locals, the
// object or parameter of the function (relative: whether that is observable
// depends on the caller), a global, or memory the function cannot see the
// owner of. Relative writes are re-judged at every call site against the
// provenance of the actual object and arguments: `v.push_back(x)` or a helper
// `fill(out)` is fine on a local, a violation on a global.
//
//   Summary S; S.Effects.push_back(Effect::at(EffectKind::GlobalRead, E));
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceLocation.h"

#include <string>
#include <vector>

namespace purecc {

/// Where an lvalue designates, or where a pointer value points.
struct Prov {
  enum Kind : unsigned char {
    Local,   // storage owned by this call: locals, by-value params, `new`
    This,    // the object a member function was called on
    Param,   // what reference/pointer parameter `Index` refers to
    Enclosing, // in a lambda: what its captures refer to (a variable it
               // captured by reference, what a pointer it captured points
               // to, the object of the `this` it captured); which memory
               // that is, the call of the closure says (Effect::Captures)
    Global,  // a variable with static or thread storage (`Var`)
    Unknown, // memory reached through a loaded pointer: no owner in sight
  };
  Kind K = Local;
  unsigned Index = 0;                        // Param: parameter index
  const clang::ValueDecl *Var = nullptr;     // Global/Param: the variable
  const clang::ValueDecl *Via = nullptr;     // Unknown: pointer member/var loaded
  /// The pointer came from a cast that removes protection (names the cast).
  const char *Cast = nullptr;
  /// The local reference, pointer or member the storage was reached
  /// through, and where it was bound (for the note on a global's read or
  /// write made through it): `int &r = g; r = 1;` names 'r'.
  const clang::ValueDecl *Through = nullptr;
  clang::SourceLocation ThroughLoc;
  /// Global: the structured binding the program named, when Var is the
  /// variable it belongs to (`auto [a, b] = P{1, 2};` names 'a' of the
  /// hidden '[a, b]'): messages name what the user wrote.
  const clang::ValueDecl *Binding = nullptr;
  /// Param: the pointer a `T *&` parameter refers to, itself (`q = r`),
  /// not what it points to (`*q = 1`). A caller passing its local pointer
  /// `p` then writes 'p', not what 'p' points to (adv53 t26).
  bool Shallow = false;
  /// Enclosing: Var is a pointer the lambda captured and the storage is
  /// what it points to (`[p] { *p = 1; }`), not the variable itself
  /// (`[&c] { c = 1; }`). Var is null for the object of a captured `this`.
  bool CapturedPointee = false;

  /// The variable as messages name it: the binding, else Var.
  const clang::ValueDecl *shown() const { return Binding ? Binding : Var; }

  static Prov local() { return {}; }
  static Prov thisObject() { Prov P; P.K = This; return P; }
  static Prov enclosing() { Prov P; P.K = Enclosing; return P; }
  static Prov param(unsigned I, const clang::ValueDecl *PVD) {
    Prov P; P.K = Param; P.Index = I; P.Var = PVD; return P;
  }
  static Prov global(const clang::ValueDecl *VD) {
    Prov P; P.K = Global; P.Var = VD; return P;
  }
  static Prov unknown(const clang::ValueDecl *Via = nullptr) {
    Prov P; P.K = Unknown; P.Via = Via; return P;
  }
  bool isLocal() const { return K == Local; }
};

/// The worse of two provenances (Unknown > Global > Enclosing > Param >
/// This > Local):
/// conservative when a pointer may come from either.
Prov join(const Prov &A, const Prov &B);

enum class EffectKind : unsigned char {
  // R1: writes. GlobalWrite/NonLocalWrite/CastWrite/Io are absolute;
  // ThisWrite/ParamWrite are relative (judged by the caller).
  GlobalWrite,   // Subject: the variable
  NonLocalWrite, // Subject: pointer member/variable the memory was reached by
  CastWrite,     // Detail: the cast
  Io,            // Subject: the stream variable
  ThisWrite,     // Subject: the field (if a member); MutableMember
  ParamWrite,    // Index/Subject: the parameter
  // R2: reads of mutable state.
  GlobalRead,    // Subject: the variable
  Volatile,      // Subject: the variable, if named
  Atomic,        // Detail: the atomic type or operation
  InlineAsm,     // R4 (calls only to pure code): assembly purecc cannot see
  // R3 / member rules: the interface of a function that must be pure.
  ParamIndirection, // Index/Subject: the parameter; Through
  ReturnIndirection, // Through (Reference or Pointer)
  NonConstMember,    // InLambda
  // R4/R5: calls.
  Call,          // Callee: judged by inference; Object/Args: site provenances
  ImpureCall,    // made by the fixpoint from a Call whose callee is impure
  LibraryCall,   // Callee: library function not known to be pure; Detail: why
  IndirectCall,  // Detail: "a function pointer", "'std::function'", ...;
                 // CalledParam/Index: through a parameter the caller fixes
  VirtualCall,   // Callee: the method in the static type
};

/// A function a call passes for a parameter of function pointer or
/// function reference type, when the caller knows it: a function it names
/// (`call(twice, v)`, `&twice`, `+[](double x) {...}`), or a parameter of
/// the caller's own that it only reads (the caller's caller knows it).
struct PassedCallable {
  const clang::FunctionDecl *Function = nullptr;
  const clang::ParmVarDecl *Param = nullptr;
  bool known() const { return Function || Param; }
};

/// How an interface hands out memory it does not own (ParamIndirection,
/// ReturnIndirection); the order is the messages' `%select`.
enum class Indirection : unsigned char { Reference, Pointer, View };

/// How an effect's category reads in messages: `%select{global|...}`.
enum class GlobalSort : unsigned { Global, StaticLocal, StaticMember, ThreadLocal };
GlobalSort globalSort(const clang::ValueDecl *VD);

/// GlobalRead: what was read. Designated: memory that the `const` global
/// Subject refers to but purecc cannot name (allocated for it, or handed out
/// by a call in its initializer), which may change between calls.
enum class ReadOf : unsigned char { Variable, Designated };

struct Effect {
  EffectKind Kind;
  clang::SourceLocation Loc;
  clang::SourceRange Range;
  const clang::NamedDecl *Subject = nullptr;
  const clang::FunctionDecl *Callee = nullptr;
  unsigned Index = 0;
  Indirection HandedOut = Indirection::Reference; // ParamIndirection, ReturnIndirection
  bool MutableMember = false; // ThisWrite: the member written is `mutable`
  // ThisWrite in a lambda: of what its captures refer to (Prov::Enclosing:
  // Subject is the variable it captured, or null for the object of the
  // `this` it captured), not of the closure; each call of the closure maps
  // it to what the closure it calls captured (Captures).
  bool Enclosing = false;
  bool CapturedPointee = false; // Enclosing: through the pointer Subject
  bool InLambda = false;      // NonConstMember: a `mutable` lambda's call operator
  ReadOf Read = ReadOf::Variable; // GlobalRead
  std::string Detail;
  // LibraryCall: the callee as the user wrote it (LibraryNames.h).
  std::string Shown;
  // Call: provenance of the object (member calls) and of each argument that
  // binds a reference or pointer parameter, or a closure, for which it is
  // what the closure's captures refer to (Local for the others).
  Prov Object;
  std::vector<Prov> Args;
  // Call of a lambda's call operator: what the captures of the closure it
  // is called on refer to, where a write through them lands (its Enclosing
  // writes). Unknown unless the call site worked it out (Locality::
  // ofCaptures): the closure's `this` and by-reference captures are the
  // caller's locals or object only where the closure was made.
  Prov Captures = Prov::unknown();
  // Call: for a `T *&` parameter, the argument pointer itself (what a
  // Shallow write of the callee writes); empty when no argument differs
  // from Args.
  std::vector<Prov> ShallowArgs;
  // ParamWrite: the write is to a `T *&` parameter's pointer itself
  // (Prov::Shallow).
  bool Shallow = false;
  // A write made by a callee on our behalf (mapped at this call site).
  const clang::FunctionDecl *ViaCallee = nullptr;
  clang::SourceLocation ViaLoc;
  const clang::ParmVarDecl *ViaParam = nullptr; // null: the callee's object
  bool ViaCaptured = false; // what the callee (a lambda) captured: the object
                            // of its `this`, or ViaCapture
  const clang::ValueDecl *ViaCapture = nullptr; // the variable it captured
  bool ViaCapturePointee = false;               // written through ViaCapture
  // A global reached through a local reference, pointer or member: the
  // binding (Prov::Through), noted where it was made.
  const clang::ValueDecl *Through = nullptr;
  clang::SourceLocation ThroughLoc;
  // The effect sits in a default argument that this call site uses.
  const clang::ParmVarDecl *DefaultArgOf = nullptr;
  clang::SourceLocation DefaultArgUse;
  // IndirectCall: the call is through this parameter of the function
  // (Index: its position), which the function only reads: each caller
  // knows what it calls (glm's `functor1::call(R (*Func)(T), v)`, adv118
  // F1). Absolute all the same: the function is impure on its own; a call
  // site resolves it (Fixpoint.cpp) when it passes a known callable.
  const clang::ParmVarDecl *CalledParam = nullptr;
  // Call: per argument, the callable it passes, when known (empty when no
  // argument binds a function pointer or reference parameter).
  std::vector<PassedCallable> Passed;
  // The effect is that of calling a function the caller passes to
  // IfCalledBy for its parameter IfCalledIndex: it stands only when
  // IfCalledBy calls through that parameter (Fixpoint.cpp).
  const clang::FunctionDecl *IfCalledBy = nullptr;
  unsigned IfCalledIndex = 0;
  // Where a callee calls the callable it was passed, for the note: the
  // callee and its parameter (resolved effects only).
  const clang::FunctionDecl *CalledBy = nullptr;
  const clang::ParmVarDecl *CalledAs = nullptr;
  clang::SourceLocation CalledAt;

  static Effect at(EffectKind K, const clang::Expr *E) {
    Effect X;
    X.Kind = K;
    X.Loc = E->getExprLoc();
    X.Range = E->getSourceRange();
    return X;
  }
  static Effect at(EffectKind K, clang::SourceLocation L, clang::SourceRange R) {
    Effect X;
    X.Kind = K;
    X.Loc = L;
    X.Range = R;
    return X;
  }
  bool isRelative() const {
    return Kind == EffectKind::ThisWrite || Kind == EffectKind::ParamWrite;
  }
  bool isInterface() const {
    return Kind == EffectKind::ParamIndirection ||
           Kind == EffectKind::ReturnIndirection ||
           Kind == EffectKind::NonConstMember;
  }
  /// Makes the function impure wherever it is called from.
  bool isAbsolute() const {
    return !isRelative() && !isInterface() && Kind != EffectKind::Call;
  }
};

/// What the find step and the fixpoint learn about one function.
struct Summary {
  const clang::FunctionDecl *FD = nullptr;
  std::vector<Effect> Effects;   // found in the body (find step)
  std::vector<Effect> Resolved;  // after the fixpoint: calls judged, writes mapped
  Prov Returns;                  // where a returned reference/pointer points
  bool Impure = false;           // has an absolute effect after the fixpoint
  bool Done = false;             // Resolved is final
};

} // namespace purecc
