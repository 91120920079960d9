//===- Shapes.cpp - the text of every runtime call codegen emits ----------===//
#include "Shapes.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace purecc::shapes {

std::string invokeHead(const std::vector<std::string> &ResultNames, bool Remote) {
  return "auto [" + llvm::join(ResultNames, ", ") + "] = ::purecc::" +
         (Remote ? "invoke_at(" : "parallel_invoke(");
}

std::string siteIdLiteral(llvm::StringRef Id, llvm::StringRef Linked) {
  // Two literals: a symbol starting with a digit would extend "\0".
  return "\"" + Id.str() + (Linked.empty() ? "" : "\\0\" \"" + Linked.str()) + "\"";
}

std::string callAtBranch(llvm::StringRef Id, llvm::StringRef Linked, std::uint64_t Hi, std::uint64_t Lo,
                         const std::vector<std::string> &Params, llvm::StringRef Result,
                         llvm::StringRef Callee, const std::vector<std::string> &Names,
                         const std::vector<std::string> &Args) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << "::purecc::call_at<" << siteIdLiteral(Id, Linked) << ", " << llvm::format_hex(Hi, 18) << "ULL, "
     << llvm::format_hex(Lo, 18) << "ULL>([](" << llvm::join(Params, ", ") << ") -> " << Result
     << " { return " << Callee << "(" << llvm::join(Names, ", ") << "); }";
  for (const std::string &A : Args)
    OS << ", " << A;
  OS << ")";
  return Text;
}

std::string invokeBranch(llvm::StringRef CallText) {
  return ("[&] { return " + CallText + "; }").str();
}

std::string useResult(llvm::StringRef Name, bool Move) {
  return Move ? ("::purecc::take_result(" + Name + ")").str() : Name.str();
}

llvm::StringRef opName(ReduceOp Op) {
  switch (Op) {
  case ReduceOp::Add: return "+";
  case ReduceOp::Mul: return "*";
  case ReduceOp::Max: return "max";
  case ReduceOp::Min: return "min";
  case ReduceOp::LogicalAnd: return "&&";
  case ReduceOp::LogicalOr: return "||";
  case ReduceOp::BitAnd: return "&";
  case ReduceOp::BitOr: return "|";
  case ReduceOp::BitXor: return "^";
  }
  return "?";
}

bool needsLimits(ReduceOp Op) { return Op == ReduceOp::Max || Op == ReduceOp::Min; }

namespace {

/// A value of type T: `T{V}` (or `T{}` for zero), or a cast when T is
/// spelled with several words (`unsigned int{1}` is not C++).
std::string valueOf(const std::string &T, const std::string &V) {
  if (T.find(' ') != std::string::npos)
    return "static_cast<" + T + ">(" + (V.empty() ? "0" : V) + ")";
  return T + "{" + V + "}";
}

} // namespace

std::string valueInitialized(const std::string &Type) { return valueOf(Type, ""); }

std::string identity(const Accumulator &A) {
  const std::string &T = A.Type;
  switch (A.Op) {
  // The identity of IEEE addition is -0.0: x + -0.0 is x for every x, while
  // -0.0 + +0.0 is +0.0, so a +0.0 start would turn a sum of -0.0 terms (or
  // of none) into +0.0 -- except when rounding down, where +0.0 + -0.0 is
  // -0.0 and +0.0 is the identity (adv45 t02): the runtime reads the mode.
  // It serves `-` too: s - x is s + (-x).
  case ReduceOp::Add:
    if (A.Floating)
      return "::purecc::additive_identity<" + T + ">()";
    [[fallthrough]];
  case ReduceOp::BitOr:
  case ReduceOp::BitXor:
  case ReduceOp::LogicalOr:
    return A.IsBool ? "false" : valueOf(T, "");
  case ReduceOp::Mul:
    return valueOf(T, "1");
  case ReduceOp::LogicalAnd:
    return A.IsBool ? "true" : valueOf(T, "1");
  case ReduceOp::BitAnd:
    return A.IsBool ? "true" : "static_cast<" + T + ">(~" + valueOf(T, "") + ")";
  // A floating max/min starts from an infinity: lowest()/max() are finite
  // and would replace an all -inf (or +inf) result.
  case ReduceOp::Max:
    return A.Floating ? "-std::numeric_limits<" + T + ">::infinity()"
                      : "std::numeric_limits<" + T + ">::lowest()";
  case ReduceOp::Min:
    // `(...::max)()`: a function-like macro `max` the file defines
    // (`#define max(a, b) ...`, as <windows.h> does) is not expanded
    // without a '(' right after the name (adv66 F8).
    return A.Floating ? "std::numeric_limits<" + T + ">::infinity()"
                      : "(std::numeric_limits<" + T + ">::max)()";
  }
  return valueOf(T, "");
}

