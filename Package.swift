// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "newsdesk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "newsdesk", targets: ["Server"]),
        // The model alone, for Benchmarks/ (a package of its own that depends on this one by path).
        .library(name: "NewsdeskModel", targets: ["Model"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Default trait only (JSON): the file and environment providers, without the reloading,
        // YAML and command-line traits that would build swift-service-lifecycle, swift-metrics and Yams.
        .package(url: "https://github.com/apple/swift-configuration", exact: "1.4.0"),
        // SHA-256 for comparing API keys in constant time.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CEvent",
            pkgConfig: "libevent",
            providers: [.apt(["libevent-dev"]), .brew(["libevent"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "Model"),
        .executableTarget(
            name: "Server",
            dependencies: [
                "CEvent",
                "CZlib",
                "Model",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("openapi.json")]
        ),
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "Model"]),
    ],
    swiftLanguageModes: [.v6]
)
