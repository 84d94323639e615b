namespace LogSentinel.Detect.Model;

/// <summary>
/// The models detection runs with, fixed for the whole run so replays are deterministic: at most one promoted model
/// (its scores can raise <c>unusual_volume</c> alerts) and any number in shadow (scored and recorded, never alerting).
/// </summary>
public sealed class BehaviourModels(PcaModel? promoted, IReadOnlyList<PcaModel> shadow)
{
    /// <summary>No model: baseline scoring only.</summary>
    public static BehaviourModels None { get; } = new(null, []);

    public PcaModel? Promoted { get; } = promoted;

    public IReadOnlyList<PcaModel> Shadow { get; } = shadow;
}
