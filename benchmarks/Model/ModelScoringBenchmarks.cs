using BenchmarkDotNet.Attributes;
using LogSentinel.Detect.Model;

namespace LogSentinel.Benchmarks.Model;

/// <summary>
/// Scoring entity-day feature windows with a PCA model trained by ML.NET (rank 5 of 14 features): our own scorer
/// from its components and mean (Mahalanobis distance inside the subspace plus the residual), one window at a time,
/// as detection does when a day closes. The baseline only standardizes the features, the floor of any scorer.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ModelScoringBenchmarks
{
    private const int Windows = 4096;

    private PcaModel _model = null!;
    private float[][] _windows = [];
    private float[] _work = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        var training = new List<float[]>();
        for (var n = 0; n < 20_000; n++)
        {
            training.Add(Window(rng));
        }

        _model = PcaTrainer.Train(1, training, BehaviourFeatures.Names, new PcaTrainingOptions()).Model;
        _windows = [.. Enumerable.Range(0, Windows).Select(_ => Window(rng))];
        _work = new float[_model.Dimensions];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Windows)]
    public double StandardizeOnly()
    {
        var sum = 0.0;
        var center = _model.Center;
        var scale = _model.Scale;
        foreach (var w in _windows)
        {
            for (var i = 0; i < w.Length; i++)
            {
                var z = (w[i] - center[i]) / scale[i];
                sum += z * z;
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Windows)]
    public double Score()
    {
        var sum = 0.0;
        foreach (var w in _windows)
        {
            sum += _model.Score(w, _work);
        }

        return sum;
    }

    /// <summary>An ordinary officer's day: correlated volume features, small shares, baseline-relative values near zero.</summary>
    private static float[] Window(Random rng)
    {
        var level = 2.5 + (rng.NextDouble() * 2);
        var today = (rng.NextDouble() - 0.5) * 0.8;
        var f = new float[BehaviourFeatures.Count];
        f[BehaviourFeatures.LookupsLog] = (float)(level + today);
        f[BehaviourFeatures.DistinctCitizensLog] = (float)(level + today - 0.02);
        f[BehaviourFeatures.SequentialIdShare] = (float)(rng.NextDouble() * 0.05);
        f[BehaviourFeatures.GapVariation] = (float)(1.2 + rng.NextDouble());
        f[BehaviourFeatures.OffHoursShare] = (float)(rng.NextDouble() * 0.05);
        f[BehaviourFeatures.DistinctPeersLog] = 0.69f;
        f[BehaviourFeatures.NotFoundShare] = (float)(rng.NextDouble() * 0.06);
        f[BehaviourFeatures.ServerErrorShare] = (float)(rng.NextDouble() * 0.01);
        f[BehaviourFeatures.ProvincesLog] = (float)(1 + rng.NextDouble());
        f[BehaviourFeatures.LookupsVsBaseline] = (float)today;
        f[BehaviourFeatures.TodayZ] = (float)(today / 0.4);
        f[BehaviourFeatures.RecentZ] = (float)((rng.NextDouble() - 0.5) * 2);
        f[BehaviourFeatures.CitizensVsBaseline] = (float)today;
        return f;
    }
}
