//===- LinkNote.cpp - what this unit defines for other units' keys --------===//
#include "LinkNote.h"
#include "Fingerprint.h"

#include "analysis/ImplementationHeaders.h"
#include "analysis/PurityChecker.h"

#include "clang/AST/Mangle.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <memory>
#include <set>

using namespace clang;

namespace purecc {
namespace {

/// The definitions this unit provides to other units' pure functions.
class LinkTargets : public RecursiveASTVisitor<LinkTargets> {
public:
  LinkTargets(ASTContext &Ctx, const PurityFacts &Facts) : Ctx(Ctx), Facts(Facts) {}
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    // Internal functions cannot be called from elsewhere. Inline functions
    // and implicit instantiations are defined in every unit that uses them,
    // and the linker keeps one unit's copy, compiled with that unit's
    // flags: each unit that uses one records its own (adv102 F2), and a
    // caller is keyed by all of them.
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext() && !inImplementation(FD) &&
        Facts.isPure(FD))
      if (isStrong(Ctx.GetGVALinkageForFunction(FD)) ||
          (FD->isUsed(false) && linkerKeepsOneCopy(Ctx, FD)))
        Functions.push_back(FD);
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->isThisDeclarationADefinition() == VarDecl::Definition && VD->hasGlobalStorage() &&
        !VD->isStaticLocal() && !VD->getDeclContext()->isDependentContext() &&
        VD->getType().isConstQualified() && !inImplementation(VD) &&
        isStrong(Ctx.GetGVALinkageForVariable(VD)))
      Constants.push_back(VD);
    return true;
  }

  std::vector<const FunctionDecl *> Functions;
  std::vector<const VarDecl *> Constants;

private:
  static bool isStrong(GVALinkage L) { return L == GVA_StrongExternal || L == GVA_StrongODR; }
  bool inImplementation(const Decl *D) const {
    return D->getLocation().isInvalid() || isImplementationDecl(D);
  }

  ASTContext &Ctx;
  const PurityFacts &Facts;
};

} // namespace

std::string linkNote(ASTContext &Ctx, const PurityFacts &Facts, unsigned OptimizationLevel) {
  LinkTargets Targets(Ctx, Facts);
  Targets.TraverseDecl(Ctx.getTranslationUnitDecl());
  if (Targets.Functions.empty())
    return "";
  std::unique_ptr<MangleContext> MC(Ctx.createMangleContext());
  struct Record {
    std::string Symbol;
    Fingerprint F;
  };
  std::vector<Record> Records;
  auto Add = [&](const NamedDecl *D) {
    std::string Symbol = linkerSymbol(D, *MC);
    if (Symbol != ExternalProgram)
      Records.push_back({Symbol, fingerprint(D, Ctx, OptimizationLevel)});
  };
  for (const FunctionDecl *FD : Targets.Functions)
    Add(FD);
  for (const VarDecl *VD : Targets.Constants)
    Add(VD);
  // Each record's symbols are all it reaches (the walk is transitive), and
  // the runtime follows records from symbol to symbol: a symbol that
  // another one of the list reaches through this unit's own record, where
  // the reverse does not hold, adds nothing. Left out, a chain of inline
  // functions is a line each instead of a triangle (300 chained: 392 KB).
  llvm::StringMap<std::set<std::string>> Reaches;
  for (const Record &R : Records)
    Reaches[R.Symbol].insert(R.F.External.begin(), R.F.External.end());
  auto Through = [&](const std::string &From, const std::string &To) {
    auto It = Reaches.find(From);
    return It != Reaches.end() && It->second.count(To);
  };
  auto Reached = [&](const std::string &S) {
    auto It = Reaches.find(S);
    return It == Reaches.end() ? size_t(0) : It->second.size();
  };
  std::map<std::string, std::string> Lines; // by symbol: a stable order
  for (const Record &R : Records) {
    // The widest first: what one that is left out reaches, the one that
    // reaches it reaches too (each list is closed), so it drops nothing more.
    const std::set<std::string> Listed(R.F.External.begin(), R.F.External.end());
    std::vector<const std::string *> Order;
    for (const std::string &E : Listed)
      Order.push_back(&E);
    llvm::stable_sort(Order, [&](const std::string *A, const std::string *B) {
      return Reached(*A) > Reached(*B);
    });
    std::set<std::string> Dropped;
    for (const std::string *Other : Order) {
      auto It = Reaches.find(*Other);
      if (Dropped.count(*Other) || It == Reaches.end())
        continue;
      for (const std::string &X : It->second)
        if (X != *Other && Listed.count(X) && !Through(X, *Other))
          Dropped.insert(X);
    }
    std::string Line;
    llvm::raw_string_ostream OS(Line);
    OS << R.Symbol << ' ' << llvm::format_hex_no_prefix(R.F.Hi, 16)
       << llvm::format_hex_no_prefix(R.F.Lo, 16);
    for (const std::string &E : R.F.External)
      if (!Dropped.count(E))
        OS << ' ' << E;
    Lines[R.Symbol] += Line + "\n";
  }
  std::string Out;
  for (auto &[Symbol, Text] : Lines)
    Out += Text;
  return Out;
}

} // namespace purecc
