// swift-tools-version: 6.1
// HeatLoop benchmark suite: a separate package, so the benchmark dependency (and its malloc
// interposer) never reaches the main package. Run with `make bench` from the repository root, or
// `swift package --allow-writing-to-package-directory benchmark` here. See README.md.
import PackageDescription

let package = Package(
    name: "HeatLoopBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "HeatLoop", path: ".."),
        // Only the `MallocInterposer` trait: malloc counts without the default `RuntimeInterposer`
        // (ARC counters on Linux + Swift 6.3), which we do not measure.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "HeatLoopBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HeatLoop", package: "HeatLoop"),
                .product(name: "HeatLoopFiles", package: "HeatLoop"),
                .product(name: "HeatLoopHDF5", package: "HeatLoop"),
            ],
            path: "Benchmarks/HeatLoopBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ]
)
