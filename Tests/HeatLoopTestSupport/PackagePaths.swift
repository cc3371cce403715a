import Foundation

/// Paths of the package's own files and of `shared/` beside it, found from this source file
/// (`Tests/HeatLoopTestSupport/PackagePaths.swift`). CI places `shared/` beside the clone, as a
/// developer's checkout has it, so no absolute path is needed anywhere.
public enum PackagePaths {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `shared/` beside the package root.
    public static let shared = (URL(fileURLWithPath: root).appendingPathComponent("../shared").standardizedFileURL.path)

    public static func site(_ name: String) -> String { "\(root)/Sites/\(name).yaml" }
    public static func weather(_ file: String) -> String { "\(root)/Weather/\(file)" }
    /// A table of `shared/reference/`.
    public static func reference(_ name: String) -> String { "\(shared)/reference/\(name)" }

    /// Folders of `Sites/` holding example sites besides `Sites/` itself.
    public static let exampleSiteFolders = ["energyplus"]

    /// The names (without `.yaml`, with their folder: `energyplus/crac-pumped-dx`) of every example site in
    /// `Sites/` and its `exampleSiteFolders`.
    public static var exampleSites: [String] {
        (["."] + exampleSiteFolders).flatMap { folder in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/Sites/\(folder)")) ?? []
            return names.filter { $0.hasSuffix(".yaml") && !$0.contains("-variant-") }
                .map { folder == "." ? String($0.dropLast(5)) : "\(folder)/\($0.dropLast(5))" }
        }.sorted()
    }

    public static let climates = [
        "chicago": "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw",
        "san_francisco": "USA_CA_San.Francisco.Intl.AP.724940_TMY3.epw",
        "tampa": "USA_FL_Tampa.Intl.AP.722110_TMY3.epw",
        "tucson": "USA_AZ_Davis-Monthan.AFB.722745_TMY3.epw",
    ]
}
