# Sources of the distribution part of purecc_rt that need no MPI: the task
# registry, remote exceptions and the backend hook (paths relative to runtime/).
# The MPI backend itself is the separate library purecc_rt_mpi (src/distributed/mpi/).
list(APPEND PURECC_RT_SOURCES
  src/distributed/remote_error.cpp
  src/distributed/task_registry.cpp)