// The selections keep the left partial unless the right one is better
// (first of equals kept: std::max(L, R) is `L < R ? R : L`; written
// `(std::max)(L, R)`, out of reach of a `max(a, b)` macro) or at least as
// good (last of equals kept). A NaN partial on the right never wins and one
// on the left (only the user's initial value can be NaN) never loses:
// exactly what the loop's own step does. See Reductions.h.
std::string combineExpr(const Accumulator &A, const std::string &L, const std::string &R) {
  switch (A.Op) {
  case ReduceOp::Max:
    return A.LastWins ? R + " >= " + L + " ? " + R + " : " + L : "(std::max)(" + L + ", " + R + ")";
  case ReduceOp::Min:
    return A.LastWins ? R + " <= " + L + " ? " + R + " : " + L : "(std::min)(" + L + ", " + R + ")";
  case ReduceOp::Add:
  case ReduceOp::Mul:
    if (A.Wraps)
      return std::string(A.Op == ReduceOp::Add ? "::purecc::wrapping_add(" : "::purecc::wrapping_mul(") +
             L + ", " + R + ")";
    [[fallthrough]];
  default: return L + " " + opName(A.Op).str() + " " + R;
  }
}

std::string privateType(const Accumulator &A) {
  if (A.Wraps && (A.Op == ReduceOp::Add || A.Op == ReduceOp::Mul))
    return "::purecc::wrapping<" + A.Type + ">";
  return A.Type;
}

std::string mergeStmt(const Accumulator &A, const std::string &R) {
  const std::string &V = A.Name;
  switch (A.Op) {
  case ReduceOp::Max:
  case ReduceOp::Min:
  case ReduceOp::LogicalAnd:
  case ReduceOp::LogicalOr:
    return V + " = " + combineExpr(A, V, R) + ";";
  case ReduceOp::Add:
  case ReduceOp::Mul:
    // `s = ::purecc::wrapping_add<long>(s, R)`: the type spelled, since a
    // part or element's type (`h.n`, a bit-field) need not be deduced alike.
    if (A.Wraps)
      return V + " = ::purecc::wrapping_" + (A.Op == ReduceOp::Add ? "add" : "mul") + "<" +
             A.Type + ">(" + V + ", " + R + ");";
    // A floating sum adds at run time what the compiler might fold (`-0.0
    // + r` is r only when rounding to nearest: purecc/additive_identity.h).
    if (A.Floating && A.Op == ReduceOp::Add)
      return "::purecc::unfolded(" + V + ") += " + R + ";";
    [[fallthrough]];
  default:
    return V + " " + opName(A.Op).str() + "= " + R + ";";
  }
}

