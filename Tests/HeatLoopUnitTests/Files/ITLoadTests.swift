import HeatLoop
import HeatLoopFiles
import HeatLoopTestSupport
import Testing

/// `it.load_mw`: a generic IT load given in MW, resolved to a cluster of the default node.
@Suite struct ITLoadTests {
    static var file: String { "\(PackagePaths.root)/site.yaml" }
    static let head = """
        name: hall
        weather: Weather/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw

        """

    func problems(_ text: String) -> [SpecProblem] {
        do {
            _ = try SiteSpec.decode(text: Self.head + text, file: Self.file)
            return []
        } catch { return error.problems }
    }

    /// 5 MW of 9.1 kW nodes: 549 nodes (4.996 MW), the same site as that cluster written out.
    @Test func aLoadBecomesAClusterOfTheDefaultNode() throws {
        let spec = try SiteSpec.decode(text: Self.head + "it: {load_mw: 5}\n", file: Self.file)
        let resolved = spec.resolved()
        #expect(resolved.it.loadMw == nil)
        #expect(resolved.it.clusters.map(\.name) == [ITSpec.loadClusterName])
        #expect(resolved.it.clusters[0].nodes == 549)
        #expect(abs((resolved.designItMw ?? 0) - 549 * 9.1e-3) < 1e-9)
        let written = try SiteSpec.decode(text: Self.head + "it:\n  clusters:\n    - {name: it-load, nodes: 549}\n", file: Self.file)
        #expect(written.resolved() == resolved)
    }

    @Test func aLoadAddsToTheClusters() throws {
        let spec = try SiteSpec.decode(text: Self.head + "it:\n  load_mw: 0.001\n  clusters:\n    - {name: gpus, nodes: 10}\n",
                                       file: Self.file)
        #expect(spec.resolved().it.clusters.map(\.nodes) == [10, 1])
    }

    @Test func neitherClustersNorALoadIsAProblem() {
        #expect(problems("it: {}\n").map(\.message) == ["missing required key 'clusters' (a list of clusters, or load_mw)"])
        #expect(problems("it: {load_mw: -5}\n").map(\.keyPath) == ["it.load_mw"])
        #expect(problems("it:\n  load_mw: 1\n  clusters:\n    - {name: it-load, nodes: 1}\n").map(\.keyPath) == ["it.load_mw"])
    }
}
