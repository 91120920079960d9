# lit configuration for purecc's compiler tests.
#
# Substitutions:
#   %purecc     the purecc binary under test
#   %cxx        g++ (C++20), %clangxx  clang++-19 (C++20)
#   %rt_cflags  flags to compile rewritten output against the runtime headers
#   %rt_link    flags to link it against the static runtime and OpenMP
#   FileCheck, not, count come from LLVM 19's tools directory.
import os
import lit.formats

config.name = "purecc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "runtime", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.purecc_obj_root, "test")

# Tests must not depend on the caller's environment: a stable locale, no
# colour, and a private memo cache.
config.environment["LC_ALL"] = "C"
config.environment["PURECC_CACHE_DIR"] = os.path.join(config.test_exec_root, "cache")
for var in ("OMP_NUM_THREADS", "PURECC_MEMO", "PURECC_STATS", "PURECC_PROGRESS"):
    config.environment.pop(var, None)

config.substitutions.append(("%purecc", os.path.join(config.purecc_tools_dir, "purecc")))
std = " -std=c++20"
config.substitutions.append(("%clangxx", config.clangxx + std))
config.substitutions.append(("%cxx", config.cxx + std))
config.substitutions.append(("%rt_cflags", "-fopenmp -I" + config.rt_include))
config.substitutions.append(("%rt_link", config.rt_static_lib + " " + config.rt_link_libs))

# FileCheck, not and count are found on PATH, LLVM 19's first.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", "")])
