import Foundation
import HeatLoop
import HeatLoopHDF5
import HeatLoopOutput
import HeatLoopTestSupport
import Testing

/// `AtomicOutput`, the one recipe every output is published by, and the `Interruption` writers check.
@Suite struct AtomicOutputTests {
    @Test func publishesReplacesAndLeavesNoTemporaryFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/out.csv"
        try AtomicOutput.publish(Data("old".utf8), to: path)
        try AtomicOutput.publish(Data("new".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(files(in: folder) == ["out.csv"])
    }

    @Test func concurrentPublishersOfOnePathNeverShareATemporaryFile() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/shared.txt"
        let contents = (0..<4).map { String(repeating: "\($0)", count: 200_000) }
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            for text in contents {
                tasks.addTask { for _ in 0..<20 { try AtomicOutput.publish(Data(text.utf8), to: path) } }
            }
            try await tasks.waitForAll()
        }
        #expect(contents.contains(try String(contentsOfFile: path, encoding: .utf8)))
        #expect(files(in: folder) == ["shared.txt"])
    }

    @Test func aRefusedCheckKeepsTheOldFileAndRemovesTheTemporaryOne() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/out.txt"
        try AtomicOutput.publish(Data("old".utf8), to: path)
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try AtomicOutput.publish(Data("new".utf8), to: path, verify: { (_: String) throws(Refused) in throw Refused() },
                                     failure: { _ in Refused() })
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(files(in: folder) == ["out.txt"])
    }

    @Test("a stop requested while a file is written only sets the flag; the file is abandoned, not published")
    func aStopDuringTheWriteAbandonsTheFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/out.txt"
        let interruption = Interruption()
        var endNow: Bool?
        let error = try #require(throws: OutputFailure.self) {
            try AtomicOutput.publish(Data("new".utf8), to: path, interruption: interruption,
                                     verify: { (_: String) throws(OutputFailure) in endNow = interruption.request(SIGINT) },
                                     failure: { $0 })
        }
        #expect(endNow == false, "the handler must not end the process while a file is written")
        #expect(error.call == "interrupted")
        #expect(files(in: folder).isEmpty)
        #expect(interruption.request(SIGTERM), "nothing is written now: the process may end")
        #expect(interruption.signal == SIGINT, "the first signal decides the exit status")
    }

    @Test func noWriteBeginsAfterAStopRequest() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let interruption = Interruption()
        #expect(interruption.request(SIGTERM))
        let error = try #require(throws: HDF5Error.self) {
            var writer = HDF5ResultWriter(path: "\(folder)/run.h5", interruption: interruption)
            try writer.write(ResultDocument(attributes: [], time: TimeAxis(year: 2025, stepMinutes: 60, count: 0),
                                            groups: [], summary: [], summaryTables: []))
        }
        #expect(error.call == "interrupted")
        #expect(throws: OutputFailure.self) {
            try AtomicOutput.publish(Data("x".utf8), to: "\(folder)/out.txt", interruption: interruption)
        }
        #expect(files(in: folder).isEmpty)
    }
}
