// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "jobtrack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jobtrack", targets: ["jobtrack"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "JobStore", dependencies: ["CSQLite"]),
        .target(name: "FollowUp"),
        .target(name: "JSONText"),
        .target(
            name: "JobtrackKit",
            dependencies: [
                "JobStore",
                "FollowUp",
                "JSONText",
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "JobtrackCLI",
            dependencies: [
                "JobtrackKit",
                "JobStore",
                "FollowUp",
                "JSONText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "jobtrack", dependencies: ["JobtrackCLI"]),
        // `make bench`: the byte parser against a typed `Decodable` import of an export.
        .executableTarget(name: "json-decode-bench", dependencies: ["JSONText"], path: "Benchmarks/JSONDecodeBench"),
        .testTarget(
            name: "JobStoreTests",
            dependencies: [
                "JobStore",
                "CSQLite",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "FollowUpTests",
            dependencies: [
                "FollowUp",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "JSONTextTests",
            dependencies: [
                "JSONText",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "JobtrackKitTests",
            dependencies: [
                "JobtrackKit",
                "JobStore",
                "FollowUp",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "JobtrackCLITests", dependencies: ["JobtrackCLI"]),
    ]
)
