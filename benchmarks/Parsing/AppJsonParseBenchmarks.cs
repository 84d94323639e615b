using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Store.Events;

namespace LogSentinel.Benchmarks.Parsing;

/// <summary>
/// <c>app-json</c> lines (60% citizen look-ups, each pseudonymized) into a pre-sized batch; the baseline only walks
/// the tokens with Utf8JsonReader.
/// </summary>
[Config(typeof(ParserBenchmarkConfig))]
public class AppJsonParseBenchmarks
{
    private const int Lines = 10_000;
    private byte[][] _lines = [];
    private AppJsonParser _parser = null!;
    private CitizenIdPseudonymizer _pseudonymizer = null!;
    private AppEventBatch _batch = null!;
    private LinePosition _position;

    /// <summary>
    /// True: HMAC from precomputed midstates with OpenSSL's SHA-256 compression (the default where available).
    /// False: the framework's reusable <see cref="IncrementalHash"/> (the fallback).
    /// </summary>
    [Params(true, false)]
    public bool NativeSha256 { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _lines = SampleLines.AppJson(Lines);
        _pseudonymizer = new CitizenIdPseudonymizer(RandomNumberGenerator.GetBytes(32), NativeSha256);
        _parser = new AppJsonParser(_pseudonymizer);
        _batch = new AppEventBatch(Lines);
        _position = new LinePosition(new LineSource("kafka:app-events"), 0);
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
    public int ParseAppJson()
    {
        _batch.Clear();
        foreach (var line in _lines)
        {
            _parser.Parse(line, _position, _batch);
        }

        return _batch.Count;
    }
}
