//===- PlaceNames.h - code that names the place it is written in ----------===//
//
// Code moved into a task (a lambda that may run on another thread) or a
// clone means something else when it names where it is written: its
// function (`__func__`, `__builtin_FUNCTION()`,
// `std::source_location::current()`, also as the default argument of a
// function called there, which is evaluated at the call) or its column
// (`__builtin_COLUMN()`, which the rewrite moves). These say so in the
// user's words, naming the macro the user wrote.
//
//   if (std::string Why = placeNameReason(Body, Ctx); !Why.empty())
//     return Unsupported("its body uses " + Why);
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"

#include <string>

namespace purecc {

/// The outermost macro whose expansion writes Loc, as the user wrote its
/// name (`assert`, `NAME_LEN`); empty outside macros.
llvm::StringRef outermostMacro(clang::SourceLocation Loc, const clang::ASTContext &Ctx);

/// `'NAME_LEN', which expands to '__func__'` when Loc is written by a
/// macro, else Written (`'__func__'`).
std::string usedThrough(clang::SourceLocation Loc, const std::string &Written,
                        const clang::ASTContext &Ctx);

/// Whether a `__builtin_FUNCTION()`, `__builtin_COLUMN()` or
/// `__builtin_source_location()` (the default argument of
/// `std::source_location::current`) gives another value once moved; the
/// line and the file stay what they were ('#line' directives).
bool dependsOnPlace(const clang::SourceLocExpr *E);

/// "'std::source_location::current()', which names the function it is
/// written in"; for one in the default argument of a callee (DefaultArgs:
/// the default arguments E is in, outermost first) "'log', whose default
/// argument uses '__builtin_FUNCTION()', which names the function the call
/// is written in".
std::string sourceLocationReason(const clang::SourceLocExpr *E,
                                 llvm::ArrayRef<const clang::CXXDefaultArgExpr *> DefaultArgs,
                                 const clang::ASTContext &Ctx);

/// Why S names the place it is written in: the first `__func__`,
/// `__PRETTY_FUNCTION__`, `__builtin_FUNCTION()`,
/// `std::source_location::current()`... in S or in a default argument of a
/// call in S (outside lambdas and local classes, which have their own
/// names); "" when there is none.
std::string placeNameReason(const clang::Stmt *S, const clang::ASTContext &Ctx);

/// What in the unit's own code (not the system headers') may show the name
/// of a type declared in a function: "'typeid'" in a template or of such a
/// type (not `typeid(long)`), "'__PRETTY_FUNCTION__'" (whose template arguments
/// are types) or "'std::source_location::current()'" (its
/// 'function_name()'); "" when nothing does. Computed once per unit by
/// PlanContext::typeNameObserver.
std::string findTypeNameObserver(const clang::ASTContext &Ctx);

/// Why S, moved into a lambda, changes what the program prints: it declares
/// a class, a union or an enum, or is or holds a lambda, and such a type's
/// name holds the name of the function it is written in
/// ('main()::Tag'), which becomes the lambda's; Observer
/// (findTypeNameObserver) shows it. "'Tag', a class declared there, whose
/// name ('typeid' shows it) would name the lambda the code moves into";
/// "" when S declares none or Observer is empty.
std::string localTypeReason(const clang::Stmt *S, llvm::StringRef Observer);

/// The same for one declaration statement or lambda the caller met.
std::string localTypeReason(const clang::Decl *D, llvm::StringRef Observer);
std::string lambdaTypeReason(llvm::StringRef Observer);

/// Why S gives the column it is written at: the first `__builtin_COLUMN()`
/// or `std::source_location::current()` (whose `column()` the program may
/// read) in S or in a default argument of a call in S, outside lambdas and
/// local classes ("'std::source_location::current()', which gives the
/// column it is written at, which the rewrite moves"); "" when there is
/// none. Text hoisted in front of S on its line moves the rest of S right
/// (adv37 t03).
std::string columnUseReason(const clang::Stmt *S, const clang::ASTContext &Ctx);

/// The first `__builtin_LINE()` (or `__builtin_source_location()`, behind
/// `std::source_location::current()`, which holds the line) S evaluates,
/// the default arguments of its calls included, outside lambdas; nullptr
/// if none. '#line' directives keep the line of code that stays on its
/// line, but not of a call moved to another statement's line (a run of
/// statements with others between them; adv27 W6).
const clang::SourceLocExpr *lineUse(const clang::Stmt *S);

} // namespace purecc
