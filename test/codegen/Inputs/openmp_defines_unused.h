// A library header that records whether OpenMP is on in a macro of its own
// that nothing reads (glm's setup.hpp does so with GLM_HAS_OPENMP).
#pragma once
#ifdef _OPENMP
#	if OMPLIB_VERSION >= 2
#		define OMPLIB_HAS_OPENMP 45
#	else
#		define OMPLIB_HAS_OPENMP 0
#	endif
#	define OMPLIB_ONLY_UNDER_OPENMP 1 // a comment after a definition
#else
#	define OMPLIB_HAS_OPENMP 0
#endif
inline double omplib_square(double x) { return x * x; }
