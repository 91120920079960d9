//===- ImplementationHeaders.cpp - the compiler's own library, by directory ===//
#include "ImplementationHeaders.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/FileManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Path.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

using namespace clang;

namespace purecc {
namespace {

/// Whether a search directory is the implementation's or the user's.
enum class Owner { Implementation, User };

struct SearchDir {
  std::string Path; // canonical (real) path
  Owner Whose;
};

/// `.../c++/12`, `.../c++/v1`, `.../c++/12/backward`: where libstdc++ and
/// libc++ install their headers, whatever the prefix.
bool isCxxLibraryDir(llvm::StringRef Path) {
  using llvm::sys::path::filename;
  using llvm::sys::path::parent_path;
  if (filename(Path) == "backward")
    Path = parent_path(Path);
  return filename(parent_path(Path)) == "c++";
}

/// One unit's include directories and the answers given so far.
class UnitDirs {
public:
  UnitDirs(const SourceManager &SM, const HeaderSearchOptions &HSO) : SM(SM) {
    FileManager &FM = SM.getFileManager();
    auto Add = [&](llvm::StringRef Path, Owner Whose) {
      if (auto Dir = FM.getOptionalDirectoryRef(Path))
        Dirs.push_back({FM.getCanonicalName(*Dir).str(), Whose});
    };
    for (const HeaderSearchOptions::Entry &E : HSO.UserEntries) {
      bool System = E.Group == frontend::System || E.Group == frontend::CXXSystem ||
                    E.Group == frontend::CSystem;
      // Only the driver passes C library directories (-internal-externc-isystem).
      bool Implementation = E.Group == frontend::ExternCSystem;
      Add(E.Path, Implementation ? Owner::Implementation : Owner::User);
      if (System && !Implementation)
        if (auto Dir = FM.getOptionalDirectoryRef(E.Path);
            Dir && isCxxLibraryDir(FM.getCanonicalName(*Dir)))
          Dirs.back().Whose = Owner::Implementation;
    }
    if (!HSO.ResourceDir.empty()) {
      llvm::SmallString<256> Include(HSO.ResourceDir);
      llvm::sys::path::append(Include, "include");
      Add(Include, Owner::Implementation);
    }
  }

  bool isImplementation(FileID FID) {
    auto [It, New] = Known.try_emplace(FID, false);
    if (New)
      It->second = classify(FID);
    return It->second;
  }

private:
  /// The deepest search directory the file lies under decides.
  bool classify(FileID FID) const {
    OptionalFileEntryRef File = SM.getFileEntryRefForID(FID);
    if (!File)
      return false;
    llvm::StringRef Dir = SM.getFileManager().getCanonicalName(File->getDir());
    size_t Deepest = 0;
    Owner Whose = Owner::User;
    for (const SearchDir &S : Dirs)
      if (S.Path.size() > Deepest && Dir.starts_with(S.Path) &&
          (Dir.size() == S.Path.size() || llvm::sys::path::is_separator(Dir[S.Path.size()]))) {
        Deepest = S.Path.size();
        Whose = S.Whose;
      }
    return Whose == Owner::Implementation;
  }

  const SourceManager &SM;
  std::vector<SearchDir> Dirs;
  llvm::DenseMap<FileID, bool> Known;
};

/// The units alive in this process (one at a time in practice).
std::mutex RegistryLock;
llvm::DenseMap<const SourceManager *, std::unique_ptr<UnitDirs>> &registry() {
  static llvm::DenseMap<const SourceManager *, std::unique_ptr<UnitDirs>> Units;
  return Units;
}

} // namespace

ImplementationScope::ImplementationScope(const SourceManager &SM, const HeaderSearchOptions &HSO)
    : SM(SM) {
  std::lock_guard<std::mutex> Lock(RegistryLock);
  registry()[&SM] = std::make_unique<UnitDirs>(SM, HSO);
}

ImplementationScope::~ImplementationScope() {
  std::lock_guard<std::mutex> Lock(RegistryLock);
  registry().erase(&SM);
}

bool isImplementationHeader(SourceLocation Loc, const SourceManager &SM) {
  if (Loc.isInvalid())
    return false;
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  std::lock_guard<std::mutex> Lock(RegistryLock);
  auto It = registry().find(&SM);
  if (It == registry().end())
    return SM.isInSystemHeader(Expansion);
  return It->second->isImplementation(SM.getFileID(Expansion));
}

bool isImplementationDecl(const Decl *D) {
  return isImplementationHeader(D->getLocation(), D->getASTContext().getSourceManager());
}

} // namespace purecc
