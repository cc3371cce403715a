import Foundation
import HeatLoop
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an input path names, checked before it is opened: reading a FIFO blocks forever and a device
/// (`/dev/zero`) never ends, so only regular files (after following symbolic links) are read.
public enum InputFile {
    /// Why `path` cannot be read as an input file (`"is a folder"`, `"not found"`), or nil when it is a
    /// readable regular file.
    public static func problem(at path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == EACCES ? "cannot be opened (permission denied on a folder of its path)" : "not found"
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return "is a folder, not a file"
        case S_IFIFO: return "is a FIFO (named pipe), not a regular file"
        case S_IFCHR, S_IFBLK: return "is a device, not a regular file"
        case S_IFSOCK: return "is a socket, not a regular file"
        default: return "is not a regular file"
        }
        return access(path, R_OK) == 0 ? nil : "is not readable (check the file's permissions)"
    }

    /// The bytes of the regular file at `path`, at most `maximumBytes` long, or why not.
    static func contents(at path: String, maximumBytes: Int) -> Result<Data, Problem> {
        if let problem = problem(at: path) { return .failure(Problem(message: problem)) }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(Problem(message: "cannot be opened")) }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maximumBytes + 1) else { return .success(Data()) }
        guard data.count <= maximumBytes else {
            return .failure(Problem(message: "is larger than \(maximumBytes / 1_000_000) MB; an input file of this kind is far smaller"))
        }
        return .success(data)
    }

    struct Problem: Error { var message: String }
}
