//===- PreScan.cpp - may this source use purecc's attributes? -------------===//
#include "PreScan.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace purecc {
namespace {

/// A project's own headers rarely number more than this per source; past
/// it, the scan gives up and answers yes (a parse is always correct).
constexpr size_t MaxFilesScanned = 512;

bool isIdentChar(char C) {
  return (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') || (C >= '0' && C <= '9') || C == '_';
}

std::string_view trimLeft(std::string_view S) {
  size_t I = S.find_first_not_of(" \t");
  return I == std::string_view::npos ? std::string_view() : S.substr(I);
}

bool consumeFront(std::string_view &S, std::string_view Prefix) {
  if (!S.starts_with(Prefix))
    return false;
  S.remove_prefix(Prefix.size());
  return true;
}

/// A header named by an include directive.
struct Include {
  std::string Name;
  bool Angled = false;
};

/// The headers Text includes, in order; Unfollowed is set by a directive
/// the scan cannot follow: a computed `#include MACRO`, or `#include_next`,
/// which continues the search past the including file's own directory.
std::vector<Include> includes(std::string_view Text, bool &Unfollowed) {
  std::vector<Include> Names;
  while (!Text.empty()) {
    size_t Newline = Text.find('\n');
    std::string_view Line = Text.substr(0, Newline);
    Text = Newline == std::string_view::npos ? std::string_view() : Text.substr(Newline + 1);
    Line = trimLeft(Line);
    if (!consumeFront(Line, "#"))
      continue;
    Line = trimLeft(Line);
    if (consumeFront(Line, "include_next")) {
      Unfollowed = true;
      continue;
    }
    if (!consumeFront(Line, "include") && !consumeFront(Line, "import"))
      continue;
    Line = trimLeft(Line);
    bool Angled = consumeFront(Line, "<");
    if (!Angled && !consumeFront(Line, "\"")) {
      Unfollowed |= !Line.empty() && isIdentChar(Line.front()); // `#include HEADER`
      continue;
    }
    size_t Close = Line.find(Angled ? '>' : '"');
    if (Close != std::string_view::npos && Close > 0)
      Names.push_back({std::string(Line.substr(0, Close)), Angled});
  }
  return Names;
}

bool isRegularFile(const fs::path &P) {
  std::error_code EC;
  return fs::is_regular_file(P, EC);
}

/// Finds an include the way GCC and Clang do, in the command's directories
/// only: for quotes the including file's directory, then -iquote; then -I,
/// then -isystem.
std::optional<std::string> resolve(const Include &Inc, const fs::path &IncluderDir,
                                   const IncludeSearch &Search) {
  const std::string &Name = Inc.Name;
  fs::path NamePath(Name);
  if (NamePath.is_absolute())
    return isRegularFile(NamePath) ? std::optional<std::string>(Name) : std::nullopt;
  auto Try = [&](const fs::path &Dir) -> std::optional<std::string> {
    fs::path P = Dir / NamePath;
    if (isRegularFile(P))
      return P.string();
    return std::nullopt;
  };
  if (!Inc.Angled) {
    if (auto P = Try(IncluderDir))
      return P;
    for (const std::string &D : Search.QuoteDirs)
      if (auto P = Try(D))
        return P;
  }
  for (const auto *Dirs : {&Search.AngleDirs, &Search.SystemDirs})
    for (const std::string &D : *Dirs)
      if (auto P = Try(D))
        return P;
  return std::nullopt;
}

std::optional<std::string> readFile(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(In), std::istreambuf_iterator<char>());
}

} // namespace

bool mentionsPureccAttribute(std::string_view Written) {
  // `<:<:pure:>:>` is `[[pure]]` in digraphs, and a backslash-newline
  // splices two lines into one (`[[pu\` + `re]]`): undone first. A `<:`
  // that was no digraph (`f<::g>`) can only add a yes.
  std::string Spliced;
  if (Written.find("<:") != std::string_view::npos || Written.find("\\\n") != std::string_view::npos ||
      Written.find("\\\r\n") != std::string_view::npos) {
    Spliced.reserve(Written.size());
    for (size_t I = 0; I < Written.size(); ++I) {
      if (Written[I] == '\\' && Written.substr(I + 1).starts_with("\n")) {
        ++I;
        continue;
      }
      if (Written[I] == '\\' && Written.substr(I + 1).starts_with("\r\n")) {
        I += 2;
        continue;
      }
      if (Written.substr(I).starts_with("<:")) {
        Spliced += '[';
        ++I;
        continue;
      }
      if (Written.substr(I).starts_with(":>")) {
        Spliced += ']';
        ++I;
        continue;
      }
      Spliced += Written[I];
    }
    Written = Spliced;
  }
  std::string_view Text = Written;
  for (size_t Pos = Text.find("[["); Pos != std::string_view::npos;
       Pos = Text.find("[[", Pos + 2)) {
    size_t End = Text.find("]]", Pos + 2);
    if (End == std::string_view::npos)
      return false;
    std::string_view Spec = Text.substr(Pos + 2, End - Pos - 2);
    for (size_t I = 0; I < Spec.size();) {
      if (!isIdentChar(Spec[I])) {
        ++I;
        continue;
      }
      size_t J = I;
      while (J < Spec.size() && isIdentChar(Spec[J]))
        ++J;
      std::string_view Ident = Spec.substr(I, J - I);
      if (Ident == "pure" || Ident == "purecc")
        return true;
      I = J;
    }
  }
  return false;
}

bool mayUsePurecc(const std::string &Path, const IncludeSearch &Search) {
  if (Search.Unfollowed)
    return true;
  for (const std::string &Define : Search.Defines)
    if (mentionsPureccAttribute(Define))
      return true; // `-DPURE=[[pure]]`
  std::set<std::string> Seen;
  std::vector<std::string> Work{Path};
  for (const std::string &Name : Search.Forced)
    if (std::optional<std::string> File = resolve({Name, /*Angled=*/false}, ".", Search))
      Work.push_back(std::move(*File));
  while (!Work.empty()) {
    std::string File = std::move(Work.back());
    Work.pop_back();
    std::error_code EC;
    fs::path Real = fs::canonical(File, EC);
    if (!Seen.insert(EC ? File : Real.string()).second)
      continue;
    if (Seen.size() > MaxFilesScanned)
      return true;
    std::optional<std::string> Text = readFile(File);
    if (!Text)
      continue; // the compiler will say what is wrong with it
    if (mentionsPureccAttribute(*Text))
      return true;
    fs::path Dir = fs::path(File).parent_path();
    bool Unfollowed = false;
    std::vector<Include> Included = includes(*Text, Unfollowed);
    if (Unfollowed)
      return true; // a parse decides
    for (const Include &Inc : Included)
      if (std::optional<std::string> Header = resolve(Inc, Dir.empty() ? "." : Dir, Search))
        Work.push_back(std::move(*Header));
  }
  return false;
}

void addEnvironmentDirs(IncludeSearch &Search) {
  auto Add = [](const char *Variable, std::vector<std::string> &Into) {
    const char *Value = std::getenv(Variable);
    if (!Value)
      return;
    std::string_view Rest = Value;
    while (true) {
      size_t Colon = Rest.find(':');
      std::string_view Dir = Rest.substr(0, Colon);
      Into.emplace_back(Dir.empty() ? std::string_view(".") : Dir);
      if (Colon == std::string_view::npos)
        break;
      Rest.remove_prefix(Colon + 1);
    }
  };
  Add("CPATH", Search.AngleDirs);
  Add("CPLUS_INCLUDE_PATH", Search.SystemDirs);
}

} // namespace purecc
