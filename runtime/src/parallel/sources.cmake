# Sources of the parallel-execution part of purecc_rt (paths relative to runtime/).
list(APPEND PURECC_RT_SOURCES
  src/parallel/Scheduler.cpp
  src/parallel/WaitGraph.cpp
  src/parallel/Progress.cpp)
