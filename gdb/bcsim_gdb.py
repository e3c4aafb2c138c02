# bcsim_gdb.py -- bcsim's gdb extension: commands and pretty-printers for debugging
# bug-check callbacks under bcsim (docs: README.md, "Debugging a callback").
#
# Loaded automatically for every program linked with libbcsim: the library carries this
# file in its .debug_gdb_scripts section (src/base/gdb_scripts.S). gdb runs it once the program
# is in an auto-load safe path:
#
#     gdb -iex 'add-auto-load-safe-path /path/to/build' --args build/sim/bcsim run ...
#
# or `source gdb/bcsim_gdb.py` by hand.
#
# The extension is a small package by concern, gdb/bcsim/ (common, lists, printers, commands,
# break_callback, install): the parts share one namespace and run in the order of PARTS.
# This file runs them from its own directory; the build joins them into one script for the
# .debug_gdb_scripts section (src/CMakeLists.txt), installed as share/bcsim/gdb/bcsim_gdb.py.
#
# Commands (`help bcsim`):
#   bcsim records          the callback lists: kind, reason, component, routine, state, checksum
#   bcsim bugcheck         code, parameters, phase, running callback, IRQL
#   bcsim calls            the callbacks invoked so far in this bug check
#   bcsim break-callback   stop in the next callback matching a component or reason
#   bcsim violations       the findings so far
#   bcsim ports            the port / register access log
#   bcsim dumpio           the DumpIo writes so far
#
# Pretty-printers (`info pretty-printer`): KBUGCHECK_CALLBACK_RECORD and
# KBUGCHECK_REASON_CALLBACK_RECORD (state and reason by name, checksum checked), every
# ReasonSpecificData structure, GUID, LIST_ENTRY (list heads expand into their records,
# links into records are named), KIRQL, UNICODE_STRING (16-bit WCHAR, surrogate pairs).
# bcsim's harness mirrors of those structures (bcsim__lrec_t, ...) print the same way.
#
# Rules: nothing here calls a function in the inferior, and every read of the inferior's
# memory tolerates garbage (lists are walked with the checks of src/dispatcher/walk.c: alignment,
# readability, Blink, a bound), so printing a corrupted list cannot crash or hang gdb.
#

PARTS = ("common.py", "lists.py", "printers.py", "commands.py", "break_callback.py", "install.py")

if "_bcsim_install" not in globals():          # not the joined script: run the parts
    import os as _bcsim_os
    _bcsim_dir = _bcsim_os.path.join(_bcsim_os.path.dirname(_bcsim_os.path.abspath(__file__)), "bcsim")
    for _bcsim_part in PARTS:
        _bcsim_path = _bcsim_os.path.join(_bcsim_dir, _bcsim_part)
        with open(_bcsim_path) as _bcsim_file:
            exec(compile(_bcsim_file.read(), _bcsim_path, "exec"), globals())
