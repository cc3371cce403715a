/// A finished run as named columns: what a `ResultSink` (the HDF5 writer, an in-memory sink in tests)
/// receives. The layout mirrors the HDF5 contract (DESIGN §6): root attributes, a `time` axis, groups
/// of 1-D series along `time`, 2-D `[label, time]` matrices, and small tables along their own
/// dimension (`/summary/monthly` along `month`, later `/summary/jobs` along `job`).
public struct ResultDocument: Sendable {
    /// Root attributes (`title`, `site`, `site_config`, `timestep_s`, …). `complete` is added by the writer.
    public var attributes: [ResultAttribute]
    public var time: TimeAxis
    /// Groups of time series, in file order (`weather`, `it`, `electrical`, `cooling`, …).
    public var groups: [ResultGroup]
    /// `/summary` attributes (annual KPIs).
    public var summary: [ResultAttribute]
    /// Sub-groups of `/summary`, each a table along its own dimension (`monthly` along `month`).
    public var summaryTables: [ResultTable]

    public init(attributes: [ResultAttribute], time: TimeAxis, groups: [ResultGroup],
                summary: [ResultAttribute], summaryTables: [ResultTable]) {
        self.attributes = attributes
        self.time = time
        self.groups = groups
        self.summary = summary
        self.summaryTables = summaryTables
    }

    public func group(_ name: String) -> ResultGroup? { groups.first { $0.name == name } }
    /// A declared 1-D series, when the document has it.
    public func series(_ series: OutputSeries) -> ResultSeries? { group(series.group.rawValue)?.series(series.name) }
    /// A declared per-cluster series, when the document has it.
    public func matrix(_ series: OutputSeries) -> ResultMatrix? {
        group(series.group.rawValue)?.matrices.first { $0.name == series.name }
    }
    public func summaryValue(_ name: String) -> AttributeValue? { summary.first { $0.name == name }?.value }
}

