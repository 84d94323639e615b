using System.Reflection;

namespace LogSentinel.Tests.Infrastructure;

/// <summary>Where the repository and the built executable are, seen from the test assembly.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The <c>logsentinel</c> executable built in the same configuration as these tests.</summary>
    public static string CliAssembly
    {
        get
        {
            var configuration = typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Path.Combine(Root, "cli", "bin", configuration, "net10.0", "logsentinel.dll");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LogSentinel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No LogSentinel.sln above {AppContext.BaseDirectory}.");
    }
}
