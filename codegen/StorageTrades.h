//===- StorageTrades.h - escapes that move with storage between objects ---===//
//
// Storage that moves between objects carries its escapes along (Escapes.h):
// after `p = pool.data()`, `next.swap(pool)`, `std::swap(next, pool)`,
// `next = std::move(pool)` and `next = std::exchange(pool, {})` each make
// 'next' escape too, since p now points into next's elements (adv45
// t04-t06). The Finder of Escapes.cpp records each trade
// (EscapeSites::Trades) and each move into an object no local names
// (EscapeSites::Lost); these steps, run once the sites are found, turn
// them into escape sites and say which locals hold storage a caller gave
// up (EscapeSites::CallerStorage).
//
//   EscapeSites Out = ...;            // Finder's rounds
//   followTrades(Out, Ctx);
//   followCallerStorage(Out, Outermost);
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Escapes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

namespace purecc {

/// Storage that moved carries its escapes along: the receiver of a trade
/// escapes at the trade when what it received may be reached other than
/// through the object it came from. Drops the sites that are only a
/// trade's own parts (the non-const references a library move or swap
/// takes), then adds the receivers' sites, and those of every local of a
/// class that may take back storage lost from sight.
void followTrades(EscapeSites &Out, clang::ASTContext &Ctx);

/// CallerStorage: the by-value parameters of FD and of the lambdas in it,
/// then every local that receives storage from one of them in a trade,
/// until nothing changes.
void followCallerStorage(EscapeSites &Out, const clang::FunctionDecl *FD);

} // namespace purecc
