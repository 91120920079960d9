// A second translation unit for the multi-file tests: one Clang warning.
int unused_local() { int u; return 0; }
