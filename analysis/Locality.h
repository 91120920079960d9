//===- Locality.h - where a write lands, seen from one function -----------===//
//
// Every R1 question is "whose memory is this?". Locality answers it for
// expressions inside one function: an lvalue designates a local, the
// function's object, what a reference/pointer parameter refers to, a global,
// or memory reached through a loaded pointer (Unknown: `const N& n;
// *n.p = 1` writes through a pointer member; const is shallow).
//
// Local pointers, references and iterators are followed to their
// initializers and assignments; calls returning references or pointers are
// followed into the callee's summary (its Returns provenance), or, for the
// standard library, to the object and iterator arguments.
//
//   Locality L(Ctx, FD, ReturnsOf, OwningOfTheUnit);
//   for (const WriteSite &W : L.writes(S)) if (W.Where.K == Prov::Global) ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Effects.h"
#include "Mentions.h"
#include "OwningPointers.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <functional>
#include <optional>
#include <vector>

namespace purecc {

/// One memory write performed by a statement.
struct WriteSite {
  Prov Where;
  const clang::FieldDecl *Field = nullptr; // the member written, if named
  clang::SourceLocation Loc;
  clang::SourceRange Range;
};

struct CallParts;

class Locality {
public:
  /// Where a callee's returned reference/pointer points, in its own terms.
  using ReturnsFn = std::function<Prov(const clang::FunctionDecl *)>;

  Locality(clang::ASTContext &Ctx, const clang::FunctionDecl *FD, ReturnsFn Returns,
           OwningMembers &Owning);

  /// The storage a glvalue designates.
  Prov ofLValue(const clang::Expr *E);
  /// Whether a use of a local pointer variable may reseat it where the
  /// scan of its assignments does not look; the library's `std::swap` and
  /// `std::exchange` add their other pointer to Sources instead.
  bool reseatableUse(const clang::DeclRefExpr *Use, std::vector<const clang::Expr *> &Sources);
  /// What a pointer, or a pointer-like object (iterator, span), points to.
  Prov ofPointee(const clang::Expr *E);
  /// The provenance passed for parameter P by argument A at a call site.
  Prov ofArgument(const clang::ParmVarDecl *P, const clang::Expr *A);
  /// The object a member call is made on (Local for non-member calls).
  Prov ofObject(const clang::Expr *Object, bool IsArrow);
  /// What the captures of the closure E designates refer to (Captures.cpp):
  /// the join of the variables it captured by reference, what the pointers
  /// it captured point to, what the closures it captured refer to and the
  /// object of a `this` it captured; Local when it captured nothing that
  /// refers elsewhere. Where E is a parameter, what the caller's closure
  /// refers to (Prov::Param); where it is a closure this lambda captured,
  /// Prov::Enclosing; Unknown where the closure's making is out of sight
  /// (a member, a call's result).
  Prov ofCaptures(const clang::Expr *E);
  /// What the captures of the closure a call of a lambda's call operator
  /// is made on refer to (ofCaptures); Unknown for any other call.
  Prov capturesOfCall(const CallParts &Parts);

  /// The writes S performs itself: builtin assignments and increments,
  /// trivial assignment operators, and library calls that mutate their
  /// object or arguments (calls to functions with bodies are judged from
  /// their summaries instead). Valid until the next call: the three write
  /// rules ask about each statement in turn, and it is worked out once.
  /// The rules ask only about the classes of writingStatements()
  /// (rules/Rule.h): a new kind of write needs its class there too.
  const std::vector<WriteSite> &writes(const clang::Stmt *S);

  /// Where Callee's returned reference/pointer points, in its own terms.
  Prov returnedBy(const clang::FunctionDecl *Callee) const { return Returns(Callee); }

