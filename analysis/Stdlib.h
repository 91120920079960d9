//===- Stdlib.h - the standard-library model: queries ---------------------===//
//
// purecc never descends into libstdc++'s bodies (that would be slow and
// would judge implementation details rather than the contract). A call into
// the library is judged from the one table in StdlibPurity.def, which the
// purity checker and the rewriter both read through these queries: whether
// a call is pure and which arguments it writes (judgeLibraryCall), which
// members leave their object as it is (memberRole), which ranges can be
// indexed in parallel (randomAccess), which operations combine
// associatively (combineOf), which algorithms loop over their range and how
// codegen rewrites them (algorithmShape), which throw by contract on their
// arguments (contractThrow). Which members of the element type
// an operation runs is read from its instantiation (LibraryRuns.h).
//
//   if (isLibraryFunction(FD, SM)) {
//     LibraryVerdict V = judgeLibraryCall(FD, ObjectClass);
//     if (V.Kind == LibraryKind::Impure) ... V.Reason ...
//   }
//   if (randomAccess(T) == RandomAccess::Owning) ... // v[i] writable in parallel
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace purecc {

enum class LibraryKind {
  Pure,         // reads its arguments; writes only non-const reference args
  ValueMember,  // member of a value class: a non-const one writes its object
  MutatesRange, // also writes through its iterator/pointer arguments
  Impure,       // known impure; Reason says why
  Unknown,      // not in the table: not known to be pure
};

struct LibraryVerdict {
  LibraryKind Kind = LibraryKind::Unknown;
  const char *Reason = nullptr;
};

/// A function judged only by the table: declared in namespace std (or
/// libstdc++'s __gnu_cxx), or a C library function from a system header.
bool isLibraryFunction(const clang::FunctionDecl *FD, const clang::SourceManager &SM);

/// `use_count()`, `unique()` or `expired()` of a std::shared_ptr or
/// std::weak_ptr: reads the count of owners, which every copy changes.
bool readsOwnerCount(const clang::FunctionDecl *FD);

/// ObjectClass: the static type of the object a member is called on, if any.
LibraryVerdict judgeLibraryCall(const clang::FunctionDecl *FD,
                                const clang::CXXRecordDecl *ObjectClass);

/// The name the table uses: qualified, no template arguments, no inline
/// namespaces ("std::vector::push_back").
std::string tableName(const clang::NamedDecl *D);

/// The public name of a std::ranges function object (a "niebloid"): the
/// class libstdc++ implements `std::ranges::any_of` with (`__any_of_fn`,
/// `__cust_access::_Begin`) gives "std::ranges::any_of"; empty for any
/// other class. A niebloid is judged as its plain `std::` counterpart.
std::string niebloidName(const clang::CXXRecordDecl *RD);

/// A library function that only hands back the address of (or a reference
/// to) its argument: std::ref, std::cref, std::addressof, std::as_const,
/// std::move, std::forward. It neither reads nor writes it; what is done
/// through the result is judged where it is done.
bool isAddressOnly(const clang::FunctionDecl *FD);

/// A library function that takes its arguments by reference only to hand
/// out a reference, iterator or pointer into them: std::get, std::begin,
/// std::data, and std::ranges::begin as std::begin
/// (StdlibPurity.def, PURECC_STD_DESIGNATES). Taking an argument writes
/// nothing; what is written through the result is judged where it is.
bool designatesArguments(const clang::FunctionDecl *FD);

/// A library function that makes a tuple of references to its arguments
/// (std::tie, std::forward_as_tuple; PURECC_STD_TIES): making one counts
/// as writing them, unless the tuple is only compared.
bool tiesArguments(const clang::FunctionDecl *FD);

/// A library function that writes, or lets the caller write through its
/// result, what it takes by forwarding reference: the makers of tuples of
/// references (tiesArguments) and PURECC_STD_WRITES_FORWARDED
/// (std::ranges::swap). Codegen, which takes a forwarded lvalue as passed
/// on, asks this first.
bool writesForwarded(const clang::FunctionDecl *FD);

/// Whether the library function FD only reads what its parameter Param
/// takes by forwarding reference (`T &&` of a deduced `T`), though an lvalue
/// binds it as a non-const `T &`: std::make_tuple copies it, unless copying
/// an Arg may write it (a constructor `A(A &)`); a std::ranges algorithm
/// whose iterator form only reads (std::ranges::count as std::count) reads
/// its range (PURECC_STD_READS_FORWARDED). False for everything else,
/// std::ranges::swap included.
bool readsForwarded(const clang::FunctionDecl *FD, unsigned Param, const clang::Expr *Arg);

/// What a member of a listed class does to its object besides what its
/// constness says (StdlibPurity.def, PURECC_STD_MEMBER).
enum class MemberRole {
  Other,   // judged by constness: a non-const member writes its object
  Access,  // hands out an element, iterator or view; changes nothing
  Size,    // reads only the size
  Inserts, // may insert (a map's operator[]), however it looks
  Applies, // calls what it is given on what its object holds
           // (std::optional::transform, and_then, or_else)
};
/// ObjectClass: the class the member is called through (may be null).
MemberRole memberRole(const clang::CXXMethodDecl *MD,
                      const clang::CXXRecordDecl *ObjectClass = nullptr);
/// The role the table gives a bare member name ("begin"): for the free
/// functions that mirror members (std::begin(v)).
MemberRole memberRole(llvm::StringRef BareName);
/// A class the table lists as a value class (PURECC_STD_CLASS).
bool isModelledClass(const clang::CXXRecordDecl *RD);
/// Non-const overloads that only hand out access (`v.begin()`, `v[i]` on a
/// vector): the write, if any, happens through the result and is judged
/// there. `operator[]` on a map inserts, so it is not one of them.
inline bool leavesObject(MemberRole R) {
  return R == MemberRole::Access || R == MemberRole::Size;
}

/// Whether a range can be indexed in parallel (PURECC_STD_CONTAINER).
enum class RandomAccess {
  None,   // not a standard range codegen indexes
  Owning, // std::vector (not <bool>), std::array, std::deque, std::basic_string
  View,   // std::span, std::basic_string_view: indexable, may alias
};
/// T with references and cv stripped; built-in arrays are not the table's.
RandomAccess randomAccess(clang::QualType T);
/// A standard container whose elements are part of it (Owning or Holds in
/// the table, std::vector<bool> included): a write to an element it hands
/// out (m[k], l.front()) is a write to it.
bool ownsElements(clang::QualType T);

/// The first argument a PURECC_STD_RANGE function writes through
/// (PURECC_STD_WRITES_FROM; 0 when not listed: any of them).
unsigned rangeWritesFrom(const clang::FunctionDecl *FD);
/// Whether a PURECC_STD_RANGE function may write through argument I of a
/// call given Args. A std::ranges algorithm's row is its iterator form's:
/// each range it is given stands for two of that form's iterators
/// (`std::ranges::copy(r, out)` is `std::copy(first, last, out)`, which
/// writes from its third argument on: through 'out', not 'r').
bool rangeWritesArgument(const clang::FunctionDecl *FD, llvm::ArrayRef<const clang::Expr *> Args,
                         unsigned I);

/// An associative combine with an identity (PURECC_STD_COMBINE).
enum class Combine { None, Add, Mul, BitAnd, BitOr, BitXor, Max, Min };
/// The combine of a standard function object's class (std::plus<>).
Combine combineOf(const clang::CXXRecordDecl *RD);
/// The combine of a standard function (std::max, std::fmin, ::fmin).
Combine combineOf(const clang::FunctionDecl *FD);

/// How codegen treats a standard algorithm (PURECC_STD_ALGORITHM).
enum class AlgorithmShape {
  None,      // not an algorithm over a range
  Serial,    // loops over its range; not rewritten
  Search,    // a binary search: log n steps, each after the one before;
             // not rewritten, and not worth a task by itself (CallCost)
  Reduction, // rewritten into a parallel reduction
  Map,       // rewritten into a parallel map
};
AlgorithmShape algorithmShape(const clang::FunctionDecl *FD);
/// Why a Serial algorithm is not rewritten, for a remark
/// (PURECC_STD_SERIAL_BECAUSE); empty for any other function.
std::string serialAlgorithmReason(const clang::FunctionDecl *FD);
/// The same for a C++20 range algorithm, given the function object that
/// names it (`std::ranges::all_of`): the reason of its iterator form; empty
/// unless that form is Serial.
std::string serialRangeAlgorithmReason(const clang::VarDecl *Algorithm);
/// The shape of the iterator form of a C++20 range algorithm, given the
/// function object that names it (`std::ranges::transform` is a variable):
/// that of `std::transform`; None for any other variable.
AlgorithmShape rangeAlgorithmShape(const clang::VarDecl *Algorithm);

/// When a standard-library function throws by its documented contract, on
/// the values of its arguments or its object's state (PURECC_STD_THROWS).
enum class ContractThrow {
  None,     // not listed: only resource limits, or nothing
  Always,   // any call may (`v.at(i)`, `std::stoi(s)`, `opt.value()`)
  Position, // a call with a position past size() (`s.substr(pos)`)
  WeakOwner, // a call given a std::weak_ptr (`std::shared_ptr<T>(w)`:
             // std::bad_weak_ptr once it has expired)
};
/// FD's column; a function declared `noexcept` is None whatever the table
/// says, and so are copy and move constructors.
ContractThrow contractThrow(const clang::FunctionDecl *FD);

/// A class value that designates other memory: pointers, iterators, spans,
/// string views, views and the library's proxy references (isProxyReference).
bool isPointerLike(clang::QualType T);
/// std::shared_ptr and std::weak_ptr (and the library's bases that declare
/// their members, std::__shared_ptr_access): a copy shares its pointee with
/// the original, so where the value came from says whose memory a write
/// through it lands on, as for a raw pointer. Not pointer-like for the rest
/// of the model (codegen, the table): only Locality follows them
/// (pointsLikePointer). A std::unique_ptr owns its pointee alone and is
/// not one of them.
bool isSharedPointer(clang::QualType T);
/// std::unique_ptr (of one object or an array): it owns its pointee alone.
bool ownsBlockAlone(clang::QualType T);
/// The library's classes that keep what they are given by value and hand
/// it back (std::any, std::optional, std::variant, std::tuple, std::pair,
/// std::expected): a pointer taken out of one (`std::any_cast<long *>(a)`,
/// `o.value_or(nullptr)`) is a copy of one put in, and a copy or move of
/// one holds what the original held.
bool keepsValues(clang::QualType T);
/// What Locality follows to where it points: isPointerLike, or a shared
/// pointer (isSharedPointer).
inline bool pointsLikePointer(clang::QualType T) {
  return isPointerLike(T) || isSharedPointer(T);
}
/// std::make_shared and its siblings: the result points to memory the call
/// allocated, whatever arguments the object was made from.
bool makesShared(const clang::FunctionDecl *FD);

/// What a call of the library's memory functions does to memory: `malloc`,
/// `calloc`, `aligned_alloc` and the global `::operator new` (each form)
/// return a block no one else holds, as a new-expression does; `free` and
/// `::operator delete` end the block they are given, as a delete-expression
/// does; `realloc` does both (the block it is given, the one it returns).
/// Reading what malloc left uninitialized is undefined, as for `new long[n]`:
/// not a question of purity. A replacement of `::operator new` defined in
/// the program is its code, judged by its body (LibraryRuns.h,
/// userAllocationFunction), not this.
enum class MemoryCall { None, Allocates, Frees, Reallocates };
MemoryCall memoryCall(const clang::FunctionDecl *FD, const clang::SourceManager &SM);
/// A std::ranges view (a class derived from std::ranges::view_interface:
/// `g | std::views::take(2)`, `std::ranges::subrange(b, e)`): it designates
/// the elements of the range it was made from, as a span does.
bool isRangesView(const clang::CXXRecordDecl *RD);
/// A class template specialization with a reference among its template
/// arguments (`std::tuple<int &, long>`, `std::pair<int &, int>`): a value
/// of it holds references to other objects.
bool holdsReference(clang::QualType T);
/// A class whose value stands for elements of another object, as an
/// iterator does, where no element is an object of its own
/// (PURECC_STD_PROXY: std::vector<bool>::reference, std::bitset::reference,
/// std::slice_array): what it writes or reads is what it designates.
bool isProxyReference(clang::QualType T);
/// Whether member MD of a proxy reference writes the elements it designates:
/// its assignments (const or not: C++23 gives std::vector<bool>::reference
/// a const one) and its other non-const members (flip). Its constructors
/// and destructor make and end the proxy only.
bool proxyMemberWrites(const clang::CXXMethodDecl *MD);
/// A standard container whose elements are bits packed into shared words
/// (std::vector<bool>, std::bitset): writing two of them from two threads
/// is a data race even when they are distinct.
bool packsBits(clang::QualType T);
/// A pointer-like value that cannot be written through: a pointer to const,
/// or an iterator whose operator* yields a const reference or a value
/// (std::vector<T>::const_iterator). Library algorithms that write through
/// their iterators cannot write through these.
bool isReadOnlyIterator(clang::QualType T);
/// A range (a span, a view) whose every begin() hands out a read-only
/// iterator: `std::span<const long>` (not `std::span<long>`).
bool isReadOnlyRange(clang::QualType T);
/// std::basic_ostream, std::basic_istream and their relatives.
bool isStreamType(clang::QualType T);
/// A class derived from std::exception.
bool isStdExceptionClass(const clang::CXXRecordDecl *RD);
/// std::atomic, std::atomic_ref, std::atomic_flag (or a C _Atomic type).
bool isAtomicType(clang::QualType T);
/// std::function / std::move_only_function: calls through it are indirect.
bool isFunctionWrapper(clang::QualType T);

} // namespace purecc
