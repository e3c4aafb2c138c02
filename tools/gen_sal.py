#!/usr/bin/env python3
"""tools/gen_sal.py — writes include/bcsim_shim/sal_families.h: the rest of the SAL 1, SAL 2
and driver (__drv_*, _Kernel_*, _IRQL_*) annotation names as no-op macros, generated from the
grammar the annotations follow (direction x buffer size x options), so a driver's annotation that
include/sal.h does not list by hand still compiles. Every name is guarded (#ifndef): sal.h's
own definitions and a driver's come first. Function-like names take any arguments (...).
Run it after changing the tables; the output is committed.
"""
import itertools, os

obj, fn = set(), set()

# ---- SAL 2: parameters ------------------------------------------------------------------------
for d in ("In", "Out", "Inout", "Outptr", "Outref", "Ret", "Deref_out", "Deref_in", "Deref_inout",
          "Deref_opt_out", "Deref_opt_out_opt", "Deref_out_opt", "Deref_ret", "Deref_pre", "Deref_post",
          "Deref_prepost", "Pre", "Post", "Prepost"):
    for o in ("", "_opt"):
        for z in ("", "_z", "_nz"):
            obj.add("_%s%s%s_" % (d, o, z))
for base in ("_In_reads", "_Out_writes", "_Inout_updates", "_Ret_writes", "_Deref_in_reads",
             "_Deref_out_writes", "_Deref_inout_updates", "_Outref_result_buffer", "_Outref_result_bytebuffer"):
    for b in ("", "_bytes"):
        for k in ("", "_to", "_all", "_to_ptr", "_or_z"):
            for o in ("", "_opt"):
                for z in ("", "_z", "_nz"):
                    for mn in ("", "_maybenull"):
                        fn.add("%s%s%s%s%s%s_" % (base, b, k, mn, o, z))
for p in ("_Outptr", "_Outptr_opt"):
    for r in ("result_buffer", "result_bytebuffer"):
        for k in ("", "_to", "_all"):
            for mn in ("", "_maybenull"):
                fn.add("%s_%s%s%s_" % (p, r, k, mn))
    for r in ("result_maybenull", "result_z", "result_maybenull_z", "result_nullonfailure",
              "result_zeroonfailure", "result_maybenull_nullonfailure"):
        obj.add("%s_%s_" % (p, r))
for c in ("_COM_Outptr_", "_COM_Outptr_opt_", "_COM_Outptr_result_maybenull_",
          "_COM_Outptr_opt_result_maybenull_", "_Outref_result_maybenull_", "_Outref_result_nullonfailure_",
          "_Result_nullonfailure_", "_Result_zeroonfailure_", "_Ret_notnull_", "_Ret_maybenull_", "_Ret_null_",
          "_Ret_valid_", "_Ret_z_", "_Ret_maybenull_z_", "_Pre_notnull_", "_Pre_maybenull_", "_Pre_null_",
          "_Post_notnull_", "_Post_maybenull_", "_Post_null_", "_Pre_valid_", "_Post_valid_", "_Pre_invalid_",
          "_Post_invalid_", "_Post_ptr_invalid_", "_Pre_unknown_", "_Pre_opt_valid_", "_Prepost_valid_",
          "_Prepost_opt_valid_", "_Pre_defensive_", "_Post_defensive_", "_In_defensive_", "_Out_defensive_",
          "_Inout_defensive_", "_Notnull_", "_Maybenull_", "_Null_", "_Valid_", "_Notvalid_", "_Maybevalid_",
          "_Readonly_", "_Const_", "_Literal_", "_Notliteral_", "_Points_to_data_", "_Strict_type_match_",
          "_Null_terminated_", "_NullNull_terminated_", "_Reserved_", "_Pre_z_", "_Post_z_", "_Prepost_z_",
          "_Check_return_", "_Must_inspect_result_", "_Use_decl_annotations_", "_Analysis_noreturn_",
          "_Printf_format_string_", "_Scanf_format_string_", "_Scanf_s_format_string_", "_Format_string_impl_",
          "_Callback_", "_Frees_ptr_", "_Frees_ptr_opt_", "_Unchanged_", "_Interlocked_operand_",
          "_Enum_is_bitflag_", "_Strict_type_match_", "_Notref_", "_Field_z_", "_Struct_size_bytes_",
          "_Post_satisfies_", "_Benign_race_begin_", "_Benign_race_end_", "_No_competing_thread_begin_",
          "_No_competing_thread_end_", "_Requires_no_locks_held_", "_Function_ignore_lock_checking_",
          "_Post_same_lock_", "_Analysis_suppress_lock_checking_", "_Pre_cap_", "_Post_cap_",
          "_Out_z_", "_Inout_z_", "_Deref_pre_readonly_", "_Deref_post_readonly_", "_Deref_out_z_",
          "_Deref_post_opt_z_", "_Deref_post_null_", "_Deref_post_notnull_", "_Deref_post_maybenull_",
          "_Deref_pre_null_", "_Deref_pre_notnull_", "_Deref_pre_maybenull_", "_Deref_pre_valid_",
          "_Deref_post_valid_", "_Deref_pre_invalid_", "_Deref_post_invalid_", "_Deref2_pre_readonly_",
          "_Pre_opt_z_", "_Post_opt_z_", "_In_opt_z_", "_In_z_", "_Out_opt_z_", "_Inout_opt_z_"):
    obj.add(c)
