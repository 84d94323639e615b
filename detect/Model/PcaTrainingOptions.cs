namespace LogSentinel.Detect.Model;

/// <summary>How <see cref="PcaTrainer"/> trains (<c>Model:Training</c>).</summary>
public sealed class PcaTrainingOptions
{
    /// <summary>Principal components kept (default 5).</summary>
    public int Rank { get; set; } = 5;

    /// <summary>Seed of ML.NET and of the randomized decomposition, so training is repeatable (default 42).</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Quantile of the training windows' scores the threshold starts from (default 0.9995).</summary>
    public double ThresholdQuantile { get; set; } = 0.9995;

    /// <summary>
    /// Factor on that quantile (default 3): the threshold sits well beyond anything seen in training. With 2, a
    /// two-day gateway outage (every account's day full of server errors) passed it on a 2,000-account province.
    /// </summary>
    public double ThresholdMargin { get; set; } = 3;

    /// <summary>Fewest windows to train on (default 200).</summary>
    public int MinWindows { get; set; } = 200;

    public void Validate()
    {
        DetectionOptions.Require(Rank is >= 1 and <= 13, "Model:Training:Rank must be between 1 and 13");
        DetectionOptions.Require(ThresholdQuantile is > 0.5 and < 1, "Model:Training:ThresholdQuantile must be between 0.5 and 1");
        DetectionOptions.Require(ThresholdMargin >= 1, "Model:Training:ThresholdMargin must be at least 1");
        DetectionOptions.Require(MinWindows >= 10, "Model:Training:MinWindows must be at least 10");
    }
}
