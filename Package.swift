// swift-tools-version: 6.0
import PackageDescription

/// The store's tables are generic over the object type and the simulator calls them from another module: without
/// cross-module optimization every call runs unspecialized and copies whole objects through protocol witnesses.
/// Objects keep their fields in copy-on-write boxes; release builds skip the run-time exclusivity checks on them.
let crossModule: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization", "-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries (see PLATFORM notes in README): ncursesw for the terminal, libyaml for manifests.
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),

        // Object types, selectors, validation. Foundation only.
        .target(name: "KubeModel", swiftSettings: crossModule),
        // YAML/JSON manifests -> objects, with file:line:column errors.
        .target(name: "Manifests", dependencies: ["KubeModel", "CYAML"]),
        // Versioned store, snapshots, change log, indexes.
        .target(name: "ClusterStore", dependencies: ["KubeModel"], swiftSettings: crossModule),
        // Virtual clock, seeded RNG, controllers, actions, traffic.
        .target(name: "Simulation", dependencies: ["ClusterStore", "Manifests"], swiftSettings: crossModule),
        // Recording files (writer, reader), replay with seeking, verification by re-simulation.
        .target(name: "Recording", dependencies: ["KubeModel", "ClusterStore", "Simulation"]),
        // kubectl-compatible output: tables, -o json/yaml/name.
        .target(name: "Kubectl", dependencies: ["ClusterStore"]),
        // The bundled demo cluster, embedded so the binary works from any directory.
        .target(name: "DemoCluster"),
        // Frames, views, keymap, themes, terminal backends (ncurses and headless text).
        .target(name: "Dashboard", dependencies: ["KubeModel", "ClusterStore", "Simulation", "Manifests", "Kubectl", "CNcursesw"]),
        // The executable: argument parsing and wiring only.
        .executableTarget(name: "switchboard", dependencies: [
            "KubeModel", "Manifests", "ClusterStore", "Simulation", "Kubectl", "DemoCluster", "Dashboard",
            "Recording", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "KubeModelTests", dependencies: ["KubeModel"]),
        .testTarget(name: "ManifestsTests", dependencies: ["Manifests", "DemoCluster"]),
        .testTarget(name: "ClusterStoreTests", dependencies: ["ClusterStore", "Manifests"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Manifests", "DemoCluster"]),
        .testTarget(name: "KubectlTests", dependencies: ["Kubectl", "Simulation", "Manifests"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "Simulation", "Manifests", "DemoCluster"],
                    exclude: ["Golden"]),
        .testTarget(name: "RecordingTests", dependencies: ["Recording", "Simulation", "Manifests", "DemoCluster"]),
        .testTarget(name: "CLITests", dependencies: ["DemoCluster"]),
    ],
    swiftLanguageModes: [.v6]
)