for f in ("_In_range_", "_Out_range_", "_Ret_range_", "_Deref_in_range_", "_Deref_out_range_",
          "_Deref_inout_range_", "_Deref_ret_range_", "_Field_range_", "_Pre_equal_to_", "_Post_equal_to_",
          "_Satisfies_", "_Pre_satisfies_", "_Post_satisfies_", "_When_", "_At_", "_At_buffer_", "_Group_",
          "_On_failure_", "_Always_", "_Success_", "_Return_type_success_", "_Analysis_assume_",
          "_Analysis_assume_nullterminated_", "_Analysis_mode_", "_Analysis_assume_lock_held_",
          "_Analysis_assume_lock_not_held_", "_Analysis_assume_lock_acquired_", "_Analysis_assume_lock_released_",
          "_Analysis_assume_same_lock_", "_Analysis_assume_smart_lock_acquired_",
          "_Analysis_assume_smart_lock_released_", "_Function_class_", "_Dispatch_type_", "_Inexpressible_",
          "_Readable_bytes_", "_Writable_bytes_", "_Readable_elements_", "_Writable_elements_",
          "_Pre_readable_size_", "_Pre_writable_size_", "_Pre_readable_byte_size_", "_Pre_writable_byte_size_",
          "_Post_readable_size_", "_Post_writable_size_", "_Post_readable_byte_size_", "_Post_writable_byte_size_",
          "_Post_count_", "_Post_bytecount_", "_Pre_count_", "_Pre_bytecount_", "_Prepost_count_",
          "_Prepost_bytecount_", "_Field_size_", "_Field_size_opt_", "_Field_size_bytes_", "_Field_size_bytes_opt_",
          "_Field_size_part_", "_Field_size_part_opt_", "_Field_size_bytes_part_", "_Field_size_bytes_part_opt_",
          "_Field_size_full_", "_Field_size_full_opt_", "_Field_size_bytes_full_", "_Field_size_bytes_full_opt_",
          "_Struct_size_bytes_", "_Param_", "_Curr_", "_Old_", "_Nullterm_length_", "_String_length_",
          "_Printf_format_string_params_", "_Scanf_format_string_params_", "_Scanf_s_format_string_params_",
          "_Ret_reallocated_bytes_", "_In_NLS_string_", "_Guarded_by_", "_Write_guarded_by_", "_Interlocked_",
          "_Acquires_lock_", "_Releases_lock_", "_Requires_lock_held_", "_Requires_lock_not_held_",
          "_Acquires_exclusive_lock_", "_Releases_exclusive_lock_", "_Acquires_shared_lock_",
          "_Releases_shared_lock_", "_Requires_exclusive_lock_held_", "_Requires_shared_lock_held_",
          "_Acquires_nonreentrant_lock_", "_Releases_nonreentrant_lock_", "_Create_lock_level_",
          "_Has_lock_kind_", "_Has_lock_level_", "_Lock_level_order_", "_Post_same_lock_", "_Internal_lock_",
          "_Deref_pre_readable_size_", "_Deref_post_readable_size_", "_Deref_pre_writable_size_",
          "_Deref_post_writable_size_", "_Deref_pre_bytecap_", "_Deref_pre_cap_", "_Deref_post_cap_",
          "_Deref_post_bytecap_", "_Deref_pre_count_", "_Deref_post_count_", "_Deref_pre_bytecount_",
          "_Deref_post_bytecount_", "_Pre_bytecap_", "_Post_bytecap_", "_In_count_", "_In_bytecount_",
          "_Out_cap_", "_Out_bytecap_", "_Inout_cap_", "_Inout_bytecap_", "_Out_cap_opt_", "_Out_bytecap_opt_",
          "_In_opt_count_", "_In_opt_bytecount_", "_In_count_c_", "_Out_cap_c_", "_Ret_cap_", "_Ret_bytecap_",
          "_Ret_count_", "_Ret_bytecount_", "_Deref_out_z_cap_", "_Out_z_cap_", "_Out_z_bytecap_",
          "_Inout_z_cap_", "_Inout_z_bytecap_", "_Out_capcount_", "_Out_bytecapcount_", "_Inout_opt_count_",
          "_Ret_opt_count_", "_Ret_opt_bytecount_", "_Ret_opt_cap_", "_Ret_opt_bytecap_",
          "_Out_writes_bytes_to_opt_"):
    fn.add(f)

