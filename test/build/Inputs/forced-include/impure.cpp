// No #include: the [[pure]] declaration reaches this unit only through the
// command's '-include contract.h'.
long counter;
long ext(long x) { return x + ++counter; }
