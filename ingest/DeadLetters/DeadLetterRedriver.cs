using System.Globalization;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Store.DeadLetters;
using Polly;

namespace LogSentinel.Ingest.DeadLetters;

/// <summary>
/// Parses dead letters again, typically after a parser fix or a configuration change: the original line is
/// unsealed and goes through the pipeline as if it had just arrived. Those that parse now are stored and retired;
/// the others stay listed with the outcome recorded.
/// </summary>
public sealed class DeadLetterRedriver(IngestPipeline pipeline, IDeadLetterStore deadLetters, DeadLetterSealer sealer, ResiliencePipeline retry, TimeProvider time)
{
    public async Task<RedriveSummary> RedriveAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var letters = await deadLetters.ListAsync(query with { IncludeRedriven = false }, cancellationToken).ConfigureAwait(false);
        var batch = new IngestBatch(Math.Max(1, letters.Count));
        var outcomes = new List<DeadLetterRedrive>(letters.Count);
        var sources = new Dictionary<string, LineSource>(StringComparer.Ordinal);
        var ingested = 0;
        foreach (var letter in letters)
        {
            if (!LogFormats.TryParse(letter.Format, out var format) || format == LogFormat.Unknown)
            {
                outcomes.Add(new DeadLetterRedrive(letter.Id, time.GetUtcNow().UtcDateTime, DeadLetterRedrive.StillFailing, $"unknown format '{letter.Format}'"));
                continue;
            }

            byte[] line;
            try
            {
                line = sealer.Open(letter.Sealed);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                outcomes.Add(new DeadLetterRedrive(letter.Id, time.GetUtcNow().UtcDateTime, DeadLetterRedrive.StillFailing, "sealed with another key; cannot be re-driven"));
                continue;
            }

            if (!sources.TryGetValue(letter.Source, out var source))
            {
                source = new LineSource(letter.Source);
                sources[letter.Source] = source;
            }

            var before = batch.DeadLetterCount;
            pipeline.Add(line, OriginOf(letter, source, format), batch);
            var stillFailing = batch.DeadLetterCount > before;
            if (stillFailing)
            {
                // The same line at the same position is the same dead letter: do not store it twice.
                var again = batch.DeadLetters[^1];
                batch.DeadLetters.RemoveAt(batch.DeadLetters.Count - 1);
                outcomes.Add(new DeadLetterRedrive(letter.Id, time.GetUtcNow().UtcDateTime, DeadLetterRedrive.StillFailing, $"{again.Reason}: {again.Detail}"));
            }
            else
            {
                ingested++;
                outcomes.Add(new DeadLetterRedrive(letter.Id, time.GetUtcNow().UtcDateTime, DeadLetterRedrive.Ingested, string.Empty));
            }
        }

        if (batch.Lines > 0)
        {
            await pipeline.WriteAsync(batch, mayAlreadyBeStored: true, retry, cancellationToken).ConfigureAwait(false);
        }

        // Outcomes are recorded only after the events are stored, so a crash in between re-drives them again (and drops the duplicates).
        await deadLetters.RecordRedrivesAsync(outcomes, cancellationToken).ConfigureAwait(false);
        return new RedriveSummary(letters.Count, ingested, letters.Count - ingested);
    }

    private static LineOrigin OriginOf(DeadLetter letter, LineSource source, LogFormat format)
    {
        var position = letter.Position;
        if (position.StartsWith("line ", StringComparison.Ordinal)
            && long.TryParse(position.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var lineNumber))
        {
            return LineOrigin.FileLine(source, format, lineNumber);
        }

        var slash = position.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && int.TryParse(position.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
            && long.TryParse(position.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return LineOrigin.Message(source, format, partition, offset);
        }

        return LineOrigin.FileLine(source, format, 0);
    }
}

/// <summary>What a re-drive did.</summary>
public sealed record RedriveSummary(int Attempted, int Ingested, int StillFailing);
