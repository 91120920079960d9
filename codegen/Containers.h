//===- Containers.h - which standard types codegen can index in parallel --===//
//
// Parallel loops over a range need random access by index, and parallel
// writes need elements that do not share storage. These queries name the
// standard types that give both (or only the first, for views), so that the
// transformations agree on them. Which standard types those are is the
// library model's random-access column (analysis/Stdlib.h, randomAccess).
//
//   if (containerKind(E->getType()) == ContainerKind::Owning) ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Type.h"

namespace purecc {

enum class ContainerKind {
  None,     ///< not a container codegen indexes
  Owning,   ///< std::vector (not <bool>: analysis/Stdlib.h, packsBits), std::array, std::deque, std::basic_string
  View,     ///< std::span, std::basic_string_view: indexable, may alias
  CArray,   ///< a built-in array of known size
};

/// What kind of indexable range T (references and cv stripped) is.
ContainerKind containerKind(clang::QualType T);

/// The element type of an indexable range (null when not one).
clang::QualType elementType(const clang::ASTContext &Ctx, clang::QualType T);

/// What a concatenation builds (transforms/Concatenations.h): a
/// std::basic_string or a std::vector (not <bool>); None for anything else.
enum class Sequence { None, String, Vector };
Sequence sequenceOf(clang::QualType T);

/// Whether a value of type T holds a value of a type Is says yes to: it is
/// one, or an array, a class template's specialization (`std::optional`,
/// `std::pair`, a container) or a program's class (its members) holding one.
bool holdsType(clang::QualType T, bool (*Is)(clang::QualType));

} // namespace purecc
