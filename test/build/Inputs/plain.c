/* A C file: the launcher never looks into C. [[pure]] in a comment. */
int twice(int x) { return 2 * x; }
