//===- HeldDiagnostics.h - diagnostics held until the plan is known -------===//
//
// Whether a unit is compiled as written is known only after planning for a
// macro named like a name the generated code spells (purecc-runtime-name-
// macro needs the plan's text). The planner's remarks ("loop rewritten as a
// parallel reduction of 's'") would then be false. So the diagnostics of
// the plan step are held, in order, and given on afterwards: all of them,
// or all but the remarks (and the notes that explain a remark).
//
//   HeldDiagnostics Held(Engine);        // from here, diagnostics are held
//   Plan P = planRewrites(...);
//   Held.release(KeepRemarks::No);       // errors and warnings, in order
//
// The consumer that was installed gets the held diagnostics as if they had
// just been reported (clang's StoredDiagnostic keeps message, place, ranges
// and fix-its). If purecc faults while diagnostics are held, the crash
// guard ends the unit (CrashGuard.h): the holder is then left installed,
// forwarding to the original consumer, and never freed.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/Basic/Diagnostic.h"

#include <vector>

namespace purecc {

enum class KeepRemarks { No, Yes };

class HeldDiagnostics {
public:
  explicit HeldDiagnostics(clang::DiagnosticsEngine &Engine);
  ~HeldDiagnostics();
  HeldDiagnostics(const HeldDiagnostics &) = delete;
  HeldDiagnostics &operator=(const HeldDiagnostics &) = delete;

  /// Puts the original consumer back and reports what was held through it,
  /// in order; with KeepRemarks::No, without remarks and their notes.
  /// Called once (the destructor calls it with KeepRemarks::Yes otherwise).
  void release(KeepRemarks Keep);

private:
  class Holder;
  clang::DiagnosticsEngine &Engine;
  clang::DiagnosticConsumer *Original;
  bool OwnedOriginal;
  Holder *Installed; // heap: outlives a fault while installed (above)
};

} // namespace purecc
