/// A failed HDF5 read or write, naming the file, the failing call and the reason.
///
/// `call` is the HDF5 function (`H5Dcreate2`), the POSIX one (`write`, `rename`), `verify` (the
/// re-open check), `interrupted` (a stop was requested), or `nil` when the
/// document itself cannot be written (a series whose length differs from the time axis, a
/// duplicate name). `reason` carries HDF5's own error-stack messages when it has them, e.g.
/// `H5Fopen failed for 'Output/a.h5' (file): unable to open file: … errno = 2, error
/// message = 'No such file or directory'`.
public struct HDF5Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file being written or read.
    public var path: String
    /// The failing function, or `nil` for an invalid document.
    public var call: String?
    /// What failed and why.
    public var reason: String

    public init(path: String, call: String?, reason: String) {
        self.path = path
        self.call = call
        self.reason = reason
    }

    public var description: String {
        if let call {
            return "\(call) failed for '\(path)': \(reason)"
        }
        return "cannot write '\(path)': \(reason)"
    }
}
