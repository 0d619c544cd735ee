// swift-tools-version:6.1
// Benchmarks of the extraction pipeline and the index build (issue 10): instructions and mallocs on a fixed sample.
// A package of its own, so the root package (and CI's build) does not depend on package-benchmark.
// Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "NewsdeskBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "newsdesk", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ExtractionBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NewsdeskModel", package: "newsdesk"),
            ],
            path: "Benchmarks/ExtractionBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
