import Foundation
import HeatLoopTestSupport
import Testing

@Suite struct WeatherGenerateCommandTests {
    @Test("weather --generate prints the monthly spreads and the HDD percentiles, the same for the same seed")
    func generate() throws {
        let epw = PackagePaths.weather(PackagePaths.climates["chicago"]!)
        let first = try CLI.run(["weather", epw, "--generate", "5", "--seed", "4"])
        let second = try CLI.run(["weather", epw, "--generate", "5", "--seed", "4"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("σ_T K") && first.stdout.contains("HDD15 K·d: base year"))
        let refused = try CLI.run(["weather", epw, "--generate", "5", "--json"])
        #expect(refused.status != 0)
    }
}
