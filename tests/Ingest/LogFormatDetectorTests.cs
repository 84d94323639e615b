using System.Text;
using LogSentinel.Ingest.Parsing;
using static LogSentinel.Tests.Ingest.IngestTestData;

namespace LogSentinel.Tests.Ingest;

public sealed class LogFormatDetectorTests
{
    [Theory]
    [InlineData(SpecGatewayJson, LogFormat.GatewayJson)]
    [InlineData(SpecGatewayCombined, LogFormat.GatewayCombined)]
    [InlineData(SpecAppJson, LogFormat.AppJson)]
    public void Detect_SpecExamples_AreRecognised(string line, LogFormat expected)
    {
        var head = "\n\n" + line + "\n" + line + "\n";

        Assert.Equal(expected, LogFormatDetector.Detect(Encoding.UTF8.GetBytes(head)));
    }

    [Fact]
    public void Detect_MajorityWins_OverAFewBrokenLines()
    {
        var head = string.Join('\n', SpecAppJson, "garbage", SpecAppJson, SpecAppJson[..40], SpecGatewayJson, SpecAppJson);

        Assert.Equal(LogFormat.AppJson, LogFormatDetector.Detect(Encoding.UTF8.GetBytes(head)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world\nsecond line\n")]
    [InlineData("{\"a\":1}\n")]
    public void Detect_NothingRecognisable_IsUnknown(string head)
    {
        Assert.Equal(LogFormat.Unknown, LogFormatDetector.Detect(Encoding.UTF8.GetBytes(head)));
    }

    [Fact]
    public void Detect_Tie_IsUnknown()
    {
        var head = SpecAppJson + "\n" + SpecGatewayCombined + "\n";

        Assert.Equal(LogFormat.Unknown, LogFormatDetector.Detect(Encoding.UTF8.GetBytes(head)));
    }

    [Theory]
    [InlineData("gateway-json", LogFormat.GatewayJson)]
    [InlineData("Gateway-Combined", LogFormat.GatewayCombined)]
    [InlineData(" app-json ", LogFormat.AppJson)]
    public void LogFormats_ParseConfigurationNames(string name, LogFormat expected)
    {
        Assert.True(LogFormats.TryParse(name, out var format));
        Assert.Equal(expected, format);
        Assert.Equal(name.Trim().ToLowerInvariant(), LogFormats.ToName(format));
    }

    [Theory]
    [InlineData("auto")]
    [InlineData(null)]
    [InlineData("csv")]
    public void LogFormats_OtherNames_AreNotFormats(string? name)
    {
        Assert.False(LogFormats.TryParse(name, out _));
    }
}
