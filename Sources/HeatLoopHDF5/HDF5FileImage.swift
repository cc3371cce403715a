import CHDF5
import Foundation
import HeatLoopOutput

/// HeatLoop's HDF5 files are built in memory and published as bytes by `AtomicOutput`, the recipe every
/// output follows (unique temporary name, write, sync, re-open check, rename).
///
/// Why in memory (HDF5's core driver, no backing store): libhdf5 then never writes to disk itself. A full
/// disk used to fail inside HDF5's own flush; the file could then not be closed and libhdf5 crashed at
/// process exit (SIGSEGV in `H5F__close_cb` from `H5_term_library`). Now a full disk is an ordinary
/// `write` error in `AtomicOutput`, reported with exit 1. The image is the size of the compressed file
/// (a 1-min year: ≈ 10–30 MB).
enum HDF5FileImage {
    /// How much the in-memory file grows at a time (bytes).
    static let increment = 4 << 20

    /// Creates an empty in-memory file named `calls.path` (the name only labels errors); with
    /// `trackingOrder`, the root group tracks link and attribute creation order like netCDF-4 files do.
    static func create(_ calls: HDF5Calls, trackingOrder: Bool) throws(HDF5Error) -> hid_t {
        let creation = try calls.id("H5Pcreate", "file creation properties", H5Pcreate(chdf5_p_file_create()))
        defer { H5Pclose(creation) }
        if trackingOrder {
            let order = UInt32(H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED)
            try calls.check("H5Pset_link_creation_order", "file", H5Pset_link_creation_order(creation, order))
            try calls.check("H5Pset_attr_creation_order", "file", H5Pset_attr_creation_order(creation, order))
        }
        let access = try calls.id("H5Pcreate", "file access properties", H5Pcreate(chdf5_p_file_access()))
        defer { H5Pclose(access) }
        // Closing the file closes anything still open (after an error).
        try calls.check("H5Pset_fclose_degree", "file", H5Pset_fclose_degree(access, H5F_CLOSE_STRONG))
        try calls.check("H5Pset_fapl_core", "file", H5Pset_fapl_core(access, increment, false))
        return try calls.id("H5Fcreate", "file", H5Fcreate(calls.path, chdf5_f_acc_trunc(), creation, access))
    }

    /// The bytes of the open in-memory `file`, flushed first (the file stays open; the caller closes it).
    static func bytes(of file: hid_t, calls: HDF5Calls) throws(HDF5Error) -> Data {
        try calls.check("H5Fflush", "file", H5Fflush(file, H5F_SCOPE_GLOBAL))
        let size = H5Fget_file_image(file, nil, 0)
        guard size > 0 else { throw calls.failure("H5Fget_file_image", "file") }
        var image = Data(count: size)
        let copied = image.withUnsafeMutableBytes { H5Fget_file_image(file, $0.baseAddress, size) }
        guard copied == size else { throw calls.failure("H5Fget_file_image", "file") }
        return image
    }

    /// Publishes `image` at `path` (`AtomicOutput.publish`); the re-open check opens the temporary file
    /// with libhdf5 and requires root `complete = 1` and every object in `required` (paths from the root).
    static func publish(_ image: Data, to path: String, required: [String],
                        interruption: Interruption?) throws(HDF5Error) {
        try AtomicOutput.publish(
            image, to: path, interruption: interruption,
            verify: { (temporary) throws(HDF5Error) in try verify(temporary, required: required) },
            failure: { HDF5Error(path: $0.path, call: $0.call, reason: $0.reason) })
    }

    /// The re-open check of a written file.
    static func verify(_ path: String, required: [String]) throws(HDF5Error) {
        let missing = try HDF5ResultReader.withFile(path) { (file, calls) throws(HDF5Error) -> [String] in
            var missing = required.filter { H5Lexists(file, $0, chdf5_p_default()) <= 0 }
            let complete = H5Aexists(file, "complete") > 0
                ? try HDF5ResultReader.readAttribute(named: "complete", of: file, object: "/", calls: calls) : nil
            if complete != .int(1) { missing.insert("root attribute complete = 1", at: 0) }
            return missing
        }
        guard missing.isEmpty else {
            throw HDF5Error(path: path, call: "verify",
                            reason: "the written file, re-opened, lacks " + missing.joined(separator: ", "))
        }
    }
}

extension HDF5Library {
    /// Runs `body` (HDF5 calls building a file image) under the lock, counted in `interruption` as an
    /// output being written: a signal meanwhile only sets the flag, which the writer checks between
    /// datasets, so libhdf5 is always left (and its file closed) on this thread, never exited under.
    static func writing<T>(_ path: String, interruption: Interruption?,
                           _ body: () throws(HDF5Error) -> T) throws(HDF5Error) -> T {
        do throws(OutputInterrupted) { try interruption?.beginWriting() } catch {
            throw HDF5Error(path: path, interrupted: error)
        }
        defer { interruption?.endWriting() }
        return try withLock(body)
    }
}

extension HDF5Calls {
    /// Throws when a stop was requested: checked between datasets.
    func checkInterruption(_ interruption: Interruption?) throws(HDF5Error) {
        if let signal = interruption?.signal {
            throw HDF5Error(path: path, interrupted: OutputInterrupted(signal: signal))
        }
    }
}

extension HDF5Error {
    /// A write abandoned because the process was asked to stop.
    public init(path: String, interrupted: OutputInterrupted) {
        self.init(path: path, call: "interrupted", reason: interrupted.description)
    }
}
