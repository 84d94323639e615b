namespace LogSentinel.Report.Rendering;

/// <summary>
/// Screen and print styles: A4 portrait with 14 mm margins, sections that do not split across pages, colours that
/// survive a black-and-white printer (severity is also written, never only coloured).
/// </summary>
internal static class ReportStyles
{
    public const string Css = """
        @page { size: A4 portrait; margin: 14mm 14mm 16mm 14mm; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #1d2733; margin: 0 auto; max-width: 182mm; line-height: 1.4; }
        header.top { border-bottom: 3px solid #1f4e79; padding-bottom: 4mm; margin-bottom: 5mm; display: flex; justify-content: space-between; align-items: flex-end; }
        header.top h1 { font-size: 19pt; margin: 0; color: #1f4e79; }
        header.top .sub { font-size: 9pt; color: #51606f; margin-top: 1mm; }
        header.top .meta { text-align: right; font-size: 9pt; color: #51606f; }
        header.top .meta .day { font-size: 12pt; font-weight: bold; color: #1d2733; }
        h2 { font-size: 13pt; color: #1f4e79; margin: 6mm 0 2.5mm; border-bottom: 1px solid #c9d3de; padding-bottom: 1mm; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
        section, .keep { break-inside: avoid; page-break-inside: avoid; }
        .headline { border-radius: 2mm; padding: 4mm 5mm; margin-bottom: 5mm; border-left: 3mm solid; }
        .headline.alert { background: #fbe9e7; border-color: #b71c1c; }
        .headline.attention { background: #fff6e0; border-color: #e0a100; }
        .headline.ok { background: #e8f5e9; border-color: #2e7d32; }
        .headline .label { font-size: 8.5pt; text-transform: uppercase; letter-spacing: .05em; color: #51606f; }
        .headline .message { font-size: 13.5pt; font-weight: bold; margin: 1mm 0 2mm; }
        .headline ul { margin: 0; padding-left: 5mm; }
        .tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin-bottom: 3mm; }
        .tile { border: 1px solid #d5dde6; border-radius: 1.5mm; padding: 2.5mm 3mm; }
        .tile .value { font-size: 17pt; font-weight: bold; color: #1f4e79; }
        .tile .name { font-size: 8.5pt; color: #51606f; }
        .tile .delta { font-size: 8.5pt; }
        .delta.up { color: #b71c1c; } .delta.down { color: #2e7d32; } .delta.flat { color: #51606f; }
        .minor { font-size: 8.5pt; color: #51606f; }
        .sev { display: inline-block; padding: 0 1.6mm; border-radius: 1mm; font-size: 8pt; color: #fff; white-space: nowrap; }
        .sev.critical { background: #8e1b1b; } .sev.high { background: #d9480f; } .sev.medium { background: #f2a900; color: #1d2733; } .sev.low { background: #8fa3b8; }
        .sevline span { margin-right: 2mm; }
        img.chart { width: 100%; height: auto; display: block; margin: 1mm 0 2mm; }
        table { width: 100%; border-collapse: collapse; font-size: 8.8pt; margin-bottom: 2mm; }
        th { text-align: left; background: #eef2f6; color: #33414f; font-weight: bold; padding: 1.2mm 1.8mm; border-bottom: 1px solid #c9d3de; }
        td { padding: 1.2mm 1.8mm; border-bottom: 1px solid #e6ebf0; vertical-align: top; word-break: break-word; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .num { text-align: right; white-space: nowrap; }
        table.risk td.who { width: 30%; } table.risk .name { font-weight: bold; overflow-wrap: anywhere; word-break: normal; }
        table.risk .score { width: 24mm; }
        .status-silent, .status-late { color: #b71c1c; font-weight: bold; }
        .status-backfilled { color: #51606f; }
        .two { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm; }
        .empty { color: #51606f; font-style: italic; }
        .page-break { break-before: page; page-break-before: always; }
        footer { margin-top: 8mm; border-top: 1px solid #c9d3de; padding-top: 2mm; font-size: 8pt; color: #51606f; }
        @media print { body { max-width: none; } a { color: inherit; text-decoration: none; } }
        """;
}
