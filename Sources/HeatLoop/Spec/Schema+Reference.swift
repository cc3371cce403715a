import Foundation

/// `Docs/site-reference.md`, generated from the schemas: every key path with its type, unit, default or
/// derivation rule, allowed values and doc line.
extension SiteSpec {
    /// The reference page in Markdown (`make site-reference` writes it; a test fails when it is stale).
    public static func referenceMarkdown() -> String {
        var text = """
            # Site file reference

            Every key of a site file (`Sites/*.yaml`), generated from the schemas in `Sources/HeatLoop/SiteSpec/`
            by `make site-reference`: do not edit by hand; a test fails when this page is stale. Key paths are
            those of batch `vary` and sizing files; `[]` marks a list entry (`it.clusters[0].nodes`). A variant
            is written `{name: {settings}}` or as its bare name with all defaults. *derived* defaults are filled
            by the design step (`SiteSpec.designed()`) and written to the result's resolved site.

            A new key is one line in its section's `schema` (with a property holding its default); a derived
            default also gets its rule in `SiteDesign.swift`, its model conversion in `Spec+Models.swift`.

            """
        let top = schema.fields.map(\.reference)
        let scalars = top.filter { if case .none = $0.children { true } else { false } }
        text += section("Top level", rows: scalars.flatMap { rows($0, path: "") })
        for field in top where !scalars.contains(where: { $0.key == field.key }) {
            text += section("`\(field.key)`", rows: rows(field, path: ""))
        }
        return text
    }

    static func section(_ title: String, rows: [String]) -> String {
        "\n## \(title)\n\n| key | type | unit | default | allowed | description |\n|---|---|---|---|---|---|\n"
            + rows.joined(separator: "\n") + "\n"
    }

    /// The row of `field` at `path` and the rows of every key below it.
    static func rows(_ field: FieldReference, path: String) -> [String] {
        let keyPath = joinPath(path, field.key)
        let own = row(keyPath, field.type, field.unit, field.defaultText, field.allowed, field.doc)
        switch field.children {
        case .none:
            return [own]
        case .section(let children):
            let below = field.type.hasPrefix("list") ? keyPath + "[]" : keyPath
            return [own] + children().flatMap { rows($0, path: below) }
        case .variants(let variants):
            return [own] + variants().flatMap { variant in
                let variantPath = joinPath(keyPath, variant.name)
                return [row(variantPath, "variant", nil, "", nil, variant.doc)]
                    + variant.fields.flatMap { rows($0, path: variantPath) }
            }
        }
    }

    private static func row(_ path: String, _ type: String, _ unit: String?, _ defaultText: String, _ allowed: String?,
                            _ doc: String) -> String {
        let written: String =
            if defaultText.hasPrefix("derived: ") { "*derived:* " + defaultText.dropFirst("derived: ".count) }
            else if ["", "required", "present", "absent", "empty"].contains(defaultText) { defaultText }
            else { "`\(defaultText)`" }
        let cells = ["`\(path)`", type, unit ?? "", written, allowed ?? "", doc]
        return "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }
}

extension CarbonJobSpec {
    /// The keys of a job description for `heatloop card` as a Markdown table, generated from the schema
    /// (Docs/carbon.md holds it between `<!-- job-keys -->` markers; `make site-reference` rewrites it).
    public static func referenceTable() -> String {
        SiteSpec.section("Job description keys", rows: schema.fields.map(\.reference).flatMap { SiteSpec.rows($0, path: "") })
    }

    /// `page` with the text between the job-key markers replaced by `referenceTable()`; nil without markers.
    public static func updatingReference(in page: String) -> String? {
        let begin = "<!-- job-keys:begin -->", end = "<!-- job-keys:end -->"
        guard let start = page.range(of: begin), let stop = page.range(of: end), start.upperBound <= stop.lowerBound else { return nil }
        return String(page[..<start.upperBound]) + "\n" + referenceTable() + "\n" + String(page[stop.lowerBound...])
    }
}
