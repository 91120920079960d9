// A shared library built without purecc (no link note) that defines a
// constant and a function the programs of memo_link_lib_program.cpp use:
// built as v1 (LIB_VALUE 10) and v2 (20), each with and without a GNU
// build id, all under one name (libpurecc_test_k.so) in four directories,
// standing for one libk.so rebuilt without relinking the program
// (MemoLink.ALibrarysSymbolFoundInTheProgramIsTheLibrarys, adv114 F2;
// MemoLink.AModuleWithoutBuildIdIsTheCodeLoaded, adv114 F3).
extern "C" {
extern const long purecc_test_k;
const long purecc_test_k = LIB_VALUE;
long purecc_test_kern(long x) { return x + LIB_VALUE; }
}
