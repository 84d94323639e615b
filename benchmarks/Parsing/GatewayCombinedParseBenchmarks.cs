using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text.Unicode;
using BenchmarkDotNet.Attributes;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Store.Events;

namespace LogSentinel.Benchmarks.Parsing;

/// <summary><c>gateway-combined</c> lines into a pre-sized batch; the baseline only validates UTF-8 and hashes each line.</summary>
[Config(typeof(ParserBenchmarkConfig))]
public class GatewayCombinedParseBenchmarks
{
    private const int Lines = 10_000;
    private byte[][] _lines = [];
    private GatewayCombinedParser _parser = null!;
    private CitizenIdPseudonymizer _pseudonymizer = null!;
    private GatewayEventBatch _batch = null!;
    private LinePosition _position;

    [GlobalSetup]
    public void Setup()
    {
        _lines = SampleLines.GatewayCombined(Lines);
        _pseudonymizer = new CitizenIdPseudonymizer(RandomNumberGenerator.GetBytes(32));
        _parser = new GatewayCombinedParser(_pseudonymizer);
        _batch = new GatewayEventBatch(Lines);
        _position = new LinePosition(new LineSource("file:/var/log/gateway/access.log"), 0);
    }

    [GlobalCleanup]
    public void Cleanup() => _pseudonymizer.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public ulong ValidateAndHashOnly()
    {
        ulong sum = 0;
        foreach (var line in _lines)
        {
            if (Utf8.IsValid(line))
            {
                sum += XxHash64.HashToUInt64(line);
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ParseGatewayCombined()
    {
        _batch.Clear();
        foreach (var line in _lines)
        {
            _parser.Parse(line, _position, _batch);
        }

        return _batch.Count;
    }
}
