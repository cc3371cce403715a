import HeatLoopReport
import Testing

@Suite("Site file outline")
struct SiteConfigOutlineTests {
    /// The block style HeatLoop's resolved site files use (Yams): list items at their key's indentation.
    static let yaml = """
        name: chicago-ai-campus
        it:
          clusters:
          - name: training
            nodes: 1500
            node:
              gpus: 8
            workload:
              constant:
                utilization: 8.5e-1
          - name: inference
            nodes: 160
        cooling:
          liquid:
            rejection:
              dry_cooler:
                adiabatic:
                  switch_c: 2.8e+1
            supply_c: 3.5e+1
        compliance:
          commissioning_date: '2027-01-01'
        heat_recovery:
          district_heating:
            supply_curve_c:
            - - -1.5e+1
              - 7e+1
            - - 1e+1
              - 5.5e+1
            return_c: 3.5e+1
        """

    @Test("scalars come out under their key paths, list items numbered")
    func paths() {
        let outline = SiteConfigOutline(yaml: Self.yaml)
        #expect(outline.value("name") == "chicago-ai-campus")
        #expect(outline.value("it.clusters[0].name") == "training")
        #expect(outline.number("it.clusters[0].node.gpus") == 8)
        #expect(outline.number("it.clusters[0].workload.constant.utilization") == 0.85)
        #expect(outline.value("it.clusters[1].name") == "inference")
        #expect(outline.number("it.clusters[1].nodes") == 160)
        #expect(outline.number("cooling.liquid.supply_c") == 35)
        #expect(outline.value("compliance.commissioning_date") == "2027-01-01")
        #expect(outline.number("heat_recovery.district_heating.supply_curve_c[1][1]") == 55)
        #expect(outline.number("heat_recovery.district_heating.return_c") == 35)
    }

    @Test("the first key under a path names the alternative a site chose")
    func firstKey() {
        let outline = SiteConfigOutline(yaml: Self.yaml)
        #expect(outline.firstKey(under: "cooling.liquid.rejection") == "dry_cooler")
        #expect(outline.firstKey(under: "it.clusters[0].workload") == "constant")
        #expect(outline.firstKey(under: "economics") == nil)
    }
}
