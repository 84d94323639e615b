using LogSentinel.Store.Configuration;
using Polly;
using Polly.Retry;

namespace LogSentinel.Store.Server;

/// <summary>The retry pipelines of the server transport: exponential backoff with jitter, on <see cref="TransientFailures"/> only.</summary>
internal static class ServerRetry
{
    /// <summary>No single wait grows beyond this, however many retries are configured.</summary>
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    public static ResiliencePipeline Create(ServerStoreOptions options, bool idempotent)
    {
        if (options.MaxRetries == 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMs),
                MaxDelay = MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } failure && TransientFailures.ShouldRetry(failure, idempotent, args.Context.CancellationToken)),
            })
            .Build();
    }
}