namespace {

std::string lambdaHead(const Index &Idx, llvm::StringRef Captures, llvm::StringRef Result) {
  std::string S = "[&" + Captures.str() + "](std::int64_t";
  if (!Idx.Param.empty())
    S += " " + Idx.Param;
  S += ")";
  if (!Result.empty())
    S += " -> " + Result.str();
  return S + " { " + Idx.Declaration;
}

/// The call that starts a reduction, and the leaf lambda's head.
/// Around a site's statement: its captureless leaf takes the values it reads
/// as parameters named like the user's variables, so that the body stays as
/// written; g++'s -Wshadow would call each one a shadow.
std::string noShadowBegin(const TaskSite *Site) {
  return Site ? "_Pragma(\"GCC diagnostic push\") _Pragma(\"GCC diagnostic ignored \\\"-Wshadow\\\"\") "
              : "";
}
std::string noShadowEnd(const TaskSite *Site) {
  return Site ? " _Pragma(\"GCC diagnostic pop\")" : "";
}

std::string reduceCall(const TaskSite *Site) {
  if (!Site)
    return "::purecc::parallel_reduce(";
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << "::purecc::reduce_at<" << siteIdLiteral(Site->Id, Site->Linked) << ", "
     << llvm::format_hex(Site->Hi, 18) << "ULL, "
     << llvm::format_hex(Site->Lo, 18) << "ULL>(";
  return S;
}

std::string leafHead(const Index &Idx, llvm::StringRef Result, const TaskSite *Site) {
  if (!Site)
    return lambdaHead(Idx, "", Result);
  std::string S = "[](std::int64_t";
  if (!Idx.Param.empty())
    S += " " + Idx.Param;
  for (const std::string &P : Site->Params)
    S += ", " + P;
  return S + ") -> " + Result.str() + " { " +
         (Site->IndexDeclaration.empty() ? Idx.Declaration : Site->IndexDeclaration);
}

/// ", a, b" after the combine of a site: the values its leaf reads.
std::string siteArgs(const TaskSite *Site) {
  std::string S;
  if (Site)
    for (const std::string &A : Site->Args)
      S += ", " + A;
  return S;
}

/// Whether the reduction's result is merged in place (`acc += reduce(...)`)
/// rather than through names: a last-of-equals merge mentions it twice.
bool isSingle(const std::vector<Accumulator> &Accs) {
  return Accs.size() == 1 && !Accs[0].LastWins;
}

std::string tupleType(const std::vector<Accumulator> &Accs) {
  std::vector<std::string> Types;
  for (const Accumulator &A : Accs)
    Types.push_back(A.Type);
  return "std::tuple<" + llvm::join(Types, ", ") + ">";
}

/// ", <grain>" as the last argument of a runtime call, or nothing.
std::string grainArg(llvm::StringRef Grain) {
  return Grain.empty() ? std::string() : ", " + Grain.str();
}

/// The arguments after a reduction's combine: the local run's leaf size,
/// then a site's values (a site keeps the leaf size: its tree is the local
/// run's, and a short range of cheap iterations stays on this process).
std::string tailArgs(const TaskSite *Site, llvm::StringRef Grain) {
  return grainArg(Grain) + siteArgs(Site);
}

std::string combineLambda(const Accumulator &A, const CombineParams &P) {
  std::string S = "[](" + A.Type + " " + P.L + ", " + A.Type + " " + P.R + ")";
  if (A.Promotes)
    S += " -> " + A.Type;
  return S + " { return " + combineExpr(A, P.L, P.R) + "; }";
}

} // namespace

std::string reduceHead(llvm::StringRef Begin, llvm::StringRef End,
                       const std::vector<Accumulator> &Accs, const Index &Idx,
                       llvm::StringRef ResultStem, const TaskSite *Site) {
  std::string Locals;
  for (const Accumulator &A : Accs)
    Locals += privateType(A) + " " + A.Private + " = " + identity(A) + "; ";
  std::string Range = Begin.str() + ", " + End.str() + ", ";
  if (isSingle(Accs)) {
    const Accumulator &A = Accs[0];
    std::string Merge = mergeStmt(A, "\x01");
    std::string Prefix = Merge.substr(0, Merge.find('\x01'));
    return noShadowBegin(Site) + Prefix + reduceCall(Site) + Range + identity(A) + ", " +
           leafHead(Idx, A.Type, Site) +
           Locals;
  }
  std::vector<std::string> Names, Ids;
  for (size_t I = 0; I < Accs.size(); ++I) {
    Names.push_back(ResultStem.str() + std::to_string(I));
    Ids.push_back(identity(Accs[I]));
  }
  std::string Tuple = tupleType(Accs);
  return noShadowBegin(Site) + "{ auto [" + llvm::join(Names, ", ") + "] = " + reduceCall(Site) +
         Range + Tuple + "{" +
         llvm::join(Ids, ", ") + "}, " + leafHead(Idx, Tuple, Site) + Locals;
}

