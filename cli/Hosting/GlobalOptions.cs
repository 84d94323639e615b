using System.CommandLine;

namespace LogSentinel.Cli.Hosting;

/// <summary>Options every role understands; they override appsettings.json and LOGSENTINEL_ environment variables.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "Data directory of the embedded store (default: ./data). Same as Store:Embedded:DataDir.",
        Recursive = true,
    };

    public static readonly Option<string[]> Settings = new("--setting", "-s")
    {
        Description = "Override any setting, e.g. -s Store:Transport=Server (repeatable).",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string?> ConfigFile = new("--config")
    {
        Description = "An extra JSON settings file, read after appsettings.json.",
        Recursive = true,
    };
}
