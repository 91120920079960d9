// Code that g++ compiles and Clang rejects: purecc cannot check it, so the
// compile fails (an unchecked object would look checked to the build).
#if defined(__clang__)
#error "this file is for g++ only"
#endif

[[pure]] int square(int x) { return x * x; }