std::string reduceTail(const std::vector<Accumulator> &Accs, llvm::StringRef ResultStem,
                       const CombineParams &Params, const TaskSite *Site,
                       llvm::StringRef Grain) {
  if (isSingle(Accs)) {
    const Accumulator &A = Accs[0];
    std::string Merge = mergeStmt(A, "\x01");
    std::string Suffix = Merge.substr(Merge.find('\x01') + 1);
    return " return " + A.Private + "; }, " + combineLambda(A, Params) + tailArgs(Site, Grain) +
           ")" + Suffix + noShadowEnd(Site);
  }
  std::string Tuple = tupleType(Accs);
  std::vector<std::string> Names, Parts, Merges;
  for (size_t I = 0; I < Accs.size(); ++I) {
    std::string N = std::to_string(I);
    Names.push_back(Accs[I].Private);
    std::string L = "std::get<" + N + ">(" + Params.L + ")",
                R = "std::get<" + N + ">(" + Params.R + ")";
    // Of two bool partials `|` and `||` agree, but clang's
    // -Wbitwise-instead-of-logical rejects `|` between bools with a call
    // on the right (the std::get), under -Werror.
    bool Logical = Accs[I].IsBool && (Accs[I].Op == ReduceOp::BitOr || Accs[I].Op == ReduceOp::BitAnd);
    std::string Part = Logical ? L + (Accs[I].Op == ReduceOp::BitOr ? " || " : " && ") + R
                               : combineExpr(Accs[I], L, R);
    if (Accs[I].Promotes)
      Part = "static_cast<" + Accs[I].Type + ">(" + Part + ")";
    Parts.push_back(Part);
    Merges.push_back(mergeStmt(Accs[I], ResultStem.str() + N));
  }
  return " return " + Tuple + "{" + llvm::join(Names, ", ") + "}; }, [](const " + Tuple +
         " &" + Params.L + ", const " + Tuple + " &" + Params.R + ") { return " + Tuple + "{" +
         llvm::join(Parts, ", ") + "}; }" + tailArgs(Site, Grain) + "); " +
         llvm::join(Merges, " ") + " }" + noShadowEnd(Site);
}

std::string reduceContinue(const std::vector<Accumulator> &Accs) {
  if (isSingle(Accs))
    return "return " + Accs[0].Private;
  std::vector<std::string> Names;
  for (const Accumulator &A : Accs)
    Names.push_back(A.Private);
  return "return " + tupleType(Accs) + "{" + llvm::join(Names, ", ") + "}";
}

std::string reduceExpr(llvm::StringRef Begin, llvm::StringRef End, const Accumulator &A,
                       const std::string &LeafCaptures, const Index &Idx,
                       llvm::StringRef LeafExpr, const CombineParams &Params) {
  return "::purecc::parallel_reduce(" + Begin.str() + ", " + End.str() + ", " + identity(A) + ", " +
         lambdaHead(Idx, LeafCaptures, A.Type) + "return " + LeafExpr.str() + "; }, " +
         combineLambda(A, Params) + ")";
}

std::string strideCount(llvm::StringRef T, llvm::StringRef C, llvm::StringRef Begin,
                        llvm::StringRef End, llvm::StringRef Step, bool Inclusive,
                        llvm::StringRef Stem) {
  std::string S = (Stem + "_s").str(), B = (Stem + "_b").str(), D = (Stem + "_d").str(),
              K = (Stem + "_k").str(), Q = (Stem + "_q").str(), R = (Stem + "_r").str();
  auto U64 = [](const std::string &X) { return "static_cast<std::uint64_t>(" + X + ")"; };
  std::string AsC = "static_cast<" + C.str() + ">(";
  std::string Bc = AsC + B + ")", Ec = AsC + "(" + End.str() + "))";
  // d = e - b, exact: b and e are values of C (which holds every T) with
  // b before e. The last iteration is b + q*k; the serial loop then adds k
  // once more, which must stay within T (r = max - b): otherwise it wraps
  // around (unsigned, narrow) or overflows, and the serial loop runs.
  // In the serial loop's order: the start, then the condition; the step
  // only when there is a first iteration (a loop of no iterations never
  // evaluates it).
  return "[&]() -> std::int64_t { const " + T.str() + " " + B + " = (" + Begin.str() +
         "); if (!(" + Bc + (Inclusive ? " <= " : " < ") + Ec + ")) return 0; const auto " + S +
         " = (" + Step.str() + "); if (!(" + S + " > 0)) return -1; const std::uint64_t " + D +
         " = " + U64(Ec) + " - " + U64(Bc) + ", " + K + " = " + U64(S) + ", " + Q + " = " +
         (Inclusive ? D + " / " + K : "(" + D + " - 1) / " + K) + ", " + R + " = " +
         U64("(std::numeric_limits<" + T.str() + ">::max)()") + " - " + U64(B) + "; if (" + K +
         " > " + R + " || " + Q + " * " + K + " > " + R + " - " + K + " || " + Q +
         " >= " + U64("(std::numeric_limits<std::int64_t>::max)()") +
         ") return -1; return static_cast<std::int64_t>(" + Q + " + 1); }()";
}