/// The time axis: step `i` starts `i · stepMinutes` minutes after `year`-01-01 00:00 local standard time
/// of the weather file, which is `utcOffsetMinutes` ahead of UTC. Written in UTC, as CF
/// `units = "minutes since YYYY-01-01 00:00:00"` (UTC): step `i` is at `i · stepMinutes − utcOffsetMinutes`
/// (Chicago, −360: the first step is at 360, 06:00 UTC); the offset is the variable's `utc_offset_minutes`
/// (local standard time = time + offset; Docs/result-file.md).
public struct TimeAxis: Sendable, Equatable {
    public var year: Int
    public var stepMinutes: Int
    public var count: Int
    /// Minutes the simulation's local standard time is ahead of UTC (the EPW time zone × 60).
    public var utcOffsetMinutes: Int
    public init(year: Int, stepMinutes: Int, count: Int, utcOffsetMinutes: Int = 0) {
        self.year = year
        self.stepMinutes = stepMinutes
        self.count = count
        self.utcOffsetMinutes = utcOffsetMinutes
    }
    /// CF units string of the axis (UTC).
    public var units: String { "minutes since \(year)-01-01 00:00:00" }
    /// Start of each step in minutes since the start of the year, UTC.
    public var minutes: [Int32] { (0..<count).map { Int32($0 * stepMinutes - utcOffsetMinutes) } }
    /// Start of each step in minutes since the start of the year, local standard time (`local_time`).
    public var localMinutes: [Int32] { (0..<count).map { Int32($0 * stepMinutes) } }
    /// The local standard time zone as text: `UTC-06:00`, `UTC+05:30`.
    public var utcOffsetText: String { Self.utcOffsetText(utcOffsetMinutes) }
    /// `minutes` ahead of UTC as text: −360 → `UTC-06:00`.
    public static func utcOffsetText(_ minutes: Int) -> String {
        let magnitude = abs(minutes)
        let hours = magnitude / 60, rest = magnitude % 60
        return "UTC" + (minutes < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
    /// CF cell bounds of the steps (§7.1, `time_bnds`): start and end of each step, interleaved, UTC minutes.
    public var bounds: [Int32] {
        (0..<count).flatMap { step -> [Int32] in
            let start = step * stepMinutes - utcOffsetMinutes
            return [Int32(start), Int32(start + stepMinutes)]
        }
    }
}

public struct ResultGroup: Sendable {
    public var name: String
    /// 1-D series along `time`.
    public var series: [ResultSeries]
    /// 2-D series `[label, time]` (e.g. per-cluster power along `cluster`).
    public var matrices: [ResultMatrix]
    public init(name: String, series: [ResultSeries], matrices: [ResultMatrix] = []) {
        self.name = name
        self.series = series
        self.matrices = matrices
    }
    public func series(_ name: String) -> ResultSeries? { series.first { $0.name == name } }
}

/// One named column with UDUNITS `units` (`W`, `degC`, `1`, `L`, `kg`, `MWh`) and a `long_name`, and the
/// CF `standard_name` and `cell_methods` where they apply.
public struct ResultSeries: Sendable {
    public var name: String
    public var units: String
    public var longName: String
    public var standardName: String?
    public var cellMethods: String?
    public var values: ResultValues
    public init(name: String, units: String, longName: String, standardName: String? = nil,
                cellMethods: String? = nil, values: ResultValues) {
        self.name = name
        self.units = units
        self.longName = longName
        self.standardName = standardName
        self.cellMethods = cellMethods
        self.values = values
    }

    /// A declared output series with its values (units and attributes from the table).
    public init(_ series: OutputSeries, values: ResultValues) {
        let descriptor = series.descriptor
        self.init(name: descriptor.name, units: descriptor.units, longName: descriptor.longName,
                  standardName: descriptor.standardName, cellMethods: descriptor.cellMethod?.rawValue, values: values)
    }
}

public enum ResultValues: Sendable {
    case float32([Float])
    case float64([Double])
    case int32([Int32])
    /// A flag series (CF `flag_values` / `flag_meanings`), e.g. the cooling mode.
    case int8([Int8], flagValues: [Int8], flagMeanings: [String])

    public var count: Int {
        switch self {
        case .float32(let v): v.count
        case .float64(let v): v.count
        case .int32(let v): v.count
        case .int8(let v, _, _): v.count
        }
    }

    /// The values as `Double`s (for tests, summaries and reports).
    public var doubles: [Double] {
        switch self {
        case .float32(let v): v.map(Double.init)
        case .float64(let v): v
        case .int32(let v): v.map(Double.init)
        case .int8(let v, _, _): v.map(Double.init)
        }
    }
}

/// A 2-D series `[dimension, time]`, row-major (`values[row * timeCount + step]`), with a string
/// coordinate along `dimension` (e.g. `cluster` names).
public struct ResultMatrix: Sendable {
    public var name: String
    public var units: String
    public var longName: String
    public var cellMethods: String?
    public var dimension: String
    public var labels: [String]
    public var values: [Float]
    public init(name: String, units: String, longName: String, cellMethods: String? = nil, dimension: String,
                labels: [String], values: [Float]) {
        self.name = name
        self.units = units
        self.longName = longName
        self.cellMethods = cellMethods
        self.dimension = dimension
        self.labels = labels
        self.values = values
    }
}

/// Columns along one dimension (`month` 1…12, `job` names): written as a group with a coordinate
/// variable named after the dimension.
public struct ResultTable: Sendable {
    public var name: String
    public var dimension: String
    public var coordinate: ResultCoordinate
    public var columns: [ResultSeries]
    public init(name: String, dimension: String, coordinate: ResultCoordinate, columns: [ResultSeries]) {
        self.name = name
        self.dimension = dimension
        self.coordinate = coordinate
        self.columns = columns
    }
}

public enum ResultCoordinate: Sendable, Equatable {
    case integers([Int32])
    case strings([String])
    public var count: Int {
        switch self {
        case .integers(let v): v.count
        case .strings(let v): v.count
        }
    }
}

public struct ResultAttribute: Sendable, Equatable {
    public var name: String
    public var value: AttributeValue
    public init(_ name: String, _ value: AttributeValue) {
        self.name = name
        self.value = value
    }
}

public enum AttributeValue: Sendable, Equatable {
    case string(String)
    case double(Double)
    case int(Int)

    public var double: Double? {
        switch self {
        case .double(let d): d
        case .int(let i): Double(i)
        case .string: nil
        }
    }
}

/// Where results go. The HDF5 writer and in-memory test sinks implement it; only the CLI chooses.
public protocol ResultSink {
    mutating func write(_ document: ResultDocument) throws
}
