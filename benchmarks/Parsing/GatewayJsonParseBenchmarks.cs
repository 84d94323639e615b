using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Store.Events;

namespace LogSentinel.Benchmarks.Parsing;

/// <summary><c>gateway-json</c> lines into a pre-sized batch; the baseline only walks the tokens with Utf8JsonReader.</summary>
[Config(typeof(ParserBenchmarkConfig))]
public class GatewayJsonParseBenchmarks
{
    private const int Lines = 10_000;
    private byte[][] _lines = [];
    private GatewayJsonParser _parser = null!;
    private CitizenIdPseudonymizer _pseudonymizer = null!;
    private GatewayEventBatch _batch = null!;
    private LinePosition _position;

    [GlobalSetup]
    public void Setup()
    {
        _lines = SampleLines.GatewayJson(Lines);
        _pseudonymizer = new CitizenIdPseudonymizer(RandomNumberGenerator.GetBytes(32));
        _parser = new GatewayJsonParser(_pseudonymizer);
        _batch = new GatewayEventBatch(Lines);
        _position = new LinePosition(new LineSource("kafka:gateway-access"), 0);
    }

    [GlobalCleanup]
    public void Cleanup() => _pseudonymizer.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public int ReaderWalkOnly()
    {
        var tokens = 0;
        foreach (var line in _lines)
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int ParseGatewayJson()
    {
        _batch.Clear();
        foreach (var line in _lines)
        {
            _parser.Parse(line, _position, _batch);
        }

        return _batch.Count;
    }
}
