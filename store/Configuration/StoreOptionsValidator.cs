using Microsoft.Extensions.Options;

namespace LogSentinel.Store.Configuration;

/// <summary>Checks store settings at start; each failure names the configuration key and what it should be.</summary>
public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!SqlIdentifier.IsValid(options.Database))
        {
            failures.Add($"Store:Database '{options.Database}' is not a valid database name (letters, digits and _ only, not starting with a digit).");
        }

        if (options.RetentionDays is < 1 or > 20000)
        {
            failures.Add($"Store:RetentionDays must be between 1 and 20000 days; it is {options.RetentionDays}.");
        }

        if (options.Transport == StoreTransport.Embedded && string.IsNullOrWhiteSpace(options.Embedded.DataDir))
        {
            failures.Add("Store:Embedded:DataDir is empty; give the directory for the embedded store's data (default ./data).");
        }

        if (options.Transport == StoreTransport.Server)
        {
            var server = options.Server;
            if (string.IsNullOrWhiteSpace(server.Host))
            {
                failures.Add("Store:Server:Host is empty; give the ClickHouse server's host name.");
            }

            if (server.Port is < 1 or > 65535)
            {
                failures.Add($"Store:Server:Port must be between 1 and 65535; it is {server.Port}.");
            }

            if (server.ConnectTimeoutSeconds < 1)
            {
                failures.Add($"Store:Server:ConnectTimeoutSeconds must be at least 1; it is {server.ConnectTimeoutSeconds}.");
            }

            if (server.QueryTimeoutSeconds < 1)
            {
                failures.Add($"Store:Server:QueryTimeoutSeconds must be at least 1; it is {server.QueryTimeoutSeconds}.");
            }

            if (server.MaxRetries is < 0 or > 20)
            {
                failures.Add($"Store:Server:MaxRetries must be between 0 and 20; it is {server.MaxRetries}.");
            }

            if (server.RetryBaseDelayMs is < 0 or > 60000)
            {
                failures.Add($"Store:Server:RetryBaseDelayMs must be between 0 and 60000; it is {server.RetryBaseDelayMs}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
