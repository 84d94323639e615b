using System.Text.RegularExpressions;

namespace LogSentinel.Tests.Deploy;

/// <summary>docs/operations.md names every setting a server deployment can need, as README.md defines them.</summary>
public sealed partial class OperationsGuideTests
{
    /// <summary>The README sections whose settings apply to a server deployment (everything but the embedded engine and replay).</summary>
    private static readonly string[] ServerSections = ["Store:", "Ingest:", "Telemetry:", "Detection:", "Live:", "Tuning:", "Api:", "Report:", "Incident:", "Model:", "Alerts:"];

    [Fact]
    public void OperationsGuide_NamesEverySettingTheReadmeTablesDefineForServerMode()
    {
        var readme = DeployFiles.Read("README.md");
        var guide = DeployFiles.Read("docs/operations.md");
        var keys = TableKey().Matches(readme).Select(m => m.Groups["key"].Value)
            .Where(k => ServerSections.Any(s => k.StartsWith(s, StringComparison.Ordinal)) && !k.StartsWith("Store:Embedded:", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Contains("Store:Server:Password", keys);
        Assert.All(keys, k => Assert.True(guide.Contains($"`{k}`", StringComparison.Ordinal), $"docs/operations.md does not name {k}"));
    }

    [Fact]
    public void OperationsGuide_MeasuredRowSizesAndTheCommandsThatMeasureThem()
    {
        var guide = DeployFiles.Read("docs/operations.md");

        Assert.Contains("system.parts", guide, StringComparison.Ordinal);
        Assert.Contains("logsentinel store ddl --cluster", guide, StringComparison.Ordinal);
        Assert.Contains("BACKUP DATABASE", guide, StringComparison.Ordinal);
        Assert.Contains("schema_migrations", guide, StringComparison.Ordinal);
    }

    /// <summary>The first cell of a settings table row: <c>| `Section:Key` |</c>.</summary>
    [GeneratedRegex(@"^\| `(?<key>[A-Z][A-Za-z]+(?::[A-Za-z<>]+)+)`", RegexOptions.Multiline)]
    private static partial Regex TableKey();
}
