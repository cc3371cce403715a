import ArgumentParser
import Foundation
import HeatLoop
import HeatLoopFiles

struct WeatherCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weather",
        abstract: "Summarise a weather file's climate, optionally morphed to a future climate, and write it.",
        discussion: """
            --offset-k shifts every dry-bulb value and keeps the relative humidity (dew point recomputed). \
            --morph applies Belcher et al. (2005) monthly shift/stretch factors from a YAML file with \
            dry_bulb_delta_k, optional dry_bulb_max_delta_k + dry_bulb_min_delta_k, optional rh_delta_pct \
            (12 numbers each, January first).
            """)

    @Argument(help: "EPW weather file.") var epw: String
    @Option(name: .customLong("offset-k"), parsing: .unconditional, help: "Add this many kelvin to every dry-bulb value.")
    var offsetK: Double?
    @Option(help: "YAML file of monthly morphing factors (Belcher et al. 2005).") var morph: String?
    @Option(help: "Write the (morphed) weather as an EPW file here.") var write: String?
    @Flag(help: "Print the summary as one JSON object.") var json = false
    @Option(help: "Generate this many years with the stochastic weather generator and print their spread (monthly anomalies, heating degree-days).")
    var generate: Int?
    @Option(help: "Seed of --generate (default 1).") var seed: Int?

    static let offsetRange: ClosedRange<Double> = -30...30

    func validate() throws {
        if let generate, !(1...10_000).contains(generate) { throw ValidationError("--generate \(generate): expected 1…10000 years") }
        if seed != nil, generate == nil { throw ValidationError("--seed applies to --generate") }
        if let seed, seed < 0 { throw ValidationError("--seed \(seed): expected 0 or more") }
        if generate != nil, offsetK != nil || morph != nil || write != nil || json {
            throw ValidationError("--generate prints the generated years' spread; it takes no --offset-k, --morph, --write or --json")
        }
        if offsetK != nil, morph != nil {
            throw ValidationError("--offset-k and --morph are alternatives; give one of them")
        }
        if let offsetK, !(offsetK.isFinite && Self.offsetRange.contains(offsetK)) {
            throw ValidationError("--offset-k \(offsetK) is out of range; expected a change of -30…30 K")
        }
        if let write, URL(fileURLWithPath: write).standardizedFileURL == URL(fileURLWithPath: epw).standardizedFileURL {
            throw ValidationError("--write \(write) would overwrite the input weather file; choose another path")
        }
    }

    func run() throws {
        Signals.install()
        try FileKind.require([.weather], epw)
        let original: WeatherSeries
        do { original = try EPWReader.read(path: epw) } catch {
            printError(errorLines(error.description))
            throw ExitStatus.invalidInput
        }
        if let generate {
            do {
                let generator = try WeatherGenerator(base: original, seed: UInt64(seed ?? 1))
                print(GeneratedWeatherPrinter.table(base: original, generator: generator, years: generator.years(generate), file: epw))
            } catch {
                printError("error: \(epw): \(error)")
                throw ExitStatus.invalidInput
            }
            return
        }
        var scenario: ClimateMorph?
        var scenarioText = "as recorded"
        if let offsetK {
            scenario = .offset(TemperatureDelta(offsetK))
            scenarioText = "dry bulb \(String(format: "%+.2f", offsetK)) K every hour, RH kept, dew point recomputed"
        } else if let morph {
            do { scenario = .monthly(try ClimateMorphFile.read(path: morph)) } catch {
                printError(errorLines(error.description))
                throw ExitStatus.invalidInput
            }
            scenarioText = "Belcher et al. (2005) monthly morphing from \(morph)"
        }
        var weather = original
        if let scenario {
            do { weather = try scenario.apply(to: original) } catch {
                printError("error: \(morph ?? epw): \(error.description)")
                throw ExitStatus.invalidInput
            }
        }
        if let write {
            do {
                try OutputPath.createFolder(for: write)
                try Signals.writing {
                    try EPWWriter.write(weather: weather, templatePath: epw, to: write,
                                        comment: "morphed by HeatLoop \(HeatLoopCommand.version): \(scenarioText)",
                                        interruption: Signals.interruption)
                }
            } catch {
                printError("error: could not write \(write): \(error)")
                throw ExitStatus.failure
            }
        }
        let summary = ClimateSummary(weather: weather)
        if json {
            print(ClimatePrinter.json(summary, weather: weather, file: epw, scenario: scenarioText, written: write))
        } else {
            print(ClimatePrinter.table(summary, weather: weather, file: epw, scenario: scenarioText, written: write))
        }
    }
}
