import Foundation
import HeatLoop
import HeatLoopTestSupport
import Testing

/// Every example site in `Sites/`: its `/summary` equals the committed golden (`Tests/goldens/summary`,
/// re-recorded only by `make goldens`), and its energy balance closes at every step.
@Suite("Example sites")
struct ExampleSiteTests {
    static let sites = PackagePaths.exampleSites

    @Test("the examples are all there")
    func examplesFound() {
        #expect(Self.sites.count >= 8, "found \(Self.sites) in \(PackagePaths.root)/Sites")
    }

    @Test("summary equals the golden; energy balance closes", arguments: sites)
    func summaryAndBalance(site: String) throws {
        let document = try resultDocument(site: site)
        checkEnergyBalance(document, site: site)
        let summary = GoldenSummary(document)
        let path = GoldenSummary.path(site: site)
        if GoldenSummary.isRecording {
            try summary.write(to: path)
            return
        }
        let golden = try GoldenSummary(contentsOf: path)
        let differences = summary.differences(from: golden)
        #expect(differences.isEmpty, """
            \(site): /summary differs from \(path) (\(differences.count) figures; re-record with `make goldens` \
            only if the change is intended):
            \(differences.prefix(30).joined(separator: "\n"))
            """)
    }
}