std::string strideIndex(llvm::StringRef T, llvm::StringRef Begin, llvm::StringRef Step) {
  return "static_cast<" + T.str() + ">(static_cast<std::uint64_t>(static_cast<" + T.str() +
         ">(" + Begin.str() + ")) + static_cast<std::uint64_t>(" + Step.str() +
         ") * static_cast<std::uint64_t>(\x01))";
}

std::string strideGuardHead(llvm::StringRef Trips, llvm::StringRef Count) {
  return "if (const std::int64_t " + Trips.str() + " = " + Count.str() + "; " + Trips.str() +
         " < 0)";
}

std::string forHead(llvm::StringRef Begin, llvm::StringRef End, const Index &Idx,
                    llvm::StringRef ExtraCaptures) {
  return "::purecc::parallel_for(" + Begin.str() + ", " + End.str() + ", " +
         lambdaHead(Idx, ExtraCaptures, "");
}

std::string mapHead(llvm::StringRef Begin, llvm::StringRef End, const Index &Idx,
                    llvm::StringRef Element, const TaskSite &Site) {
  std::string Call = reduceCall(&Site);
  Call.replace(Call.find("reduce_at"), 9, "map_at");
  return noShadowBegin(&Site) + Call + Begin.str() + ", " + End.str() + ", " +
         leafHead(Idx, Element, &Site);
}

std::string mapTail(const Index &Idx, llvm::StringRef Target, const TaskSite &Site,
                    llvm::StringRef Grain) {
  return " }, [&](std::int64_t " + Idx.Param + ", auto &&purecc_v) { " + Idx.Declaration +
         Target.str() + " = std::forward<decltype(purecc_v)>(purecc_v); }" + grainArg(Grain) +
         siteArgs(&Site) +
         ");" + noShadowEnd(&Site);
}

std::string forTail(llvm::StringRef Grain) { return " }" + grainArg(Grain) + ");"; }

std::string memoHead(llvm::StringRef Site, llvm::StringRef Name, std::uint64_t Hi,
                     std::uint64_t Lo, llvm::StringRef Linked, llvm::StringRef Result) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << "static const ::purecc::MemoSite " << Site << "{\"" << Name << "\", "
     << llvm::format_hex(Hi, 18) << "ULL, " << llvm::format_hex(Lo, 18) << "ULL";
  if (!Linked.empty())
    OS << ", \"" << Linked << "\"";
  OS << "}; return ::purecc::memoize("
     << Site << ", [&]() -> " << Result << " {";
  return S;
}

std::string memoTail(const std::vector<std::string> &Args) {
  std::string S = "}";
  for (const std::string &A : Args)
    S += ", " + A;
  return S + "); ";
}

std::string codecHook(llvm::StringRef Type, const std::vector<std::string> &Fields) {
  std::vector<std::string> Members;
  for (const std::string &F : Fields)
    Members.push_back("&" + Type.str() + "::" + F);
  return "template <> struct purecc::codec<" + Type.str() + "> : ::purecc::fields<" +
         llvm::join(Members, ", ") + "> {};";
}

// --- selections (argmin/argmax) ----------------------------------------------

