import HeatLoopReport
import Testing

@Suite("Series regrouped for charts")
struct SeriesAggregationTests {
    @Test("hourly means of 15-minute steps skip NaN; an hour of NaN is NaN; a last partial hour counts")
    func hourly() {
        let steps: [Double] = [1, 2, 3, 4, .nan, 6, .nan, 8, .nan, .nan, .nan, .nan, 5]
        let means = SeriesAggregation.hourlyMeans(steps, stepMinutes: 15)
        #expect(means.count == 4)
        #expect(means[0] == 2.5 && means[1] == 7 && means[2].isNaN && means[3] == 5)
        #expect(SeriesAggregation.hourlyMeans([1, 2, 3], stepMinutes: 60) == [1, 2, 3])
    }

    @Test("daily means, duration curves and the day × hour grid")
    func dailyDurationGrid() {
        let hourly = (0..<48).map { Double($0 % 24) }
        #expect(SeriesAggregation.dailyMeans(hourly) == [11.5, 11.5])
        #expect(SeriesAggregation.durationCurve([3, .nan, 7, 1]) == [7, 3, 1])
        let grid = SeriesAggregation.dayHourGrid(Array(hourly.prefix(30)))
        #expect(grid.count == 24 && grid[0].count == 2)
        #expect(grid[5][0] == 5 && grid[5][1] == 5 && grid[6][1].isNaN)
    }

    @Test("the mode of an hour is its most frequent value, ties going to the more mechanical")
    func mostFrequent() {
        let modes: [Double] = [0, 0, 2, 1, 1, 2, 2, 1, .nan, .nan, .nan, .nan]
        let hourly = SeriesAggregation.hourlyMostFrequent(modes, stepMinutes: 15)
        #expect(hourly[0] == 0 && hourly[1] == 2 && hourly[2].isNaN)
    }

    @Test("an hour's PUE is its facility energy over its IT energy; no IT gives NaN")
    func ratio() {
        let pue = SeriesAggregation.hourlyRatio([12, 13, 0, 0], [10, 10, 0, 0], stepMinutes: 30)
        #expect(pue[0] == 1.25 && pue[1].isNaN)
    }
}
