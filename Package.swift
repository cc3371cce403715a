// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "HeatLoop",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "HeatLoop", targets: ["HeatLoop"]),
        .library(name: "HeatLoopFiles", targets: ["HeatLoopFiles"]),
        .library(name: "HeatLoopHDF5", targets: ["HeatLoopHDF5"]),
        .library(name: "HeatLoopReport", targets: ["HeatLoopReport"]),
        .executable(name: "heatloop", targets: ["heatloop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Pure core: physics, the step loop, results as columns. No I/O, no C libraries.
        .target(name: "HeatLoop"),
        // Publishing output files atomically (one recipe for every output) and the stop request signals
        // raise, which writers check. Foundation only.
        .target(name: "HeatLoopOutput"),
        // Site files (YAML), weather files (EPW): text in, validated models out.
        .target(name: "HeatLoopFiles", dependencies: ["HeatLoop", "HeatLoopOutput", .product(name: "Yams", package: "Yams")]),
        // libhdf5 from the system (Debian: libhdf5-dev).
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5-serial", providers: [.apt(["libhdf5-dev"])]),
        // The only target that links libhdf5.
        .target(name: "HeatLoopHDF5", dependencies: ["HeatLoop", "HeatLoopOutput", "CHDF5"]),
        // Reports: a small SVG chart layer and the HTML / terminal summaries of results. Pure Swift, no I/O.
        .target(name: "HeatLoopReport", dependencies: ["HeatLoop"]),
        .executableTarget(
            name: "heatloop",
            dependencies: [
                "HeatLoop", "HeatLoopFiles", "HeatLoopHDF5", "HeatLoopOutput", "HeatLoopReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Shared by the test targets, not API: package paths, the reference-table loader, approximate
        // comparison, the energy-balance checkers, golden summaries, running the CLI.
        .target(
            name: "HeatLoopTestSupport", dependencies: ["HeatLoop", "HeatLoopFiles"], path: "Tests/HeatLoopTestSupport"),
        .testTarget(
            name: "HeatLoopUnitTests",
            dependencies: ["HeatLoop", "HeatLoopFiles", "HeatLoopReport", "HeatLoopTestSupport",
                           .product(name: "Yams", package: "Yams")]),
        .testTarget(
            name: "HeatLoopValidationTests", dependencies: ["HeatLoop", "HeatLoopFiles", "HeatLoopTestSupport"]),
        .testTarget(
            name: "HeatLoopEndToEndTests",
            dependencies: ["HeatLoop", "HeatLoopFiles", "HeatLoopHDF5", "HeatLoopOutput", "HeatLoopReport", "HeatLoopTestSupport",
                           "heatloop"]),
    ]
)
