/* A C unit: not C++, skipped. */
int legacy(void) { return 0; }
