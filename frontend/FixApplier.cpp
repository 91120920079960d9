//===- FixApplier.cpp - `purecc check --fix` ------------------------------===//
#include "FixApplier.h"
#include "Emit.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace purecc {
namespace {

struct Edit {
  const FixIt *Fix;
  unsigned Sequence; // order of report, for insertions at one offset
};

/// The order edits are applied in: by offset; at one offset insertions come
/// before a replacement, and "before previous insertions" ones go first.
bool editOrder(const Edit &A, const Edit &B) {
  auto Key = [](const Edit &E) {
    long Seq = E.Fix->BeforePreviousInsertions ? -long(E.Sequence) : long(E.Sequence);
    return std::make_tuple(E.Fix->Offset, E.Fix->Length != 0, Seq);
  };
  return Key(A) < Key(B);
}

struct FileEdits {
  std::vector<Edit> Edits;
  std::set<std::tuple<unsigned, unsigned, std::string>> Seen; // for duplicates
  std::string NewText;
  unsigned Applied = 0;
};

/// Works out a file's new text. False (after one line on stderr) if the
/// file cannot be read or is no longer what Clang read.
bool planFile(llvm::StringRef Path, FileEdits &F) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    llvm::WithColor::error(llvm::errs(), "purecc")
        << "cannot read '" << Path << "' to fix it: " << Buffer.getError().message() << "\n";
    return false;
  }
  llvm::StringRef Text = (*Buffer)->getBuffer();
  FileFingerprint Now{Text.size(), llvm::xxh3_64bits(Text)};
  for (const Edit &E : F.Edits)
    if (!(E.Fix->Fingerprint == Now)) {
      llvm::WithColor::error(llvm::errs(), "purecc")
          << "'" << Path << "' changed since it was checked; not fixing it\n";
      return false;
    }

  std::stable_sort(F.Edits.begin(), F.Edits.end(), editOrder);
  size_t Copied = 0;          // Text[0, Copied) is in NewText
  for (const Edit &E : F.Edits) {
    const FixIt &X = *E.Fix;
    if (X.Offset < Copied || X.Offset + X.Length > Text.size()) {
      llvm::WithColor::warning(llvm::errs(), "purecc")
          << "not applying the fix-it at " << Path << ":" << X.Span.Begin.Line << ":"
          << X.Span.Begin.Column << ": it overlaps another one\n";
      continue;
    }
    F.NewText += Text.slice(Copied, X.Offset);
    F.NewText += X.Replacement;
    Copied = X.Offset + X.Length;
    ++F.Applied;
  }
  F.NewText += Text.drop_front(Copied);
  return true;
}

} // namespace

FixOutcome applyFixIts(const std::vector<DiagnosticRecord> &Records) {
  for (const DiagnosticRecord &R : Records)
    if (R.Level >= clang::DiagnosticsEngine::Error && R.Origin != IdOrigin::Purecc &&
        R.FixIts.empty()) {
      // Clang stopped reporting: the errors past it were never seen.
      bool Limit = R.Level == clang::DiagnosticsEngine::Fatal &&
                   llvm::StringRef(R.Message).starts_with("too many errors emitted");
      llvm::WithColor::error(llvm::errs(), "purecc")
          << (Limit ? "not applying any fix-it: Clang stopped at the error limit the command "
                      "line sets ('-ferror-limit'); without it every error is seen\n"
                    : "not applying any fix-it: Clang reported errors that have none\n");
      return FixOutcome::Refused;
    }

  llvm::StringMap<FileEdits> Files;
  std::vector<std::string> Order; // files in the order first named
  unsigned Sequence = 0;
  for (const DiagnosticRecord &R : Records) {
    if (R.Level == clang::DiagnosticsEngine::Note)
      continue;
    for (const FixIt &F : R.FixIts) {
      auto [It, New] = Files.try_emplace(F.Span.File);
      if (New)
        Order.push_back(F.Span.File);
      // A header's fix-it comes once from every unit that includes it.
      if (It->second.Seen.emplace(F.Offset, F.Length, F.Replacement).second)
        It->second.Edits.push_back({&F, Sequence++});
    }
  }

  for (const std::string &Path : Order)
    if (!planFile(Path, Files[Path]))
      return FixOutcome::Failed;

  FixOutcome Outcome = FixOutcome::Applied;
  for (const std::string &Path : Order) {
    FileEdits &F = Files[Path];
    if (F.Applied == 0)
      continue;
    // emitFile writes a new file; keep the old one's permissions.
    llvm::sys::fs::file_status Before;
    bool HadStatus = !llvm::sys::fs::status(Path, Before);
    if (!emitFile(Path, F.NewText)) {
      Outcome = FixOutcome::Failed;
      continue;
    }
    if (HadStatus)
      (void)llvm::sys::fs::setPermissions(Path, Before.permissions());
    llvm::errs() << "purecc: fixed '" << Path << "' (" << F.Applied
                 << (F.Applied == 1 ? " fix-it)\n" : " fix-its)\n");
  }
  return Outcome;
}

} // namespace purecc