# ---- driver annotations (driverspecs.h) ---------------------------------------------------------
for c in ("_IRQL_requires_same_", "_IRQL_saves_", "_IRQL_restores_", "_IRQL_is_cancel_", "_IRQL_uses_cancel_",
          "_IRQL_inout_", "_Kernel_float_saved_", "_Kernel_float_restored_", "_Kernel_float_used_",
          "_Kernel_IoGetDmaAdapter_", "_Kernel_clear_do_init_", "_Kernel_requires_resource_held_",
          "_Kernel_requires_resource_not_held_", "_Kernel_acquires_resource_", "_Kernel_releases_resource_",
          "_Kernel_ResourceAcquire_", "_Kernel_ResourceRelease_"):
    obj.add(c)
for c in ("_Kernel_clear_do_init_", "_Kernel_requires_resource_held_", "_Kernel_requires_resource_not_held_",
          "_Kernel_acquires_resource_", "_Kernel_releases_resource_"):
    obj.discard(c)
    fn.add(c)
for f in ("_IRQL_requires_", "_IRQL_requires_max_", "_IRQL_requires_min_", "_IRQL_raises_", "_IRQL_saves_global_",
          "_IRQL_restores_global_", "_IRQL_always_function_max_", "_IRQL_always_function_min_",
          "_IRQL_limited_to_", "_Kernel_acquires_resource_", "_Kernel_releases_resource_"):
    fn.add(f)

# ---- SAL 1 (specstrings.h) ----------------------------------------------------------------------
dirs = ["in", "out", "inout", "deref_in", "deref_out", "deref_inout", "deref_opt_in", "deref_opt_out",
        "deref_opt_inout", "deref_in_opt", "deref_out_opt", "deref_inout_opt", "deref_opt_in_opt",
        "deref_opt_out_opt", "deref_opt_inout_opt", "deref", "pre", "post"]
sizes = ["ecount", "bcount", "xcount", "ecount_part", "bcount_part", "xcount_part", "ecount_full",
         "bcount_full", "xcount_full"]
for d in dirs:
    for z in ("", "_z", "_nz"):
        for o in ("", "_opt"):
            obj.add("__%s%s%s" % (d, z, o))
            obj.add("__%s%s%s" % (d, o, z))
    for s in sizes:
        for z in ("", "_z", "_nz"):
            for o in ("", "_opt"):
                fn.add("__%s_%s%s%s" % (d, s, z, o))
                fn.add("__%s_%s%s%s" % (d, s, o, z))
for f in ("field", "struct", "out_has_type_adt_props", "post_invalid", "readableTo", "writableTo",
          "elem_readableTo", "elem_writableTo", "byte_readableTo", "byte_writableTo"):
    pass
for s in sizes:
    for o in ("", "_opt"):
        fn.add("__field_%s%s" % (s, o))
    fn.add("__struct_%s" % s)
for c in ("__checkReturn", "__callback", "__override", "__nullterminated", "__nullnullterminated",
          "__reserved", "__notnull", "__maybenull", "__valid", "__notvalid", "__maybevalid",
          "__readonly", "__refparam", "__exceptthat", "__format_string", "__analysis_noreturn",
          "__kernel_entry", "__rpc_entry", "__gdi_entry", "__fallthrough", "__possibly_notnullterminated",
          "__post_invalid", "__out_has_type_adt_props", "__field_nullterminated", "__data_entrypoint_not_used",
          "__nothrow", "__bound", "__out_awcount"):
    obj.add(c)
for f in ("__success", "__typefix", "__range", "__in_range", "__out_range", "__deref_in_range",
          "__deref_out_range", "__deref_inout_range", "__field_range", "__analysis_assume", "__analysis_assert",
          "__control_entrypoint", "__data_entrypoint", "__blocksOn", "__declspec_uuid", "__elem_readableTo",
          "__elem_writableTo", "__byte_readableTo", "__byte_writableTo", "__readableTo", "__writableTo",
          "__inner_control_entrypoint", "__inner_data_entrypoint", "__in_xcount", "__format_string_impl",
          "__field_xcount"):
    fn.add(f)
