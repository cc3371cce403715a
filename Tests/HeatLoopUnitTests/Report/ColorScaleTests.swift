import HeatLoopReport
import Testing

@Suite("Colour scales and palette")
struct ColorScaleTests {
    @Test("sequential classes run from viridis dark (low) to yellow (high); NaN has no colour")
    func sequential() {
        let scale = ColorScale.sequential(covering: [0, 3.1, 11.8, .nan], targetClasses: 6)
        #expect(scale.boundaries == [0, 2, 4, 6, 8, 10, 12])
        #expect(scale.color(for: 0) == Palette.viridis.first)
        #expect(scale.color(for: 11.8) == Palette.viridis.last)
        #expect(scale.color(for: 12) == Palette.viridis.last)
        #expect(scale.color(for: -5) == Palette.viridis.first)
        #expect(scale.classIndex(of: 3.1) == 1)
        #expect(scale.color(for: .nan) == nil)
    }

    @Test("diverging classes put orange below the centre and purple above")
    func diverging() {
        let scale = ColorScale.diverging(covering: [-3, -0.5, 1, 4])
        #expect(scale.boundaries.contains(0))
        let below = RGBProbe(scale.color(for: -2.9)), above = RGBProbe(scale.color(for: 3.9))
        #expect(below.red > below.blue, "orange side")
        #expect(above.blue > above.red, "purple side")
        let oneSided = ColorScale.diverging(covering: [1, 2, 3])
        #expect(oneSided.colors.first == Palette.viridis.first)
    }

    @Test("a constant or empty input still gives at least one class")
    func degenerate() {
        #expect(!ColorScale.sequential(covering: [5, 5]).colors.isEmpty)
        #expect(!ColorScale.sequential(covering: []).colors.isEmpty)
        #expect(ColorScale.sequential(covering: [5, 5]).color(for: 5) != nil)
    }

    @Test("interpolation hits the anchors; text is dark on light and white on dark")
    func palette() {
        #expect(Palette.interpolate(Palette.viridis, at: 0) == "#440154")
        #expect(Palette.interpolate(Palette.viridis, at: 1) == "#FDE725")
        #expect(Palette.interpolate(["#000000", "#FFFFFF"], at: 0.5) == "#808080")
        #expect(Palette.interpolate(Palette.viridis, at: .nan) == "#440154")
        #expect(Palette.textColor(on: "#FDE725") == Palette.text)
        #expect(Palette.textColor(on: "#440154") == "#FFFFFF")
        #expect(Set(Palette.categories).count == 8)
    }

    /// The channels of a `#rrggbb` colour.
    struct RGBProbe {
        var red = 0, green = 0, blue = 0
        init(_ hex: String?) {
            guard let hex, hex.count == 7, let value = Int(hex.dropFirst(), radix: 16) else { return }
            red = value >> 16
            green = (value >> 8) & 0xFF
            blue = value & 0xFF
        }
    }
}
