using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace LogSentinel.Detect.Model;

/// <summary>
/// Trains a <see cref="PcaModel"/> with ML.NET's RandomizedPca on feature windows: standardizes each feature by its
/// median and MAD, fits the components with a fixed seed (the same windows in the same order give the same model),
/// then measures the variance along each component and outside them, and sets the threshold at a high quantile of
/// the training windows' own scores times a margin.
/// </summary>
public static class PcaTrainer
{
    /// <summary>Lowest spread a feature is divided by: features that are almost always zero (script clients, errors) stay finite.</summary>
    private const float MinScale = 0.05f;

    public static (PcaModel Model, PcaTrainingSummary Summary) Train(
        uint id, IReadOnlyList<float[]> windows, IReadOnlyList<string> featureNames, PcaTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(options);
        var d = featureNames.Count;
        if (windows.Count < options.MinWindows)
        {
            throw new InvalidOperationException($"Training needs at least {options.MinWindows} feature windows; the store holds {windows.Count}. Replay more days first.");
        }

        foreach (var w in windows)
        {
            if (w.Length != d)
            {
                throw new InvalidDataException($"A feature window has {w.Length} values; the model has {d} features.");
            }
        }

        var (center, scale) = Standardization(windows, d);
        var standardized = new float[windows.Count][];
        for (var n = 0; n < windows.Count; n++)
        {
            var z = new float[d];
            for (var i = 0; i < d; i++)
            {
                z[i] = (windows[n][i] - center[i]) / scale[i];
            }

            standardized[n] = z;
        }

        var rank = Math.Min(options.Rank, d - 1);
        var ml = new MLContext(seed: options.Seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        var data = ml.Data.LoadFromEnumerable(standardized.Select(z => new Row { Features = z }), schema);
        var trainer = ml.AnomalyDetection.Trainers.RandomizedPca(new RandomizedPcaTrainer.Options
        {
            FeatureColumnName = nameof(Row.Features),
            Rank = rank,
            Seed = options.Seed,
            EnsureZeroMean = true,
        });
        var fitted = trainer.Fit(data);
        var parameters = fitted.Model;
        VBuffer<float>[] vectors = [];
        parameters.GetEigenVectors(ref vectors, out var gotRank);
        VBuffer<float> meanBuffer = default;
        parameters.GetMean(ref meanBuffer);
        var mean = meanBuffer.DenseValues().ToArray();
        if (mean.Length != d)
        {
            mean = new float[d];
        }

        var components = new float[gotRank * d];
        for (var k = 0; k < gotRank; k++)
        {
            var values = vectors[k].DenseValues().ToArray();
            values.CopyTo(components, k * d);
        }

        // Variance along each component and outside them, measured on the training windows.
        var variances = new double[gotRank];
        var residual = 0.0;
        foreach (var z in standardized)
        {
            var total = 0.0;
            var inside = 0.0;
            for (var i = 0; i < d; i++)
            {
                var c = z[i] - mean[i];
                total += c * c;
            }

            for (var k = 0; k < gotRank; k++)
            {
                var p = 0.0;
                for (var i = 0; i < d; i++)
                {
                    p += components[(k * d) + i] * (z[i] - mean[i]);
                }

                variances[k] += p * p;
                inside += p * p;
            }

            residual += Math.Max(total - inside, 0);
        }

        var count = standardized.Length;
        var variance = variances.Select(v => (float)Math.Max(v / count, 1e-4)).ToArray();
        var residualVariance = (float)Math.Max(residual / count, 1e-4);
        var draft = new PcaModel(id, [.. featureNames], center, scale, mean, components, variance, residualVariance, double.PositiveInfinity);
        var scores = new double[count];
        var work = new float[d];
        for (var n = 0; n < count; n++)
        {
            scores[n] = draft.Score(windows[n], work);
        }

        Array.Sort(scores);
        var quantile = scores[Math.Min(count - 1, (int)Math.Floor(options.ThresholdQuantile * count))];
        var threshold = quantile * options.ThresholdMargin;
        var model = new PcaModel(id, [.. featureNames], center, scale, mean, components, variance, residualVariance, threshold);
        var explained = variance.Sum() / (variance.Sum() + residualVariance);
        return (model, new PcaTrainingSummary(gotRank, count, explained, quantile, threshold, options.Seed));
    }

    private static (float[] Center, float[] Scale) Standardization(IReadOnlyList<float[]> windows, int d)
    {
        var center = new float[d];
        var scale = new float[d];
        var column = new double[windows.Count];
        for (var i = 0; i < d; i++)
        {
            for (var n = 0; n < windows.Count; n++)
            {
                column[n] = windows[n][i];
            }

            var median = Baselines.RobustStats.Median(column);
            var mad = Baselines.RobustStats.Mad(column, median);
            center[i] = (float)median;
            scale[i] = Math.Max((float)(Baselines.RobustStats.MadToSigma * mad), MinScale);
        }

        return (center, scale);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }
}
