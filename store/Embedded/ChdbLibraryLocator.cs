using System.Reflection;

namespace LogSentinel.Store.Embedded;

/// <summary>Finds libchdb.so: the configured path, LOGSENTINEL_CHDB_LIBRARY, a copy beside the executable, then the build's cached copy.</summary>
internal static class ChdbLibraryLocator
{
    public const string EnvironmentVariable = "LOGSENTINEL_CHDB_LIBRARY";
    private const string FileName = "libchdb.so";

    public static string Locate(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return configuredPath;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(beside))
        {
            return beside;
        }

        var fromBuild = typeof(ChdbLibraryLocator).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ChdbLibraryPath")?.Value;
        return string.IsNullOrWhiteSpace(fromBuild) ? beside : fromBuild;
    }
}
