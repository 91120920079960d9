#pragma once
// Compiled with -DSERIES_FLAG (in compile_commands.json): the unit only
// parses with its own flags.
#ifndef SERIES_FLAG
#error "SERIES_FLAG is not defined: the unit was checked without its flags"
#endif
