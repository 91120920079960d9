//===- PreScan.cpp - may this source use purecc's attributes? -------------===//
#include "PreScan.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <optional>

using namespace llvm;

namespace purecc {
namespace {

/// A project's own headers rarely number more than this per source; past
/// it, the scan gives up and answers yes (a parse is always correct).
constexpr size_t MaxFilesScanned = 512;

bool isIdentChar(char C) { return isAlnum(C) || C == '_'; }

/// The names of the headers Text includes with quotes, in order.
std::vector<StringRef> quotedIncludes(StringRef Text) {
  std::vector<StringRef> Names;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    Line = Line.ltrim(" \t");
    if (!Line.consume_front("#"))
      continue;
    Line = Line.ltrim(" \t");
    if (!Line.consume_front("include_next") && !Line.consume_front("include") &&
        !Line.consume_front("import"))
      continue;
    Line = Line.ltrim(" \t");
    if (!Line.consume_front("\""))
      continue;
    size_t Close = Line.find('"');
    if (Close != StringRef::npos && Close > 0)
      Names.push_back(Line.take_front(Close));
  }
  return Names;
}

/// Finds a quoted include the way GCC and Clang do: the including file's
/// directory, then -iquote, then -I.
std::optional<std::string> resolve(StringRef Name, StringRef IncluderDir,
                                   const IncludeSearch &Search) {
  auto Try = [&](StringRef Dir) -> std::optional<std::string> {
    SmallString<256> P;
    if (sys::path::is_absolute(Name))
      P = Name;
    else {
      P = Dir;
      sys::path::append(P, Name);
    }
    if (sys::fs::is_regular_file(P))
      return std::string(P);
    return std::nullopt;
  };
  if (auto P = Try(IncluderDir))
    return P;
  for (const auto *Dirs : {&Search.QuoteDirs, &Search.AngleDirs})
    for (const std::string &D : *Dirs)
      if (auto P = Try(D))
        return P;
  return std::nullopt;
}

} // namespace

bool mentionsPureccAttribute(StringRef Text) {
  for (size_t Pos = Text.find("[["); Pos != StringRef::npos; Pos = Text.find("[[", Pos + 2)) {
    size_t End = Text.find("]]", Pos + 2);
    if (End == StringRef::npos)
      return false;
    StringRef Spec = Text.slice(Pos + 2, End);
    for (size_t I = 0; I < Spec.size();) {
      if (!isIdentChar(Spec[I])) {
        ++I;
        continue;
      }
      size_t J = I;
      while (J < Spec.size() && isIdentChar(Spec[J]))
        ++J;
      StringRef Ident = Spec.slice(I, J);
      if (Ident == "pure" || Ident == "purecc")
        return true;
      I = J;
    }
  }
  return false;
}

bool mayUsePurecc(StringRef Path, const IncludeSearch &Search) {
  StringSet<> Seen;
  std::vector<std::string> Work{Path.str()};
  while (!Work.empty()) {
    std::string File = std::move(Work.back());
    Work.pop_back();
    SmallString<256> Real;
    if (sys::fs::real_path(File, Real))
      Real = File;
    if (!Seen.insert(Real).second)
      continue;
    if (Seen.size() > MaxFilesScanned)
      return true;
    auto Buffer = MemoryBuffer::getFile(File, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false);
    if (!Buffer)
      continue; // the compiler will say what is wrong with it
    StringRef Text = (*Buffer)->getBuffer();
    if (mentionsPureccAttribute(Text))
      return true;
    StringRef Dir = sys::path::parent_path(File);
    for (StringRef Name : quotedIncludes(Text))
      if (std::optional<std::string> Header = resolve(Name, Dir.empty() ? "." : Dir, Search))
        Work.push_back(std::move(*Header));
  }
  return false;
}

} // namespace purecc
