//===- UserCodecs.h - the program's own purecc::codec specializations ----===//
//
// A memoized function's arguments and result travel as the bytes their
// `purecc::codec` writes (runtime/include/purecc/serialize.h). A program may
// write its own codec for a type; then those bytes, not the type's members,
// are the key and the stored result, so:
//   - the codec is part of the fingerprint (Fingerprint.cpp): a codec whose
//     byte format changed would read an old entry as another value
//     (adv85 F1);
//   - a codec made of `purecc::fields<&T::a, ...>` must list every member
//     of T: one left out is not in the key, so two arguments that differ
//     only there share one result, and a decoded result loses it (adv85 F2).
//
//   if (const auto *Codec = userCodec(Ctx, T))
//     if (const FieldDecl *Missing = fieldLeftOut(Codec))  // refuse memo
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"

#include <vector>

namespace purecc {

/// The `purecc::codec` class template the unit declares, or null.
const clang::ClassTemplateDecl *codecTemplate(clang::ASTContext &Ctx);

/// The program's explicit specialization `purecc::codec<T>` for T (its
/// cv-qualifiers and references ignored), or null.
const clang::ClassTemplateSpecializationDecl *userCodec(clang::ASTContext &Ctx, clang::QualType T);

/// Whether a specialization of `purecc::codec` is the program's, not one
/// of the runtime's own (declared beside the template: `codec<std::string>`).
bool isProgramCodec(clang::ASTContext &Ctx, const clang::Decl *Codec);

/// The partial specializations of `purecc::codec` the program wrote (not
/// the runtime's own, which are declared beside the template).
std::vector<const clang::ClassTemplatePartialSpecializationDecl *>
userPartialCodecs(clang::ASTContext &Ctx);

/// For a codec that derives from `purecc::fields<&T::a, ...>`: the first
/// non-static data member of T (or of its bases) that the list
/// leaves out; null when every one is listed or the codec is written by
/// hand (its `write` and `read` are the program's to get right).
const clang::FieldDecl *fieldLeftOut(const clang::ClassTemplateSpecializationDecl *Codec);

/// The members a `purecc::fields<...>` codec lists, in order; empty for a
/// codec written by hand. Each is encoded by its own type's codec.
std::vector<const clang::FieldDecl *>
listedFields(const clang::ClassTemplateSpecializationDecl *Codec);

} // namespace purecc
