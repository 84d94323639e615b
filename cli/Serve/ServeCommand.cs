using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using LogSentinel.Cli.Hosting;
using LogSentinel.Cli.Ingest;
using LogSentinel.Cli.Telemetry;
using LogSentinel.Ingest.Privacy;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store;
using LogSentinel.Store.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace LogSentinel.Cli.Serve;

/// <summary>
/// <c>logsentinel serve [--urls URLS]</c>: the query API and the analyst console over the store, until Ctrl-C or
/// SIGTERM. On the embedded store it leaves <see cref="ServeOwnership"/> in the data directory (see <see cref="OwnedApi"/>)
/// so other commands can work through it while it holds the directory.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default http://127.0.0.1:8080; same as Api:Urls); several separated by ';'." };
        var command = new Command("serve", "Serve the query API and the analyst console.");
        command.Options.Add(urls);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = ReadOptions(parse, parse.GetValue(urls));
            var storeOptions = StoreOpener.ReadOptions(parse);
            var telemetry = ReadTelemetry(parse);

            // ASP.NET Core's own meters and activities: request durations, active connections, rate-limit rejections, request traces.
            using var metrics = MetricsExport.Start(telemetry, "serve", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting");
            using var traces = MetricsExport.StartTraces(telemetry, "serve", "Microsoft.AspNetCore");
            await using var store = StoreFactory.Open(storeOptions);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            // Reference uploads naming citizen-id accounts are pseudonymized with the deployment's key, as ref load does.
            var key = IngestRuntime.ResolvePseudonymKey(parse, out var ingestOptions);
            using var pseudonymizer = new CitizenIdPseudonymizer(key, ingestOptions.Pseudonymization.UseNativeSha256);
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
            await using var api = await OwnedApi.StartAsync(parse, store, storeOptions, options, LocalAdminToken.Create(), pseudonymizer, cancellationToken).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;

            // The daily report runs inside serve on Report:Schedule (default 06:00 local) for the day before.
            using var reportStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var scheduler = Report.ReportSettings.CreateScheduler(parse, store);
            var reports = scheduler.RunAsync(reportStop.Token);
            await output.WriteLineAsync($"LogSentinel is serving the API and console on {string.Join(", ", api.Urls)} ({store.Description.Transport} store, database {store.Description.Database}). Ctrl-C stops.").ConfigureAwait(false);
            if (scheduler.NextRun(DateTimeOffset.UtcNow) is { } next)
            {
                await output.WriteLineAsync(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"Next daily report at {next.ToOffset(TimeSpan.FromHours(7)):yyyy-MM-dd HH:mm} +07 (Report:Schedule).")).ConfigureAwait(false);
            }

            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await api.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await reportStop.CancelAsync().ConfigureAwait(false);
                await reports.ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static TelemetryOptions ReadTelemetry(ParseResult parse)
    {
        var telemetry = new TelemetryOptions();
        CliConfiguration.Build(parse).GetSection(TelemetryOptions.SectionName).Bind(telemetry);
        try
        {
            telemetry.Validate();
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message);
        }

        return telemetry;
    }

    public static ApiOptions ReadOptions(ParseResult parse, string? urls)
    {
        var overrides = urls is null ? null : new Dictionary<string, string?> { ["Api:Urls"] = urls };
        var configuration = CliConfiguration.Build(parse, overrides);
        var options = new ApiOptions();
        try
        {
            configuration.GetSection(ApiOptions.SectionName).Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException($"Invalid setting in section '{ApiOptions.SectionName}': {ex.Message}");
        }

        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new ConfigurationException(string.Join("; ", problems.Select(p => $"Api:{string.Join(",", p.MemberNames)}: {p.ErrorMessage}")));
        }

        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new ConfigurationException($"Api:Urls: '{url}' is not an http:// or https:// URL.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.Jwt.SigningKeyFile))
        {
            if (string.IsNullOrWhiteSpace(options.Jwt.Issuer))
            {
                throw new ConfigurationException("Api:Jwt:Issuer is required with Api:Jwt:SigningKeyFile: tokens are checked against the issuer it names.");
            }

            try
            {
                _ = options.Jwt.LoadSigningKey();
            }
            catch (InvalidOperationException ex)
            {
                throw new ConfigurationException(ex.Message);
            }
        }
        else if (options.Jwt.Enabled && !Uri.TryCreate(options.Jwt.Authority, UriKind.Absolute, out _))
        {
            throw new ConfigurationException($"Api:Jwt:Authority: '{options.Jwt.Authority}' is not an absolute URL.");
        }

        return options;
    }
}
