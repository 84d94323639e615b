using System.Text;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Store.Events;
using static LogSentinel.Tests.Ingest.IngestTestData;

namespace LogSentinel.Tests.Ingest;

/// <summary>Guards the hot path: parsing into a pre-sized, warmed batch allocates nothing per line.</summary>
public sealed class ParserAllocationTests
{
    private const int Lines = 10_000;

    private static byte[][] Vary(string template, Func<int, string, string> vary) =>
        Enumerable.Range(0, Lines).Select(i => Encoding.UTF8.GetBytes(vary(i, template))).ToArray();

    private static long AllocatedWhileParsing<TBatch>(ILineParser<TBatch> parser, byte[][] lines, TBatch batch, Action clear, Func<int> count)
        where TBatch : class
    {
        // The first pass grows the batch's arenas and runs one-time initialisation; only the second is measured.
        for (var pass = 0; pass < 2; pass++)
        {
            clear();
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var line in lines)
            {
                parser.Parse(line, Position, batch);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(lines.Length, count());
            if (pass == 1)
            {
                return allocated;
            }
        }

        return -1;
    }

    [Fact]
    public void GatewayJson_10kLines_AllocateNothingPerLine()
    {
        var lines = Vary(SpecGatewayJson, (i, t) => t
            .Replace("10.52.4.21", $"10.52.{i % 256}.{i % 200}", StringComparison.Ordinal)
            .Replace("nguyenvana", "user" + (i % 97), StringComparison.Ordinal)
            .Replace("Win64", i % 3 == 0 ? "Win\\u0036\\u0034 \\\"x\\\"" : "Win64", StringComparison.Ordinal)
            .Replace("\"api\"", i % 5 == 0 ? "\"unknown\":[1,{\"a\":2}],\"api\"" : "\"api\"", StringComparison.Ordinal));
        var batch = new GatewayEventBatch(Lines);

        var allocated = AllocatedWhileParsing(new GatewayJsonParser(IngestTestData.Pseudonymizer), lines, batch, batch.Clear, () => batch.Count);

        Assert.True(allocated < Lines, $"{allocated} bytes for {Lines} lines");
    }

    [Fact]
    public void GatewayCombined_10kLines_AllocateNothingPerLine()
    {
        var lines = Vary(SpecGatewayCombined, (i, t) => t
            .Replace("10.52.4.21", i % 7 == 0 ? "2001:db8::" + (i % 50) : $"10.52.{i % 256}.{i % 200}", StringComparison.Ordinal)
            .Replace("nguyenvana", "user" + (i % 97), StringComparison.Ordinal)
            .Replace("WinHttp.", i % 3 == 0 ? "\\x22Win\\x22." : "WinHttp.", StringComparison.Ordinal)
            .Replace("\"-\"", i % 4 == 0 ? "\"https://portal/\"" : "\"-\"", StringComparison.Ordinal));
        var batch = new GatewayEventBatch(Lines);

        var allocated = AllocatedWhileParsing(new GatewayCombinedParser(IngestTestData.Pseudonymizer), lines, batch, batch.Clear, () => batch.Count);

        Assert.True(allocated < Lines, $"{allocated} bytes for {Lines} lines");
    }

    [Fact]
    public void AppJson_10kLines_AllocateNothingPerLine()
    {
        var lines = Vary(SpecAppJson, (i, t) => t
            .Replace("052301004512", "0523010" + (i % 100_000).ToString("00000", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("nguyenvana", "user" + (i % 97), StringComparison.Ordinal)
            .Replace("\"result\"", i % 5 == 0 ? "\"note\":\"x\",\"result\"" : "\"result\"", StringComparison.Ordinal));
        var batch = new AppEventBatch(Lines);
        using var pseudonymizer = new CitizenIdPseudonymizer(Key);

        var allocated = AllocatedWhileParsing(new AppJsonParser(pseudonymizer), lines, batch, batch.Clear, () => batch.Count);

        Assert.True(allocated < Lines, $"{allocated} bytes for {Lines} lines");
    }

    [Fact]
    public void DeadLetters_10kBadLines_AllocateNothingPerLine()
    {
        var lines = Vary(SpecGatewayJson, (i, t) => (i % 4) switch
        {
            0 => t[..(i % (t.Length - 1))],
            1 => t.Replace("10.52.4.21", "10.52.4.999", StringComparison.Ordinal),
            2 => t.Replace("+07:00", "", StringComparison.Ordinal),
            _ => t.Replace("\"status\":200", "\"status\":\"200\"", StringComparison.Ordinal),
        });
        var parser = new GatewayJsonParser(IngestTestData.Pseudonymizer);
        var batch = new GatewayEventBatch(16);
        foreach (var line in lines)
        {
            parser.Parse(line, Position, batch);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var line in lines)
        {
            parser.Parse(line, Position, batch);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, batch.Count);
        Assert.True(allocated < Lines, $"{allocated} bytes for {Lines} lines");
    }
}
