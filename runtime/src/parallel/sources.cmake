# Sources of the parallel-execution part of purecc_rt (paths relative to runtime/).
list(APPEND PURECC_RT_SOURCES
  src/parallel/offer_board.cpp
  src/parallel/scheduler.cpp
  src/parallel/wait_graph.cpp
  src/parallel/progress.cpp
  src/parallel/worker_stack.cpp)
