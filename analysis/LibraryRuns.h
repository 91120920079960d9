//===- LibraryRuns.h - user code that library templates run ---------------===//
//
// The table (StdlibPurity.def) judges a library call at the API level:
// `std::make_unique` is pure. But a template instantiated for a user type
// runs that type's members: make_unique<Log> constructs a Log, ~unique_ptr
// destroys it, vector<T>::push_back copies a T, std::sort calls T's
// operator<, set<K, Less> calls Less. Which members run is a fact of the
// instantiation, so purecc reads it from there: the instantiated library
// bodies are walked (transitively, each once per unit) for the calls they
// make to user-written functions. Only those are reported; the library's
// own code is still judged by the table, never by its bodies.
//
//   LibraryRuns Runs(SM);
//   for (const UserRun &R : Runs.of(LibraryFD)) ... R.Member, R.Action ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <string>
#include <vector>

namespace purecc {

/// One user-written function a library call may run.
struct UserRun {
  const clang::FunctionDecl *Member;
  std::string Action; // "destroys a 'Log'", "calls 'Key::operator<'"
  /// A `delete` through a pointer to a class whose destructor is virtual
  /// (`~unique_ptr<Base>`): Member is the static type's destructor, and
  /// the one that runs is the dynamic type's, a virtual call (R5).
  bool Virtual = false;
};

/// The definition the program runs for FD when the user wrote it: a
/// class-specific `operator new`/`operator delete`, or a replacement of a
/// global one defined in this unit (declared in <new>, defined here); null
/// when FD is the library's or has no body in this unit.
const clang::FunctionDecl *userAllocationFunction(const clang::FunctionDecl *FD,
                                                  const clang::SourceManager &SM);

class LibraryRuns {
public:
  LibraryRuns(const clang::SourceManager &SM, const clang::PrintingPolicy &PP)
      : SM(SM), PP(PP) {}

  /// The user-written functions FD (a library function) may run, directly or
  /// through other library functions. Lambdas are left out: a lambda reaches
  /// the library only as an argument, and is judged there as a callable.
  const std::vector<UserRun> &of(const clang::FunctionDecl *FD);

private:
  void scanFunction(const clang::FunctionDecl *FD, std::vector<UserRun> &Out);
  void scanStmt(const clang::Stmt *S, std::vector<UserRun> &Out);
  void reach(const clang::FunctionDecl *FD, std::vector<UserRun> &Out);
  void destroyType(clang::QualType T, std::vector<UserRun> &Out);
  void allocation(const clang::FunctionDecl *FD, std::vector<UserRun> &Out);

  const clang::SourceManager &SM;
  clang::PrintingPolicy PP;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<UserRun>> Cache;
  // Library functions being walked: a recursive one (_Rb_tree::_M_erase)
  // contributes what its first walk finds.
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
};

} // namespace purecc
