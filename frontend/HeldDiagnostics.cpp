//===- HeldDiagnostics.cpp - diagnostics held until the plan is known -----===//
//
// See HeldDiagnostics.h.
//
//===----------------------------------------------------------------------===//
#include "HeldDiagnostics.h"

#include <memory>

using namespace clang;

namespace purecc {

/// Stores each diagnostic instead of giving it on; forwards the source-file
/// events so that the original consumer sees the unit as before.
class HeldDiagnostics::Holder : public DiagnosticConsumer {
public:
  explicit Holder(DiagnosticConsumer &Next) : Next(Next) {}
  std::vector<StoredDiagnostic> Held;

  void HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) override {
    // Counted by the original consumer when it is given the diagnostic.
    Held.emplace_back(Level, Info);
  }
  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    Next.BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Next.EndSourceFile(); }
  void finish() override { Next.finish(); }
  bool IncludeInDiagnosticCounts() const override { return Next.IncludeInDiagnosticCounts(); }

private:
  DiagnosticConsumer &Next;
};

HeldDiagnostics::HeldDiagnostics(DiagnosticsEngine &Engine)
    : Engine(Engine), Original(Engine.getClient()), OwnedOriginal(Engine.ownsClient()),
      Installed(nullptr) {
  if (!Original)
    return;
  // Take ownership away for the time held, so that installing the holder
  // does not delete the original.
  std::unique_ptr<DiagnosticConsumer> Owned = Engine.takeClient();
  (void)Owned.release();
  Installed = new Holder(*Original);
  Engine.setClient(Installed, /*ShouldOwnClient=*/false);
}

HeldDiagnostics::~HeldDiagnostics() { release(KeepRemarks::Yes); }

void HeldDiagnostics::release(KeepRemarks Keep) {
  if (!Installed)
    return;
  std::unique_ptr<Holder> Done(Installed);
  Installed = nullptr;
  Engine.setClient(Original, OwnedOriginal);
  bool DroppedLast = false; // the last diagnostic that is no note was dropped
  for (const StoredDiagnostic &D : Done->Held) {
    if (D.getLevel() == DiagnosticsEngine::Note) {
      if (DroppedLast)
        continue;
    } else {
      DroppedLast = Keep == KeepRemarks::No && D.getLevel() == DiagnosticsEngine::Remark;
      if (DroppedLast)
        continue;
    }
    Engine.Report(D);
  }
}

} // namespace purecc
