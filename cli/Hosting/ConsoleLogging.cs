using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LogSentinel.Cli.Hosting;

/// <summary>Logging of the long-running roles, filtered by the <c>Logging</c> section.</summary>
internal static class ConsoleLogging
{
    /// <summary>One line per entry on standard error; standard output keeps the status lines.</summary>
    public static ILoggerFactory Create(IConfiguration configuration) => LoggerFactory.Create(builder => builder
        .AddConfiguration(configuration.GetSection("Logging"))
        .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
        .AddSimpleConsole(console => console.SingleLine = true));
}
