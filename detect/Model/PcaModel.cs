using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogSentinel.Detect.Model;

/// <summary>
/// An anomaly model from a principal component analysis of standardized feature windows. RandomizedPca's own score
/// is scale-free and ranks bulk lookups poorly, so this scores with its components directly: the squared
/// Mahalanobis distance within the principal subspace (each component's projection over its variance) plus the
/// squared residual outside it over the residual variance. Scoring allocates nothing and reads only arrays.
/// </summary>
public sealed class PcaModel
{
    public PcaModel(uint id, string[] featureNames, float[] center, float[] scale, float[] mean, float[] components, float[] variances,
        float residualVariance, double threshold)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(variances);
        Id = id;
        FeatureNames = featureNames;
        Center = center;
        Scale = scale;
        Mean = mean;
        Components = components;
        Variances = variances;
        ResidualVariance = residualVariance;
        Threshold = threshold;
        Dimensions = featureNames.Length;
        Rank = variances.Length;
        if (center.Length != Dimensions || scale.Length != Dimensions || mean.Length != Dimensions || components.Length != Rank * Dimensions)
        {
            throw new InvalidDataException("The model's arrays do not fit its feature count and rank.");
        }
    }

    public uint Id { get; }

    public string[] FeatureNames { get; }

    /// <summary>Per feature: the training median, subtracted before scaling.</summary>
    public float[] Center { get; }

    /// <summary>Per feature: the robust spread (1.4826 MAD, floored) the centred value is divided by.</summary>
    public float[] Scale { get; }

    /// <summary>Mean of the standardized training windows (ML.NET's).</summary>
    public float[] Mean { get; }

    /// <summary>Principal components (ML.NET's eigenvectors), row-major: <see cref="Rank"/> rows of <see cref="Dimensions"/>.</summary>
    public float[] Components { get; }

    /// <summary>Variance of the training windows along each component.</summary>
    public float[] Variances { get; }

    /// <summary>Mean squared residual of the training windows outside the principal subspace.</summary>
    public float ResidualVariance { get; }

    /// <summary>Scores at or above this are anomalous (a high quantile of the training scores times a margin).</summary>
    public double Threshold { get; }

    public int Dimensions { get; }

    public int Rank { get; }

    /// <summary>The window's score; <paramref name="standardized"/> (length <see cref="Dimensions"/>) receives each feature's standardized deviation.</summary>
    public double Score(ReadOnlySpan<float> features, Span<float> standardized)
    {
        var d = Dimensions;
        var total = 0f;
        for (var i = 0; i < d; i++)
        {
            var z = ((features[i] - Center[i]) / Scale[i]) - Mean[i];
            standardized[i] = z;
            total += z * z;
        }

        var inside = 0f;
        var distance = 0f;
        var components = Components.AsSpan();
        for (var k = 0; k < Rank; k++)
        {
            var row = components.Slice(k * d, d);
            var projection = 0f;
            for (var i = 0; i < d; i++)
            {
                projection += row[i] * standardized[i];
            }

            var squared = projection * projection;
            inside += squared;
            distance += squared / Variances[k];
        }

        var residual = MathF.Max(total - inside, 0f);
        return distance + (residual / ResidualVariance);
    }

    /// <summary>The value of feature <paramref name="i"/> a typical training window has.</summary>
    public double Expected(int i) => Center[i] + (Mean[i] * Scale[i]);

    public string ToJson() => JsonSerializer.Serialize(
        new Parameters(FeatureNames, Center, Scale, Mean, Components, Variances, ResidualVariance, Threshold), ParametersContext.Default.Parameters);

    /// <summary>Reads <see cref="ToJson"/>'s output; throws <see cref="InvalidDataException"/> when it does not describe a model.</summary>
    public static PcaModel FromJson(uint id, string json)
    {
        Parameters? p;
        try
        {
            p = JsonSerializer.Deserialize(json, ParametersContext.Default.Parameters);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Model {id}: its parameters are not valid JSON ({ex.Message}).", ex);
        }

        if (p is null)
        {
            throw new InvalidDataException($"Model {id} has no parameters.");
        }

        return new PcaModel(id, p.Features, p.Center, p.Scale, p.Mean, p.Components, p.Variances, p.ResidualVariance, p.Threshold);
    }

    internal sealed record Parameters(
        string[] Features, float[] Center, float[] Scale, float[] Mean, float[] Components, float[] Variances, float ResidualVariance, double Threshold);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PcaModel.Parameters))]
internal sealed partial class ParametersContext : JsonSerializerContext;
