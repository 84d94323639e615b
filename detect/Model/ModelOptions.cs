namespace LogSentinel.Detect.Model;

/// <summary>Anomaly models (<c>Model</c> section): training and the retraining schedule.</summary>
public sealed class ModelOptions
{
    public const string SectionName = "Model";

    /// <summary>
    /// Event time between automatic retrainings (default 7 days; <c>0</c> turns them off). After a replay, when the
    /// newest model was trained on windows ending more than this before the newest window, a new model is trained
    /// on the last <see cref="TrainingDays"/> and saved in shadow; it never raises alerts until promoted.
    /// </summary>
    public TimeSpan RetrainEvery { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Days of feature windows, back from the newest, a model trains on (default 28).</summary>
    public int TrainingDays { get; set; } = 28;

    /// <summary>How the principal components are trained.</summary>
    public PcaTrainingOptions Training { get; set; } = new();

    public void Validate()
    {
        DetectionOptions.Require(RetrainEvery >= TimeSpan.Zero, "Model:RetrainEvery must not be negative");
        DetectionOptions.Require(TrainingDays is >= 1 and <= 3660, "Model:TrainingDays must be between 1 and 3660");
        Training.Validate();
    }
}
