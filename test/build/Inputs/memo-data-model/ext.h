// A helper declared pure here and defined in ext.cpp.
[[pure]] long ext(long x);
