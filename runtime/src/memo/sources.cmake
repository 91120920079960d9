# Sources of the memoization part of purecc_rt (paths relative to runtime/).
list(APPEND PURECC_RT_SOURCES)
