namespace LogSentinel.Report.Rendering;

/// <summary>
/// ScottPlot draws text with SkiaSharp's font-less native build here, which finds no system font by itself: the
/// charts load DejaVu Sans (Debian's fonts-dejavu-core, which covers Vietnamese) from disk once.
/// </summary>
internal static class ChartFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
    ];

    private static readonly Lazy<string?> Loaded = new(Load);

    /// <summary>The font file in use, or null when none was found (charts then fall back to ScottPlot's default).</summary>
    public static string? FontFile => Loaded.Value;

    private static string? Load()
    {
        var path = Candidates.FirstOrDefault(File.Exists);
        if (path is null)
        {
            return null;
        }

        ScottPlot.Fonts.AddFontFile(Family, path, bold: false, italic: false);
        var bold = Path.Combine(Path.GetDirectoryName(path)!, "DejaVuSans-Bold.ttf");
        if (File.Exists(bold))
        {
            ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
        }

        ScottPlot.Fonts.Default = Family;
        return path;
    }
}