namespace {

/// The type of the leaf's copy of best: best's, or the whole struct's.
const std::string &bestCopyType(const Selection &S) {
  return S.Member.empty() ? S.Best.Type : S.WholeType;
}

/// The value compared in a partial result's first element: "std::get<0>(x)"
/// or "std::get<0>(x).d".
std::string comparedIn(const Selection &S, const std::string &X) {
  return "std::get<0>(" + X + ")" + (S.Member.empty() ? "" : "." + S.Member);
}

std::string selectTuple(const Selection &S) {
  return "std::tuple<" + bestCopyType(S) + ", " +
         (S.PayloadTypes.empty() ? "" : llvm::join(S.PayloadTypes, ", ") + ", ") + "bool>";
}

std::string selectValues(const Selection &S) {
  std::string V = S.Best.Private + ", ";
  for (const std::string &P : S.PayloadPrivates)
    V += P + ", ";
  return selectTuple(S) + "{" + V + S.Stem + "_hit}";
}

} // namespace

std::string selectHead(llvm::StringRef Begin, llvm::StringRef End, const Selection &S,
                       const Index &Idx) {
  std::string Aliases, Inits, Locals, Bindings = S.Stem + "_best";
  std::string Id = identity(S.Best);
  for (size_t I = 0; I < S.Payloads.size(); ++I) {
    // The leaf's payloads start as copies of the user's (plain values, see
    // Selections.h; they are only read back when the selection fired).
    std::string Init = S.Stem + "_init" + std::to_string(I);
    Aliases += "auto &" + Init + " = " + S.Payloads[I] + "; ";
    Inits += Init + ", ";
    Locals += S.PayloadTypes[I] + " " + S.PayloadPrivates[I] + " = " + Init + "; ";
    Bindings += ", " + S.Stem + "_" + std::to_string(I);
  }
  std::string Tuple = selectTuple(S);
  std::string Lambda = "[&](std::int64_t";
  if (!Idx.Param.empty())
    Lambda += " " + Idx.Param;
  Lambda += ") -> " + Tuple + " { " + Idx.Declaration;
  std::string Start = Id, Copy = S.Best.Type + " " + S.Best.Private + " = " + Id + "; ";
  if (!S.Member.empty()) {
    // The struct's other members start as the user's, like the payloads;
    // the compared one at the identity. An empty range's result (not
    // found) is never read back.
    std::string Init = S.Stem + "_initb";
    Aliases = "auto &" + Init + " = " + S.Best.Name + "; " + Aliases;
    Start = Init;
    Copy = S.WholeType + " " + S.Best.Private + " = " + Init + "; " + S.Best.Private + "." +
           S.Member + " = " + Id + "; ";
  }
  return "{ " + Aliases + "auto [" + Bindings + ", " + S.Stem + "_found] = ::purecc::parallel_reduce(" +
         Begin.str() + ", " + End.str() + ", " + Tuple + "{" + Start + ", " + Inits + "false}, " +
         Lambda + Copy + Locals + "bool " + S.Stem + "_hit = false; ";
}

std::string selectFired(const Selection &S) { return " " + S.Stem + "_hit = true;"; }

std::string selectTail(const Selection &S, llvm::StringRef Grain) {
  std::string Tuple = selectTuple(S);
  std::string Hit = "std::get<" + std::to_string(S.Payloads.size() + 1) + ">";
  std::string Assign = S.Best.Name + " = " + S.Stem + "_best;";
  for (size_t I = 0; I < S.Payloads.size(); ++I)
    Assign += " " + S.Payloads[I] + " = " + S.Stem + "_" + std::to_string(I) + ";";
  const std::string &A = S.Params.L, &B = S.Params.R;
  std::string Field = S.Member.empty() ? "" : "." + S.Member;
  return " return " + selectValues(S) + "; }, [](const " + Tuple + " &" + A + ", const " + Tuple +
         " &" + B + ") { return " + Hit + "(" + B + ") && (!" + Hit + "(" + A + ") || " +
         comparedIn(S, B) + " " + S.Rel + " " + comparedIn(S, A) + ") ? " + B + " : " + A + "; }" +
         grainArg(Grain) + "); if (" + S.Stem + "_found && " + S.Stem + "_best" + Field + " " +
         S.Rel + " " + S.Best.Name + Field + ") { " + Assign + " } }";
}

std::string selectContinue(const Selection &S) { return "return " + selectValues(S); }

