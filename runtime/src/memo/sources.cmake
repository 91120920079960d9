# Sources of the memoization part of purecc_rt (paths relative to runtime/).
list(APPEND PURECC_RT_SOURCES
  src/memo/cache_admin.cpp
  src/memo/disk_store.cpp
  src/memo/disk_writer.cpp
  src/memo/memo.cpp
  src/memo/memo_cache.cpp
  src/memo/memo_config.cpp
  src/memo/memo_fenv.cpp
  src/memo/memo_key.cpp
  src/memo/memo_link.cpp
  src/memo/memo_stats.cpp
  src/memo/redis_address.cpp
  src/memo/shared_admin.cpp
  src/memo/shared_secret.cpp
  src/memo/shared_store.cpp
  src/memo/shared_writer.cpp
  src/memo/sqlite_db.cpp)
