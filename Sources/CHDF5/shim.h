// HDF5 for Swift: the C API plus static inline wrappers for what Swift cannot import.
//
// Why wrappers: HDF5's predefined type and property-class ids (H5T_NATIVE_*, H5T_C_S1, H5P_*) are
// macros that expand to `(H5open(), H5T_NATIVE_FLOAT_g)`; Swift imports neither the macro nor, under
// Swift 6 strict concurrency, the mutable `_g` globals. The access flags (H5F_ACC_*) hide an H5open()
// call too, and H5P_DEFAULT / H5S_ALL / H5E_DEFAULT / H5T_VARIABLE are casts Swift does not import
// with the right type (`hid_t` = int64_t, `size_t`). Each wrapper returns exactly what the macro does.
// zlib is included for the writer's own chunk compression (the same `compress2` HDF5's deflate
// filter calls), which runs on all cores before the single-threaded HDF5 write.
#ifndef HEATLOOP_CHDF5_SHIM_H
#define HEATLOOP_CHDF5_SHIM_H

#include <hdf5.h>
#include <hdf5_hl.h>
#include <zlib.h>

// MARK: Default ids and sentinels

/// `H5P_DEFAULT` as an `hid_t` (the macro imports as Int32).
static inline hid_t chdf5_p_default(void) { return (hid_t)H5P_DEFAULT; }
/// `H5S_ALL`: select the whole dataspace.
static inline hid_t chdf5_s_all(void) { return (hid_t)H5S_ALL; }
/// `H5E_DEFAULT`: the calling thread's default error stack.
static inline hid_t chdf5_e_default(void) { return (hid_t)H5E_DEFAULT; }
/// `H5T_VARIABLE`: size of a variable-length string type.
static inline size_t chdf5_t_variable(void) { return H5T_VARIABLE; }
/// `H5S_UNLIMITED`: an extendible dimension's maximum size.
static inline hsize_t chdf5_s_unlimited(void) { return H5S_UNLIMITED; }

// MARK: File access flags

static inline unsigned chdf5_f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned chdf5_f_acc_rdwr(void) { return H5F_ACC_RDWR; }
static inline unsigned chdf5_f_acc_trunc(void) { return H5F_ACC_TRUNC; }
static inline unsigned chdf5_f_acc_excl(void) { return H5F_ACC_EXCL; }

// MARK: Property list classes

static inline hid_t chdf5_p_file_create(void) { return H5P_FILE_CREATE; }
static inline hid_t chdf5_p_file_access(void) { return H5P_FILE_ACCESS; }
static inline hid_t chdf5_p_group_create(void) { return H5P_GROUP_CREATE; }
static inline hid_t chdf5_p_dataset_create(void) { return H5P_DATASET_CREATE; }
static inline hid_t chdf5_p_dataset_xfer(void) { return H5P_DATASET_XFER; }
static inline hid_t chdf5_p_attribute_create(void) { return H5P_ATTRIBUTE_CREATE; }
static inline hid_t chdf5_p_link_create(void) { return H5P_LINK_CREATE; }

// MARK: Memory (native) types

static inline hid_t chdf5_t_native_int8(void) { return H5T_NATIVE_INT8; }
static inline hid_t chdf5_t_native_int32(void) { return H5T_NATIVE_INT32; }
static inline hid_t chdf5_t_native_int64(void) { return H5T_NATIVE_INT64; }
static inline hid_t chdf5_t_native_float(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t chdf5_t_native_double(void) { return H5T_NATIVE_DOUBLE; }

// MARK: File (standard, little-endian) types

static inline hid_t chdf5_t_std_i8le(void) { return H5T_STD_I8LE; }
static inline hid_t chdf5_t_std_i32le(void) { return H5T_STD_I32LE; }
static inline hid_t chdf5_t_std_i64le(void) { return H5T_STD_I64LE; }
static inline hid_t chdf5_t_ieee_f32le(void) { return H5T_IEEE_F32LE; }
static inline hid_t chdf5_t_ieee_f64le(void) { return H5T_IEEE_F64LE; }
/// `H5T_C_S1`: the C string base type (copy it, then set size and character set).
static inline hid_t chdf5_t_c_s1(void) { return H5T_C_S1; }
/// `H5T_STD_REF_OBJ`: object references (dimension-scale lists are made of these).
static inline hid_t chdf5_t_std_ref_obj(void) { return H5T_STD_REF_OBJ; }

#endif
