using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace LogSentinel.Cli.Hosting;

/// <summary>
/// Builds the configuration the .NET way: appsettings.json defaults, then LOGSENTINEL_-prefixed environment
/// variables (LOGSENTINEL_STORE__TRANSPORT=Server), then command-line options, each overriding the one before.
/// </summary>
internal static class CliConfiguration
{
    public const string EnvironmentPrefix = "LOGSENTINEL_";

    public static IConfigurationRoot Build(ParseResult parse, IReadOnlyDictionary<string, string?>? commandOverrides = null)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false);

        var extraFile = parse.GetValue(GlobalOptions.ConfigFile);
        if (!string.IsNullOrEmpty(extraFile))
        {
            builder.AddJsonFile(Path.GetFullPath(extraFile), optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);

        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in parse.GetValue(GlobalOptions.Settings) ?? [])
        {
            var eq = setting.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ConfigurationException($"--setting '{setting}' is not KEY=VALUE (for example Store:Transport=Server).");
            }

            overrides[setting[..eq].Trim()] = setting[(eq + 1)..];
        }

        var dataDir = parse.GetValue(GlobalOptions.DataDir);
        if (!string.IsNullOrEmpty(dataDir))
        {
            overrides["Store:Embedded:DataDir"] = dataDir;
        }

        if (commandOverrides is not null)
        {
            foreach (var (key, value) in commandOverrides)
            {
                overrides[key] = value;
            }
        }

        builder.AddInMemoryCollection(overrides);
        return builder.Build();
    }
}