for c in ("__drv_aliasesMem", "__drv_acquiresCancelSpinLock", "__drv_releasesCancelSpinLock",
          "__drv_mustHoldCancelSpinLock", "__drv_neverHoldCancelSpinLock", "__drv_acquiresCriticalRegion",
          "__drv_releasesCriticalRegion", "__drv_mustHoldCriticalRegion", "__drv_neverHoldCriticalRegion",
          "__drv_clearDoInitFlag", "__drv_constant", "__drv_nonConstant", "__drv_floatUsed", "__drv_floatSaved",
          "__drv_floatRestored", "__drv_inTry", "__drv_notInTry", "__drv_isCancelIRQL", "__drv_isObjectPointer",
          "__drv_notPointer", "__drv_sameIRQL", "__drv_savesIRQL", "__drv_restoresIRQL", "__drv_useCancelIRQL",
          "__drv_setsCancelIRQL", "__drv_typeConst", "__drv_typeCond", "__drv_typeBitset", "__drv_typeExpr",
          "__drv_dispatchType_other", "__drv_interlocked", "__drv_acquiresExclusiveResourceGlobal",
          "__drv_releasesExclusiveResourceGlobal", "__drv_acquiresPriorityExclusiveResource",
          "__drv_IoGetDmaAdapter", "__drv_KMDF", "__drv_nonConstant", "__drv_valueIs", "__drv_Mode_impl"):
    obj.add(c)
for c in ("__drv_acquiresExclusiveResourceGlobal", "__drv_releasesExclusiveResourceGlobal",
          "__drv_acquiresPriorityExclusiveResource", "__drv_valueIs", "__drv_Mode_impl", "__drv_KMDF"):
    obj.discard(c)
    fn.add(c)
for f in ("__drv_when", "__drv_maxIRQL", "__drv_minIRQL", "__drv_setsIRQL", "__drv_raisesIRQL",
          "__drv_requiresIRQL", "__drv_savesIRQLGlobal", "__drv_restoresIRQLGlobal", "__drv_maxFunctionIRQL",
          "__drv_minFunctionIRQL", "__drv_functionClass", "__drv_dispatchType", "__drv_completionType",
          "__drv_callbackType", "__drv_strictType", "__drv_strictTypeMatch", "__drv_preferredFunction",
          "__drv_reportError", "__drv_arg", "__drv_at", "__drv_in", "__drv_out", "__drv_in_deref",
          "__drv_out_deref", "__drv_deref", "__drv_fun", "__drv_ret", "__drv_formatString", "__drv_allocatesMem",
          "__drv_freesMem", "__drv_acquiresResource", "__drv_releasesResource", "__drv_acquiresResourceGlobal",
          "__drv_releasesResourceGlobal", "__drv_mustHold", "__drv_neverHold", "__drv_mustHoldGlobal",
          "__drv_neverHoldGlobal", "__drv_innerMustHold", "__drv_innerNeverHold", "__drv_innerMustHoldGlobal",
          "__drv_innerNeverHoldGlobal", "__drv_acquiresExclusiveResource", "__drv_releasesExclusiveResource",
          "__drv_defined", "__drv_unit", "__drv_inner", "__drv_declspec", "__drv_nop", "__drv_out_deref"):
    fn.add(f)

obj -= fn
# __null is g++'s NULL (stddef.h): never a macro.
obj.discard("__null")
lines = ["/*", " * bcsim shim: the SAL annotation families as no-ops, generated by tools/gen_sal.py: do not edit.",
         " * Included by sal.h after its hand-written definitions; every name guarded (#ifndef).", " */",
         "#ifndef BCSIM_SHIM_SAL_FAMILIES_H", "#define BCSIM_SHIM_SAL_FAMILIES_H", ""]
for n in sorted(obj):
    lines += ["#ifndef %s" % n, "#define %s" % n, "#endif"]
for n in sorted(fn):
    lines += ["#ifndef %s" % n, "#define %s(...)" % n, "#endif"]
lines += ["", "#endif /* BCSIM_SHIM_SAL_FAMILIES_H */", ""]
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "include", "bcsim_shim", "sal_families.h"), "w") as f:
    f.write("\n".join(lines))
print("sal_families.h: %d object-like, %d function-like" % (len(obj), len(fn)))
