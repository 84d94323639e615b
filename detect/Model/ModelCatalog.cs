using System.Globalization;
using System.Text.Json;
using LogSentinel.Store;
using LogSentinel.Store.Models;

namespace LogSentinel.Detect.Model;

/// <summary>
/// The models of one store: training from the stored feature windows (new models start in shadow), promotion (at most
/// one promoted; the previous one is retired), and the set detection runs with.
/// </summary>
public sealed class ModelCatalog(ILogStore store, TimeProvider time)
{
    public const string PcaKind = "pca";

    /// <summary>The promoted model and the models in shadow, as detection uses them.</summary>
    public async Task<BehaviourModels> LoadForDetectionAsync(CancellationToken cancellationToken)
    {
        var all = await store.Models.ListAsync(cancellationToken).ConfigureAwait(false);
        PcaModel? promoted = null;
        var shadow = new List<PcaModel>();
        foreach (var m in all)
        {
            if (m.Status == ModelStatuses.Promoted)
            {
                promoted = PcaModel.FromJson(m.ModelId, m.ParametersJson);
            }
            else if (m.Status == ModelStatuses.Shadow)
            {
                shadow.Add(PcaModel.FromJson(m.ModelId, m.ParametersJson));
            }
        }

        return new BehaviourModels(promoted, shadow);
    }

    /// <summary>Trains a model on the windows starting in [from, to) (all when null) and saves it in shadow.</summary>
    public async Task<(ModelRecord Record, PcaTrainingSummary Summary)> TrainAsync(DateTime? from, DateTime? to, PcaTrainingOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var windows = await store.Models.ReadWindowsAsync(from, to, cancellationToken).ConfigureAwait(false);
        var existing = await store.Models.ListAsync(cancellationToken).ConfigureAwait(false);
        var id = existing.Count == 0 ? 1u : existing.Max(m => m.ModelId) + 1;
        var vectors = windows.Select(w => w.Features).ToList();
        var (model, summary) = PcaTrainer.Train(id, vectors, BehaviourFeatures.Names, options);
        var record = new ModelRecord(id, PcaKind, ModelStatuses.Shadow, time.GetUtcNow().UtcDateTime,
            windows.Count == 0 ? DateTime.UnixEpoch : windows.Min(w => w.WindowStart), windows.Count == 0 ? DateTime.UnixEpoch : windows.Max(w => w.WindowStart),
            (ulong)windows.Count, model.ToJson(), SummaryJson(summary));
        await store.Models.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        return (record, summary);
    }

    /// <summary>
    /// The retraining schedule: trains a new shadow model when the newest model's training data ends more than
    /// <see cref="ModelOptions.RetrainEvery"/> before the newest stored window (or there is no model yet). Returns the new model, or null.
    /// </summary>
    public async Task<ModelRecord?> RetrainIfDueAsync(ModelOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.RetrainEvery <= TimeSpan.Zero)
        {
            return null;
        }

        var newest = await store.Models.ReadNewestWindowStartAsync(cancellationToken).ConfigureAwait(false);
        if (newest is null)
        {
            return null;
        }

        var models = await store.Models.ListAsync(cancellationToken).ConfigureAwait(false);
        var trainedTo = models.Count == 0 ? (DateTime?)null : models.Max(m => m.TrainedTo);
        if (trainedTo is not null && newest.Value - trainedTo.Value < options.RetrainEvery)
        {
            return null;
        }

        var from = newest.Value.AddDays(-options.TrainingDays + 1);
        var count = await store.Models.CountWindowsAsync(from, cancellationToken).ConfigureAwait(false);
        if (count < (ulong)options.Training.MinWindows)
        {
            return null;
        }

        var (record, _) = await TrainAsync(from, newest.Value.AddDays(1), options.Training, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>Promotes model <paramref name="id"/>; the model promoted before it is retired. Throws when there is no such model.</summary>
    public async Task<ModelRecord> PromoteAsync(uint id, CancellationToken cancellationToken)
    {
        var models = await store.Models.ListAsync(cancellationToken).ConfigureAwait(false);
        var target = models.FirstOrDefault(m => m.ModelId == id)
            ?? throw new InvalidDataException($"There is no model {id.ToString(CultureInfo.InvariantCulture)}; `logsentinel model list` shows the models.");
        foreach (var m in models)
        {
            if (m.Status == ModelStatuses.Promoted && m.ModelId != id)
            {
                await store.Models.SaveAsync(m with { Status = ModelStatuses.Retired }, cancellationToken).ConfigureAwait(false);
            }
        }

        var promoted = target with { Status = ModelStatuses.Promoted };
        await store.Models.SaveAsync(promoted, cancellationToken).ConfigureAwait(false);
        return promoted;
    }

    /// <summary>Adds a model exported from another store as a new shadow model with the next id here.</summary>
    public async Task<ModelRecord> ImportAsync(ModelRecord exported, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exported);
        _ = PcaModel.FromJson(exported.ModelId, exported.ParametersJson);
        var existing = await store.Models.ListAsync(cancellationToken).ConfigureAwait(false);
        var id = existing.Count == 0 ? 1u : existing.Max(m => m.ModelId) + 1;
        var record = exported with { ModelId = id, Status = ModelStatuses.Shadow };
        await store.Models.SaveAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    private static string SummaryJson(PcaTrainingSummary s) => JsonSerializer.Serialize(new Dictionary<string, double>
    {
        ["rank"] = s.Rank,
        ["windows"] = s.Windows,
        ["explained_variance"] = Math.Round(s.ExplainedVariance, 4),
        ["quantile_score"] = Math.Round(s.QuantileScore, 3),
        ["threshold"] = Math.Round(s.Threshold, 3),
        ["seed"] = s.Seed,
    });
}
