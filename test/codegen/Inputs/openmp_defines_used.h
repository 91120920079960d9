// A header whose OpenMP-dependent macro the code reads: the parallel build
// would run other code.
#pragma once
#ifdef _OPENMP
#	define OMPLIB_THREADS 8
#else
#	define OMPLIB_THREADS 1
#endif
inline int omplib_threads() { return OMPLIB_THREADS; }
