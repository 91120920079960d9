// Helpers declared pure here and defined in ext.cpp.
[[pure]] long ext(long x);
[[pure]] double scale(double a);