std::string passesHead(llvm::StringRef Begin, llvm::StringRef End, const SelectionPasses &S,
                       const Index &Idx) {
  std::string Types = S.Better + ", " + S.KeyType;
  for (const SelectionPasses::Carried &C : S.Carries)
    Types += ", " + C.Value;
  std::string T = S.Stem + "_t", One = S.Stem + "_one";
  // The leaf may no longer read the loop variable when only the block did.
  std::string Decl = Idx.Declaration.empty() ? "" : "[[__maybe_unused__]] " + Idx.Declaration;
  return "{ using " + T + " = ::purecc::selection_records<" + Types + ">; ::purecc::selection_stop " +
         S.Stem + "_stop; auto " + S.Stem + "_all = ::purecc::parallel_reduce(" + Begin.str() +
         ", " + End.str() + ", " + T + "{}, [&](std::int64_t " + S.Param + ") -> " + T + " { " +
         T + " " + One + "; if (" + S.Stem + "_stop.passed(" + S.Param + ")) return " + One +
         "; " + Decl + "try { ";
}

std::string passesAdd(const SelectionPasses &S, llvm::StringRef Term) {
  std::string Args = S.Param + ", (" + Term.str() + ")";
  for (const SelectionPasses::Carried &C : S.Carries)
    Args += ", " + C.Name;
  return S.Stem + "_one.add(" + Args + ");";
}

std::string passesBeforeBlock(const SelectionPasses &S, const Index &Idx, llvm::StringRef Grain) {
  std::string R = S.Stem + "_r", One = S.Stem + "_one";
  std::string Text = " } catch (...) { " + S.Stem + "_stop.note(" + S.Param + "); " + One +
                     ".fail(std::current_exception()); } return " + One + "; }, " + S.Stem +
                     "_t::merge{}" + grainArg(Grain) + "); for (auto &" + R + " : " + S.Stem +
                     "_all.records()) if (" + R + ".key " + S.Rel + " " + S.Compared + ") { ";
  if (S.BlockReadsIndex) {
    Text += "[[__maybe_unused__]] const std::int64_t " + S.Param + " = " + R + ".at; ";
    if (!Idx.Declaration.empty())
      Text += "[[__maybe_unused__]] " + Idx.Declaration;
  }
  for (size_t I = 0; I < S.Carries.size(); ++I) {
    const SelectionPasses::Carried &C = S.Carries[I];
    // A reference binds the carried copy; a value takes it over.
    std::string Get = "std::get<" + std::to_string(I) + ">(";
    bool Reference = !C.Declared.empty() && C.Declared.back() == '&';
    Text += C.Declared + (Reference ? "" : " ") + C.Name + " = " + Get +
            (Reference ? R + ".carried" : "std::move(" + R + ".carried)") + "); ";
  }
  return Text;
}

std::string passesAfterBlock(const SelectionPasses &S) {
  return " } " + S.Stem + "_all.rethrow(); }";
}

std::string passesContinue(const SelectionPasses &S) { return "return " + S.Stem + "_one"; }

// --- concatenations (std::string, std::vector) -------------------------------

namespace {

/// "x.insert(x.begin(), std::make_move_iterator(y.begin()), ...)" when
/// Front (the serial loop inserted at the front, which needs what the range
/// insert needs), else "purecc::append_moved(x, y);": the serial loop only
/// appended, and its elements need not be assignable (purecc/append.h).
std::string appendMoved(const std::string &X, const std::string &Y, bool Front = false) {
  if (!Front)
    return "::purecc::append_moved(" + X + ", " + Y + ");";
  return X + ".insert(" + X + ".begin(), std::make_move_iterator(" + Y +
         ".begin()), std::make_move_iterator(" + Y + ".end()));";
}

} // namespace

std::string concatHead(llvm::StringRef Begin, llvm::StringRef End, const Concatenation &C,
                       const Index &Idx) {
  std::string Lambda = "[&](std::int64_t";
  if (!Idx.Param.empty())
    Lambda += " " + Idx.Param;
  Lambda += ") -> " + C.Type + " { " + Idx.Declaration;
  std::string Call = "::purecc::parallel_reduce(" + Begin.str() + ", " + End.str() + ", " + C.Type +
                     "{}, " + Lambda + C.Type + " " + C.Private + "{}; ";
  return (C.IsString && !C.Prepends && !C.Guarded ? C.Name + " += " : "{ auto " + C.Stem + " = ") +
         Call;
}