  const clang::FunctionDecl *function() const { return FD; }
  clang::ASTContext &ast() const { return Ctx; }

private:
  Prov ofVariable(const clang::VarDecl *VD, const clang::DeclRefExpr *Ref);
  Prov ofStoredPointer(const clang::Expr *E);
  Prov ofPointerVariable(const clang::VarDecl *VD);
  Prov ofCallResult(const clang::Expr *Call);
  /// The memory a placement new-expression constructs in.
  Prov ofPlacement(const clang::CXXNewExpr *NE);
  // Captures.cpp: inside a lambda, a variable it captured (VD, of an
  // enclosing function), or what it points to (Pointee).
  Prov ofCaptured(const clang::VarDecl *VD, bool Pointee);
  /// An init-capture of FD's closure (`[&r = x]`, `[p = &x]`), or what it
  /// points to.
  Prov ofInitCapture(const clang::VarDecl *VD, bool Pointee);
  /// What the closure held by VD, a variable of closure type, refers to.
  Prov capturesOfVariable(const clang::VarDecl *VD);
  /// What the captures of LE's closure refer to, seen from FD.
  Prov ofLambdaCaptures(const clang::LambdaExpr *LE);
  /// The variable VD as FD sees it, or what it points to (Pointee): its
  /// own, or one its closure captured.
  Prov ofVariableSeenHere(const clang::VarDecl *VD, bool Pointee);
  Prov ofStoredInCall(const clang::Expr *Call);
  /// A pointer loaded from storage of provenance Storage: Unknown, via
  /// the global that holds it when Storage is a global's.
  static Prov loadedFromStorage(const Prov &Storage);
  // FieldBindings.cpp: what a reference or pointer member of a local object
  // (or of the object a constructor builds) was bound to.
  Prov ofReferenceMember(const clang::MemberExpr *ME, const clang::FieldDecl *F);
  Prov ofPointerMember(const clang::MemberExpr *ME, const clang::FieldDecl *F);
  std::optional<Prov> boundField(const clang::Expr *Base, const clang::FieldDecl *F,
                                 bool Pointer);
  std::optional<Prov> boundInConstructor(const clang::CXXConstructExpr *CE,
                                         const clang::FieldDecl *F);
  const clang::Expr *initOf(const clang::Expr *Object);
  /// Where FD's body names each variable (Mentions.h), walked once.
  const Mentions &bodyMentions();
  // FreshElements.cpp: a local container whose every element points to a
  // block of the function's own.
  const clang::VarDecl *elementSource(const clang::Expr *Object, unsigned Steps = 0);
  bool holdsOwnBlocks(const clang::VarDecl *V);
  Prov thisProv() const;
public:
  /// What `this` designates in FD: its object (Prov::This); in a
  /// constructor or destructor, its own (Local); in a lambda, the object
  /// of the member function it is written in (Prov::Enclosing), or, when
  /// it captured a copy (`[*this]`), its closure's (This); Unknown
  /// elsewhere.
  static Prov thisOf(const clang::FunctionDecl *FD);
private:
  void libraryWrites(const clang::Expr *Call, std::vector<WriteSite> &Out);
  void handedOverWrites(const clang::Expr *Call, std::vector<WriteSite> &Out);
  void endingWrites(const clang::Stmt *S, std::vector<WriteSite> &Out);
  bool wrapsWritingLibraryCallable(clang::QualType T);
  const clang::Expr *handedOver(const clang::Expr *A);
  /// A write of the lvalue Target, reported at Site.
  WriteSite lvalueWrite(const clang::Expr *Target, const clang::Expr *Site);
  bool onlyCompared(const clang::Expr *Call);

  clang::ASTContext &Ctx;
  const clang::FunctionDecl *FD;
  ReturnsFn Returns;
  // Provenance of local pointer variables; an entry in progress reads as
  // Local, which breaks cycles like `p = p + 1`.
  llvm::DenseMap<const clang::VarDecl *, Prov> PointerVars;
  // Reference variables being followed to their initializers: `int &r = r;`
  // (or a chain of them) reads as Unknown instead of looping.
  llvm::DenseMap<const clang::VarDecl *, bool> ReferencesInProgress;
  // How deep the current question has gone. Every step either descends
  // into a subexpression or follows a variable (each at most once, above),
  // so a question ends anyway; the bound makes that hold by construction,
  // also for walks through lambdas' enclosing functions, and keeps the
  // stack small: past it the answer is Unknown (conservative).
  unsigned Depth = 0;
  static constexpr unsigned MaxDepth = 512;
  // Local containers asked about: whether each holds only blocks of the
  // function's own (false while being worked out).
  llvm::DenseMap<const clang::VarDecl *, bool> FreshContainers;
  std::optional<Mentions> BodyMentions;
  // Pointer members asked about: whether each owns its pointee (shared
  // by every function of the translation unit).
  OwningMembers &Owning;
  // writes(): the statement last asked about, and its answer.
  const clang::Stmt *WritesOf = nullptr;
  std::vector<WriteSite> Writes;
  friend class DepthGuard;
};

/// Counts one step of a Locality question; past Locality::MaxDepth the step
/// answers Unknown without looking further.
class DepthGuard {
public:
  explicit DepthGuard(Locality &L) : L(L) { ++L.Depth; }
  ~DepthGuard() { --L.Depth; }
  DepthGuard(const DepthGuard &) = delete;
  DepthGuard &operator=(const DepthGuard &) = delete;
  bool tooDeep() const { return L.Depth > Locality::MaxDepth; }

private:
  Locality &L;
};

/// The callee, object expression and argument list of any call-like
/// expression, with arguments aligned to the callee's parameters.
struct CallParts {
  const clang::FunctionDecl *Callee = nullptr;
  const clang::Expr *Object = nullptr;
  bool IsArrow = false;
  // Made for every call the rules look at: most have few arguments.
  llvm::SmallVector<const clang::Expr *, 4> Args;
};
CallParts callParts(const clang::Expr *E);

/// Whether T is the type of a lambda's closure.
bool isClosureType(clang::QualType T);
/// Whether T is a closure type or a class one is a base of (the
/// `overloaded{...}` idiom of std::visit): what its captures refer to is
/// what Locality::ofCaptures says.
bool holdsClosure(clang::QualType T);

} // namespace purecc
