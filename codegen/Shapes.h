//===- Shapes.h - the text of every runtime call codegen emits ------------===//
//
// The code shapes of the rewritten program live here and nowhere else, so
// that a faster shape (say, a fast clone for recursive calls) is one change.
// Each function returns the text of a frame: the transformations put the
// user's original text (a call, a loop body, a function body) inside it
// verbatim, so nested rewrites compose and line numbers stay put.
//
//   parallel_invoke   auto [r0, r1] = purecc::parallel_invoke([&] { return f(x); },
//                                                             [&] { return g(y); });
//   distributed call  auto [r0, r1] = purecc::invoke_at(purecc::call_at<"_Z1fi#call", 0x..ULL, 0x..ULL>(
//                       [](const int &purecc_arg_0) -> long { return f(purecc_arg_0); }, x), ...);
//   parallel_reduce   acc += purecc::parallel_reduce(B, E, T{}, [&](std::int64_t i) -> T {
//                       T purecc_acc_0 = T{}; <body, acc renamed> return purecc_acc_0; },
//                       [](T purecc_lhs, T purecc_rhs) { return purecc_lhs + purecc_rhs; });
//   parallel_for      purecc::parallel_for(B, E, [&](std::int64_t i) { <body> });
//   memoize           static const purecc::MemoSite s{"f", 0x..ULL, 0x..ULL};
//                     return purecc::memoize(s, [&]() -> R { <body> }, args...);
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace purecc::shapes {

// --- parallel_invoke ---------------------------------------------------------

/// "auto [a, b] = purecc::parallel_invoke(" for result names a, b; with
/// Remote (a branch is a call_at), "... = purecc::invoke_at(".
std::string invokeHead(const std::vector<std::string> &ResultNames, bool Remote = false);
/// A branch other ranks can run (TaskRegistry.h's planCallTask):
/// "purecc::call_at<"<Id>", 0x..ULL, 0x..ULL>([](<Params>) -> <Result> {
/// return <Callee>(<Names>); }, <Args>)".
/// The template argument naming a task site: `"main#r12"`, or with the
/// symbols its fingerprint links after a NUL (`"main#r12\0" "_Z6kerneld"`,
/// purecc::site_id::linked()).
std::string siteIdLiteral(llvm::StringRef Id, llvm::StringRef Linked);

std::string callAtBranch(llvm::StringRef Id, llvm::StringRef Linked, std::uint64_t Hi, std::uint64_t Lo,
                         const std::vector<std::string> &Params, llvm::StringRef Result,
                         llvm::StringRef Callee, const std::vector<std::string> &Names,
                         const std::vector<std::string> &Args);
/// One branch: "[&] { return <Call>; }".
std::string invokeBranch(llvm::StringRef CallText);
/// The separator between branches and the end of the call.
inline constexpr const char *InvokeSeparator = ", ";
inline constexpr const char *InvokeTail = ");";
/// How a result is used where its call was: an object is moved out as a
/// prvalue, "purecc::take_result(r0)" (invoke.h says why), a scalar named.
std::string useResult(llvm::StringRef Name, bool Move);

// --- reductions --------------------------------------------------------------

enum class ReduceOp { Add, Mul, Max, Min, LogicalAnd, LogicalOr, BitAnd, BitOr, BitXor };

/// One accumulator of a reduction: its name, type and operation.
struct Accumulator {
  std::string Name;
  /// The leaf's private accumulator: a name of its own, to which the body's
  /// references are renamed (one named like the user's would shadow it).
  std::string Private;
  std::string Type;
  ReduceOp Op;
  bool IsBool = false;
  bool Promotes = false; // narrower than int: the combine casts back
  /// A floating type: the identity of + is -0.0, that of max/min an
  /// infinity (not lowest()).
  bool Floating = false;
  /// max/min that keeps the last of equal values (`if (e >= m) m = e;`)
  /// rather than the first (`m = std::max(m, e)`): the combine must keep the
  /// right partial on a tie. Only matters for floating types (-0.0 == +0.0).
  bool LastWins = false;
  /// An integer type: '+' and '*' combine partial results, and fold them
  /// into the accumulator, in the unsigned type of the promoted type
  /// (purecc/wrapping.h), as the serial steps may (`int h; h += 3u;`).
  bool Wraps = false;
};

/// The identity of Op for values of A's type.
std::string identity(const Accumulator &A);
/// The value-initialized object of a type, `T{}` (zero, +0.0).
std::string valueInitialized(const std::string &Type);
/// The operator's spelling in diagnostics and dumps ("+", "max", "&&").
llvm::StringRef opName(ReduceOp Op);
/// Does the runtime need <limits> for this identity?
bool needsLimits(ReduceOp Op);
/// The parameters of a combine lambda: names used nowhere in the user's
/// file, so that they shadow nothing (`-Wshadow`).
struct CombineParams {
  std::string L;
  std::string R;
};

/// The combine of A's operation with the left partial L and the right one R:
/// "L + R", "std::max(L, R)", "R >= L ? R : L" (last of equals kept).
std::string combineExpr(const Accumulator &A, const std::string &L, const std::string &R);
/// The type of a leaf's private accumulator: A.Type, or for an integer sum
/// or product `::purecc::wrapping<int>`, in which the user's steps wrap
/// where a partial that starts from the identity would overflow
/// (purecc/wrapping.h).
std::string privateType(const Accumulator &A);
/// The statement that folds a partial result R into A.Name (`s += R;`,
/// `s = ::purecc::wrapping_add<long>(s, R);`, `m = std::max(m, R);`).
std::string mergeStmt(const Accumulator &A, const std::string &R);

/// The index the runtime passes (std::int64_t) and how the user's induction
/// variable is recreated from it.
struct Index {
  std::string Param;       // lambda parameter name; empty when unused
  std::string Declaration; // e.g. "const int i = static_cast<int>(purecc_i); "
};

/// A reduction other ranks can run (TaskRegistry.h): its registry id and
/// fingerprint, and the values its leaf reads as parameters and arguments.
struct TaskSite {
  std::string Id;
  std::uint64_t Hi = 0, Lo = 0;
  /// The linker symbols (space-separated) of what the fingerprint depends
  /// on that this unit does not define (Fingerprint::External): the
  /// runtime completes the fingerprint from the linked program's notes, as
  /// for a memo site, so a persisted result dies with an edit in another
  /// file (adv60 F5).
  std::string Linked;
  std::vector<std::string> Params; // "[[maybe_unused]] const T &x"
  std::vector<std::string> Args;   // "x"
  /// The leaf's own index declaration when it differs from Index's (a
  /// range-for element bound by non-const reference reads a const param).
  std::string IndexDeclaration;
};

/// Text before the loop body: "<merge> purecc::parallel_reduce(B, E, id,
/// [&](std::int64_t i) -> T { T acc = id; " (the body follows verbatim).
/// With a Site: "<merge> purecc::reduce_at<"<id>", 0x..ULL, 0x..ULL>(B, E,
/// id, [](std::int64_t i, <params>) -> T { T acc = id; ".
std::string reduceHead(llvm::StringRef Begin, llvm::StringRef End,
                       const std::vector<Accumulator> &Accs, const Index &Idx,
                       llvm::StringRef ResultStem, const TaskSite *Site = nullptr);
/// Text after the body: " return acc; }, <combine>);<merges>" (with a
/// Site: " return acc; }, <combine>, <args>);<merges>"). Grain, when not
/// empty, is the leaf size to pass ("purecc::leaf_size{1024}"), before a
/// Site's args.
std::string reduceTail(const std::vector<Accumulator> &Accs, llvm::StringRef ResultStem,
                       const CombineParams &Params, const TaskSite *Site = nullptr,
                       llvm::StringRef Grain = "");
/// What a `continue` of the loop becomes in the leaf: "return acc" (or
/// "return std::tuple<...>{a, b}"), the iteration's contribution so far.
std::string reduceContinue(const std::vector<Accumulator> &Accs);

/// A whole reduction as an expression: the leaf returns LeafExpr.
std::string reduceExpr(llvm::StringRef Begin, llvm::StringRef End, const Accumulator &A,
                       const std::string &LeafCaptures, const Index &Idx,
                       llvm::StringRef LeafExpr, const CombineParams &Params);

// --- counted loops -----------------------------------------------------------

/// The trip count of `for (T i = Begin; i < End; i += Step)` (`<=` when
/// Inclusive) whose step is no constant, the counter compared as C, as an
/// immediately invoked lambda (its locals start with Stem): -1 when the
/// serial loop must run instead (the step is not positive, or the counter
/// would wrap around or overflow after its last iteration), else the count,
/// computed in 64-bit unsigned arithmetic that cannot overflow:
///   [&]() -> std::int64_t { const auto s = (Step); if (!(s > 0)) return -1;
///     const T b = (Begin); if (!(C(b) < C(End))) return 0; ... }()
std::string strideCount(llvm::StringRef T, llvm::StringRef C, llvm::StringRef Begin,
                        llvm::StringRef End, llvm::StringRef Step, bool Inclusive,
                        llvm::StringRef Stem);
/// The counter's value at iteration '\x01' of that loop:
/// "static_cast<T>(u64(static_cast<T>(Begin)) + u64(Step) * u64(\x01))", exact
/// modulo 2^64 and so exact in T for every iteration the count admits.
std::string strideIndex(llvm::StringRef T, llvm::StringRef Begin, llvm::StringRef Step);
/// The guard around the rewritten loop, before it and after it:
/// "if (const std::int64_t <Trips> = <Count>; <Trips> < 0)" (the original
/// loop follows, then "else {"), and " }".
std::string strideGuardHead(llvm::StringRef Trips, llvm::StringRef Count);
inline constexpr const char *StrideGuardElse = "else { ";
inline constexpr const char *StrideGuardTail = " }";

// --- maps --------------------------------------------------------------------

/// "purecc::parallel_for(B, E, [&](std::int64_t i) { <decl>" (the body follows).
std::string forHead(llvm::StringRef Begin, llvm::StringRef End, const Index &Idx,
                    llvm::StringRef ExtraCaptures = "");
inline constexpr const char *ForTail = " });";
/// A map `<Target> = e;` other ranks can run (TaskRegistry.h): "purecc::map_at<
/// "<id>", 0x..ULL, 0x..ULL>(B, E, [](std::int64_t i, <params>) -> T { <decl>"
/// before the body, whose "<Target> =" becomes "return"; after it
/// " }, [&](std::int64_t i, auto &&purecc_v) { <decl> <Target> = std::forward<...>(purecc_v); }[, <grain>], <args>);".
std::string mapHead(llvm::StringRef Begin, llvm::StringRef End, const Index &Idx,
                    llvm::StringRef Element, const TaskSite &Site);
std::string mapTail(const Index &Idx, llvm::StringRef Target, const TaskSite &Site,
                    llvm::StringRef Grain = "");
/// ForTail with a leaf size ("purecc::leaf_size{1024}") when Grain is not empty.
std::string forTail(llvm::StringRef Grain);
/// What a `continue` of a map loop becomes in its leaf.
inline constexpr const char *ForContinue = "return";

// --- memoization -------------------------------------------------------------

/// "static const purecc::MemoSite <Site>{"<Name>", 0x..ULL, 0x..ULL[, "<Linked>"]};
/// return purecc::memoize(<Site>, [&]() -> <Result> {" (the body's statements
/// follow). Linked: the symbols defined elsewhere, space-separated, if any.
std::string memoHead(llvm::StringRef Site, llvm::StringRef Name, std::uint64_t Hi,
                     std::uint64_t Lo, llvm::StringRef Linked, llvm::StringRef Result);
/// "}, a, b); }" after the body's statements.
std::string memoTail(const std::vector<std::string> &Args);
/// The serialization hook for a user aggregate:
/// "template <> struct purecc::codec<P> : purecc::fields<&P::x, &P::y> {};".
std::string codecHook(llvm::StringRef Type, const std::vector<std::string> &Fields);

// --- selections (argmin/argmax) ----------------------------------------------

/// A loop that keeps the best value and what goes with it:
///   if (d < best) { best = d; arg = i; }
/// Each leaf runs the body on private copies of best (starting at the
/// identity of Op) and of the payloads, plus a flag that the body sets when
/// its selection fires; the ordered combine keeps the left partial unless
/// the right one fired and beats it by the loop's own comparison Rel
/// ("<", "<=", ">", ">=", written `term Rel best`).
struct Selection {
  Accumulator Best;                  // Op is Max or Min
  std::string Rel;                   // the loop's comparison, term on the left
  std::vector<std::string> Payloads; // names of the variables set with best
  std::vector<std::string> PayloadTypes;
  std::vector<std::string> PayloadPrivates; // the leaf's copies, renamed
  std::string Stem;                  // fresh "purecc_aN"
  CombineParams Params;              // the combine's parameter names
  /// A struct's member `best.d` compared (Best.Type is the member's type):
  /// the leaf's copy is the whole struct WholeType, a copy of the user's
  /// with the member at the identity.
  std::string Member;
  std::string WholeType;
};
/// Text before the loop body: "{ auto &<stem>_init0 = arg; auto [...] =
/// purecc::parallel_reduce(B, E, <tuple>{id, ...}, [&](std::int64_t i) ->
/// <tuple> { T best = id; P arg = <stem>_init0; bool <stem>_hit = false; ".
std::string selectHead(llvm::StringRef Begin, llvm::StringRef End, const Selection &S,
                       const Index &Idx);
/// Inserted first in the selection's block: "<stem>_hit = true;".
std::string selectFired(const Selection &S);
/// Text after the body: " return <tuple>{...}; }, <combine>); if (<stem>_hit &&
/// <stem>_best Rel best) { best = ...; arg = ...; } }".
std::string selectTail(const Selection &S, llvm::StringRef Grain = "");
/// What a `continue` of the loop becomes in the leaf.
std::string selectContinue(const Selection &S);

/// A selection in two passes (runtime/include/purecc/selection.h): the
/// leaves evaluate only the term and keep the records, the terms that beat
/// the best of everything before them, with the values the block reads; a
/// final serial pass runs the user's block, verbatim, for those records in
/// order, so it runs exactly where the loop runs it.
struct SelectionPasses {
  std::string Stem;          // fresh "purecc_aN"
  std::string Better;        // the loop's comparison: "std::less<>", ...
  std::string Rel;           // the same, spelled "<", ...
  std::string KeyType;       // the term's type
  std::string Compared;      // the user's best: "best" or "b.d"
  std::string Param;         // the leaf's index parameter
  bool BlockReadsIndex = false; // the final pass recreates the loop variable
  /// The body's locals the block reads: name, declared type (maybe a
  /// reference), type carried (the value).
  struct Carried {
    std::string Name, Declared, Value;
  };
  std::vector<Carried> Carries;
};
/// Text before the loop body: "{ using <stem>_t = purecc::selection_records<
/// ...>; purecc::selection_stop <stem>_stop; auto <stem>_all =
/// purecc::parallel_reduce(B, E, <stem>_t{}, [&](std::int64_t k) -> <stem>_t {
/// <stem>_t <stem>_one; if (<stem>_stop.passed(k)) return <stem>_one; <decl>try { ".
std::string passesHead(llvm::StringRef Begin, llvm::StringRef End, const SelectionPasses &S,
                       const Index &Idx);
/// What replaces the selection's `if` in the leaf: "<stem>_one.add(k, (<term>), c...);".
std::string passesAdd(const SelectionPasses &S, llvm::StringRef Term);
/// Text after the body, around the block: " } catch (...) { ... } return
/// <stem>_one; }, <stem>_t::merge{}); for (auto &<stem>_r : <stem>_all.records())
/// if (<stem>_r.key Rel best) { <index> <carried> " (BeforeBlock), then the
/// block, then " } <stem>_all.rethrow(); }" (AfterBlock).
std::string passesBeforeBlock(const SelectionPasses &S, const Index &Idx,
                              llvm::StringRef Grain = "");
std::string passesAfterBlock(const SelectionPasses &S);
/// What a `continue` of the loop becomes in the leaf.
std::string passesContinue(const SelectionPasses &S);

// --- concatenations (std::string, std::vector) -------------------------------

/// A loop that appends to a string or vector in order:
///   s += piece(i);   v.push_back(f(i));   v.insert(v.end(), p.begin(), p.end());
/// Each leaf runs the body on an empty private accumulator; the ordered
/// combine appends the right partial to the left one (associative, not
/// commutative: the tree keeps operand order) and the result is appended to
/// the user's accumulator once. A loop that prepends instead
/// (`s = piece(i) + s`, `v.insert(v.begin(), x)`) is the same fold with
/// the pieces in reverse order: the combine appends the left partial to the
/// right one, and the result goes in front of the user's accumulator.
struct Concatenation {
  std::string Name; // the user's accumulator
  std::string Type; // its type
  bool IsString = false;
  std::string Stem; // fresh "purecc_cN"
  std::string Private; // the leaf's accumulator, to which the body's references are renamed
  CombineParams Params; // the combine's parameter names
  bool Prepends = false; // the pieces go in front: later iterations first
  /// The accumulator is an element of a vector (`parts[1]`), which the
  /// serial loop indexes only when it appends: the merge indexes it only
  /// when there is something to append.
  bool Guarded = false;
};
/// "s += purecc::parallel_reduce(B, E, T{}, [&](std::int64_t i) -> T { T s{}; "
/// (a vector, a prepending loop or a guarded merge: "{ auto <stem> =
/// purecc::parallel_reduce(...").
std::string concatHead(llvm::StringRef Begin, llvm::StringRef End, const Concatenation &C,
                       const Index &Idx);
/// " return s; }, <append b to a>);" (a vector: and the insert of the result;
/// a prepending loop: append a to b, and insert the result in front; a
/// guarded merge: only when the result is not empty).
std::string concatTail(const Concatenation &C, llvm::StringRef Grain = "");
/// What a `continue` of the loop becomes in the leaf.
std::string concatContinue(const Concatenation &C);

// --- ordered reductions (a user's associative combine) -----------------------

/// A loop that folds a user's type with an associative combine, in order:
///   P = P * rot(i);   acc += piece(i);   acc = combine(acc, f(i));
/// There is no identity to start from: each leaf's private accumulator is a
/// std::optional<T> that the first step fills with its value and later
/// steps fold into; the ordered combine folds the right partial into the
/// left one (an empty partial is skipped), and the result is folded into
/// the user's accumulator once, after what it held before the loop.
struct OrderedFold {
  enum class Form { CompoundAssign, Operator, Call };
  std::string Name;     // the user's accumulator
  std::string Type;     // its type T
  std::string Private;  // the leaf's std::optional<T>
  std::string Stem;     // fresh "purecc_oN": the reduction's result
  std::string Value;    // a step's value parameter
  CombineParams Params; // the combine's parameter names
  Form How = Form::Operator;
  std::string Spelling; // "*=", "*" or the called function as written
  /// The accumulator is the right operand (`acc = e * acc`): later terms
  /// go in front.
  bool Prepends = false;
  /// The loop folds lvalue terms in (`V t = term(i); acc = acc + t;`): the
  /// combine passes partials as lvalues too, so that overload resolution
  /// picks the function the loop calls, not an overload taking `V &&`
  /// that nobody declared associative (adv56 t07).
  bool TermIsLValue = false;
};
/// The statement that folds Value into Target: "T *= V;", "T = T * V;",
/// "T = f(T, V);" (prepending: "T = V * T;", "T = f(V, T);").
std::string foldInto(const OrderedFold &F, const std::string &Target, const std::string &Value);
/// "{ auto <stem> = purecc::parallel_reduce(B, E, std::optional<T>{},
/// [&](std::int64_t i) -> std::optional<T> { std::optional<T> <private>; "
std::string orderedHead(llvm::StringRef Begin, llvm::StringRef End, const OrderedFold &F,
                        const Index &Idx);
/// What a step's text up to its value becomes: "[&](auto &&v) { if (p)
/// <fold> else p.emplace(std::forward<decltype(v)>(v)); }(" (the value
/// follows, then OrderedStepTail).
std::string orderedStepHead(const OrderedFold &F);
inline constexpr const char *OrderedStepTail = ")";
/// " return <private>; }, <combine>); if (<stem>) <fold into the user's> }".
std::string orderedTail(const OrderedFold &F, llvm::StringRef Grain = "");
/// What a `continue` of the loop becomes in the leaf.
std::string orderedContinue(const OrderedFold &F);

} // namespace purecc::shapes
