# Sources of purecc_rt_mpi, the Open MPI backend (paths relative to runtime/).
set(PURECC_RT_MPI_SOURCES
  src/distributed/mpi/comm_wait.cpp
  src/distributed/mpi/launch.cpp
  src/distributed/mpi/mpi_backend.cpp
  src/distributed/mpi/node_plan.cpp
  src/distributed/mpi/scheduler.cpp
  src/distributed/mpi/wire.cpp
  src/distributed/mpi/worker.cpp)
