// purecc/purecc.h — the umbrella header of the purecc runtime.
// Rewritten programs include only this; hand-written code may include the
// individual headers it needs.
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include "purecc/version.h"
#include "purecc/serialize.h"
#include "purecc/memo_key.h"
#include "purecc/memo_fenv.h"
#include "purecc/memo_site.h"
#include "purecc/memo_link.h"
#include "purecc/memo_config.h"
#include "purecc/memo_stats.h"
#include "purecc/memo_cache.h"
#include "purecc/disk_store.h"
#include "purecc/memo.h"
#include "purecc/cache_admin.h"
#include "purecc/offer_board.h"
#include "purecc/branch_fenv.h"
#include "purecc/scheduler.h"
#include "purecc/wait_graph.h"
#include "purecc/worker_stack.h"
#include "purecc/invoke.h"
#include "purecc/progress.h"
#include "purecc/range_tree.h"
#include "purecc/trip_count.h"
#include "purecc/additive_identity.h"
#include "purecc/wrapping.h"
#include "purecc/reduce.h"
#include "purecc/append.h"
#include "purecc/selection.h"
#include "purecc/parallel_for.h"
#include "purecc/keyed_selection.h"
#include "purecc/task_registry.h"
#include "purecc/remote_error.h"
#include "purecc/cluster.h"
#include "purecc/distributed.h"
#include "purecc/task_site.h"
