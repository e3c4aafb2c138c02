# gdb/bcsim/install.py -- bcsim's gdb extension, part: stops inside callbacks, and installing everything.
# The parts run in order in one namespace (gdb/bcsim_gdb.py; embedded by src/base/gdb_scripts.S).

import gdb

# ---- stops ------------------------------------------------------------------------------

def _bcsim_on_stop(event):
    """A signal inside a callback: say which callback it was (containment is off under gdb,
    so this is where bcsim would otherwise have contained the fault)."""
    if not isinstance(event, gdb.SignalEvent):
        return
    m = _bcsim_global("bcsim__m")
    if m is None:
        return
    try:
        cur = _bcsim_s32(int(m["current_call"]))
        run = _bcsim_global("bcsim__run")
        if cur < 0 or run is None or not int(run["active"]):
            return
        calls = _bcsim_vec(run["calls"])
        if cur >= len(calls):
            return
        c = calls[cur]
        gdb.write("bcsim: %s in callback #%d %s %s (component %s); bcsim's containment is off "
                  "under gdb\n" % (event.stop_signal, cur,
                                   _bcsim_reason_name(_bcsim_s32(int(c["reason"]))),
                                   _bcsim_value_cstr(c["routine"], 128) or "?",
                                   _bcsim_value_cstr(c["component"], 64) or "?"))
    except (gdb.error, RuntimeError):
        return


def _bcsim_install():
    BcsimCommand()
    BcsimRecordsCommand()
    BcsimBugcheckCommand()
    BcsimCallsCommand()
    BcsimBreakCallbackCommand()
    BcsimViolationsCommand()
    BcsimPortsCommand()
    BcsimDumpioCommand()
    _bcsim_register_printers()
    if not getattr(gdb, "_bcsim_stop_connected", False):
        gdb.events.stop.connect(_bcsim_on_stop)
        gdb._bcsim_stop_connected = True


_bcsim_install()
