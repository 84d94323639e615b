using LogSentinel.Detect.Evaluation;
using LogSentinel.Store.Models;

namespace LogSentinel.Detect.Model;

/// <summary>How a model scores the stored windows: how many pass its threshold and, with labels, how well it ranks labelled windows.</summary>
/// <param name="Windows">Windows scored.</param>
/// <param name="OverThreshold">Windows at or above the threshold.</param>
/// <param name="LabelledWindows">Windows of a labelled entity on a day its label covers (0 without labels).</param>
/// <param name="LabelledOverThreshold">Of those, the ones at or above the threshold.</param>
/// <param name="Auc">Probability that a labelled window scores above an unlabelled one (NaN without both kinds).</param>
/// <param name="Top">The highest-scoring windows, highest first.</param>
public sealed record ModelEvaluation(int Windows, int OverThreshold, int LabelledWindows, int LabelledOverThreshold, double Auc, IReadOnlyList<ScoredWindow> Top)
{
    /// <summary>Scores the windows with the model; a window is labelled when a label names its entity and overlaps its day.</summary>
    public static ModelEvaluation Evaluate(PcaModel model, IReadOnlyList<ModelWindowRecord> windows, IReadOnlyList<EvaluationLabel> labels, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(labels);
        var work = new float[model.Dimensions];
        var scored = new List<(double Score, bool Labelled, ModelWindowRecord Window)>(windows.Count);
        foreach (var w in windows)
        {
            var score = model.Score(w.Features, work);
            var end = w.WindowStart.AddDays(1);
            var labelled = false;
            foreach (var l in labels)
            {
                if (l.EntityKind == w.EntityKind && l.Entity == w.Entity && l.Start.UtcDateTime < end && l.End.UtcDateTime >= w.WindowStart)
                {
                    labelled = true;
                    break;
                }
            }

            scored.Add((score, labelled, w));
        }

        var positives = scored.Count(s => s.Labelled);
        var negatives = scored.Count - positives;
        var auc = double.NaN;
        if (positives > 0 && negatives > 0)
        {
            // Mann-Whitney: average rank of the positives, ties sharing their rank.
            var ordered = scored.OrderBy(s => s.Score).ToList();
            var rankSum = 0.0;
            for (var i = 0; i < ordered.Count;)
            {
                var j = i;
                while (j < ordered.Count && ordered[j].Score == ordered[i].Score)
                {
                    j++;
                }

                var rank = (i + j + 1) / 2.0;
                for (var k = i; k < j; k++)
                {
                    if (ordered[k].Labelled)
                    {
                        rankSum += rank;
                    }
                }

                i = j;
            }

            auc = (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
        }

        return new ModelEvaluation(scored.Count, scored.Count(s => s.Score >= model.Threshold), positives,
            scored.Count(s => s.Labelled && s.Score >= model.Threshold), auc,
            [.. scored.OrderByDescending(s => s.Score).Take(top).Select(s => new ScoredWindow(s.Window.EntityKind, s.Window.Entity, s.Window.WindowStart, s.Score, s.Labelled))]);
    }
}

/// <summary>One window and its score.</summary>
public sealed record ScoredWindow(string EntityKind, string Entity, DateTime WindowStart, double Score, bool Labelled);