std::string concatTail(const Concatenation &C, llvm::StringRef Grain) {
  // Prepending: the right partial (the later iterations) goes in front.
  const std::string &A = C.Prepends ? C.Params.R : C.Params.L,
                    &B = C.Prepends ? C.Params.L : C.Params.R;
  std::string Combine = "[](" + C.Type + " " + C.Params.L + ", " + C.Type + " " + C.Params.R +
                        ") { " + (C.IsString ? A + " += " + B + ";" : appendMoved(A, B)) +
                        " return " + A + "; }";
  std::string S = " return " + C.Private + "; }, " + Combine + grainArg(Grain) + ");";
  std::string Merge;
  if (C.IsString && C.Prepends)
    Merge = C.Name + ".insert(0, " + C.Stem + ");";
  else if (C.IsString && C.Guarded)
    Merge = C.Name + " += " + C.Stem + ";";
  else if (!C.IsString)
    Merge = appendMoved(C.Name, C.Stem, C.Prepends);
  if (C.Guarded)
    Merge = "if (!" + C.Stem + ".empty()) " + Merge;
  return Merge.empty() ? S : S + " " + Merge + " }";
}

std::string concatContinue(const Concatenation &C) { return "return " + C.Private; }

// --- ordered reductions (a user's associative combine) -----------------------

std::string foldInto(const OrderedFold &F, const std::string &Target, const std::string &Value) {
  const std::string &L = F.Prepends ? Value : Target, &R = F.Prepends ? Target : Value;
  switch (F.How) {
  case OrderedFold::Form::CompoundAssign:
    return Target + " " + F.Spelling + " " + Value + ";";
  case OrderedFold::Form::Operator:
    return Target + " = " + L + " " + F.Spelling + " " + R + ";";
  case OrderedFold::Form::Call:
    return Target + " = " + F.Spelling + "(" + L + ", " + R + ");";
  }
  return "";
}

namespace {
std::string optionalOf(const OrderedFold &F) { return "std::optional<" + F.Type + ">"; }
} // namespace

std::string orderedHead(llvm::StringRef Begin, llvm::StringRef End, const OrderedFold &F,
                        const Index &Idx) {
  std::string Opt = optionalOf(F);
  return "{ auto " + F.Stem + " = ::purecc::parallel_reduce(" + Begin.str() + ", " + End.str() +
         ", " + Opt + "{}, " + lambdaHead(Idx, "", Opt) + Opt + " " + F.Private + "; ";
}

std::string orderedStepHead(const OrderedFold &F) {
  // `auto &&` binds the term as the loop's step did (a temporary without a
  // copy, an lvalue as an lvalue), and forwarding keeps its value category.
  std::string V = "std::forward<decltype(" + F.Value + ")>(" + F.Value + ")";
  return "[&](auto &&" + F.Value + ") { if (" + F.Private + ") " +
         foldInto(F, "*" + F.Private, V) + " else " + F.Private + ".emplace(" + V + "); }(";
}

std::string orderedTail(const OrderedFold &F, llvm::StringRef Grain) {
  std::string Opt = optionalOf(F);
  const std::string &A = F.Params.L, &B = F.Params.R;
  // The runtime passes partials as rvalues: taking them by reference
  // saves moving each into a parameter. A partial is folded in with the
  // value category of the loop's terms (TermIsLValue).
  auto Term = [&](const std::string &Partial) {
    return F.TermIsLValue ? "*" + Partial : "std::move(*" + Partial + ")";
  };
  std::string Combine = "[](" + Opt + " &&" + A + ", " + Opt + " &&" + B + ") { if (!" + A +
                        ") return std::move(" + B + "); if (" + B + ") " +
                        foldInto(F, "*" + A, Term(B)) + " return std::move(" + A + "); }";
  return " return " + F.Private + "; }, " + Combine + grainArg(Grain) + "); if (" + F.Stem +
         ") " + foldInto(F, F.Name, Term(F.Stem)) + " }";
}

std::string orderedContinue(const OrderedFold &F) { return "return " + F.Private; }

} // namespace purecc::shapes
