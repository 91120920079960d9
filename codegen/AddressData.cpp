//===- AddressData.cpp - an address turned into data ----------------------===//
#include "AddressData.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace purecc {
namespace {

/// A conversion between pointers that views an object that can hold an
/// address as bytes: into a pointer to a character type or std::byte, or
/// into `void *` given to a comparison of bytes. (Into `void *` for a
/// copy, the copy is weighed at the call.)
bool viewsBytes(const CastExpr *CE, AddressTypes &Types, ASTContext &Ctx) {
  const auto *From = CE->getSubExpr()->getType()->getAs<PointerType>();
  const auto *To = CE->getType()->getAs<PointerType>();
  if (!From || !To || !Types.mayHold(From->getPointeeType()))
    return false;
  QualType Target = To->getPointeeType().getUnqualifiedType();
  if (Target->isCharType() || Target->isStdByteType())
    return true;
  if (!Target->isVoidType())
    return false;
  DynTypedNodeList Parents = Ctx.getParents(*CE);
  const auto *Call = Parents.empty() ? nullptr : Parents[0].get<CallExpr>();
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->getIdentifier() &&
         llvm::is_contained({"memcmp", "__builtin_memcmp", "bcmp", "__builtin_bcmp"}, Callee->getName());
}

} // namespace

AddressAsData addressAsData(const Stmt *Node, AddressTypes &Types, ASTContext &Ctx) {
  if (const auto *BC = dyn_cast<BuiltinBitCastExpr>(Node))
    return Types.mayHold(BC->getSubExpr()->getType()) ? AddressAsData::Bits : AddressAsData::None;
  if (const auto *CE = dyn_cast<CastExpr>(Node)) {
    if (CE->getCastKind() == CK_PointerToIntegral)
      return AddressAsData::Integer;
    if (CE->getCastKind() == CK_BitCast && viewsBytes(CE, Types, Ctx))
      return AddressAsData::Bytes;
    return AddressAsData::None;
  }
  const auto *Call = dyn_cast<CallExpr>(Node);
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier())
    return AddressAsData::None;
  llvm::StringRef Name = FD->getName();
  if (Name == "bit_cast" && Call->getNumArgs() == 1 && Types.mayHold(Call->getArg(0)->getType()))
    return AddressAsData::Bits;
  if (llvm::is_contained({"memcpy", "memmove", "__builtin_memcpy", "__builtin_memmove"}, Name) &&
      Call->getNumArgs() == 3) {
    const auto *From = Call->getArg(1)->IgnoreParenImpCasts()->getType()->getAs<PointerType>();
    const auto *To = Call->getArg(0)->IgnoreParenImpCasts()->getType()->getAs<PointerType>();
    if (From && Types.mayHold(From->getPointeeType()))
      return To && Types.mayHold(To->getPointeeType()) ? AddressAsData::BytesToAddress
                                                      : AddressAsData::Bytes;
  }
  return AddressAsData::None;
}

} // namespace purecc
