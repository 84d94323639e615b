using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Deploy;

/// <summary>
/// No Docker daemon runs where the tests run, so the image is checked by reading deploy/Dockerfile against the
/// repository: it builds what the README documents, with the SDK global.json pins, and copies every project the
/// executable needs before restoring.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = DeployFiles.Read("deploy/Dockerfile");
    private static readonly string Readme = DeployFiles.Read("README.md");

    /// <summary>The Dockerfile's instructions, continuation lines joined, comments dropped.</summary>
    private static List<string> Instructions() =>
        ContinuedLine().Replace(Dockerfile, " ")
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();

    /// <summary>Each <c>dotnet ...</c> command the build runs, whitespace collapsed.</summary>
    private static List<string> DotnetCommands() =>
        Instructions()
            .Where(i => i.StartsWith("RUN ", StringComparison.Ordinal))
            .SelectMany(i => i[4..].Split("&&"))
            .Select(c => Whitespace().Replace(MountFlag().Replace(c, string.Empty), " ").Trim())
            .Where(c => c.StartsWith("dotnet ", StringComparison.Ordinal))
            .ToList();

    [Fact]
    public void Dockerfile_EveryDotnetCommandItRunsIsTheOneTheReadmeDocuments()
    {
        var commands = DotnetCommands();

        Assert.Contains(commands, c => c.StartsWith("dotnet restore cli/LogSentinel.Cli.csproj", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("dotnet publish cli/LogSentinel.Cli.csproj -c Release", StringComparison.Ordinal));
        var readme = Whitespace().Replace(Readme, " ");
        Assert.All(commands, c => Assert.True(readme.Contains($"`{c}`", StringComparison.Ordinal), $"README.md does not show the image's build step `{c}`"));
    }

    [Fact]
    public void Dockerfile_BothVariantsAreTheReadmesBuildCommands()
    {
        var arguments = ArgInstruction().Matches(Dockerfile).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var builds = DockerBuild().Matches(Readme).Select(m => m.Value).ToList();

        Assert.Contains(builds, b => !b.Contains("SKIP_CHDB_FETCH", StringComparison.Ordinal));
        Assert.Contains(builds, b => b.Contains("--build-arg SKIP_CHDB_FETCH=true", StringComparison.Ordinal));
        Assert.All(builds, b =>
        {
            Assert.Contains("-f deploy/Dockerfile", b, StringComparison.Ordinal);
            Assert.All(BuildArgument().Matches(b), a => Assert.Contains(a.Groups["name"].Value, arguments));
        });

        // The switch is the store's own MSBuild property, documented for users who bring their own libchdb.
        Assert.Contains("-p:SkipChdbFetch=$SKIP_CHDB_FETCH", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("-p:SkipChdbFetch=true", Readme, StringComparison.Ordinal);
        Assert.Contains("'$(SkipChdbFetch)' != 'true'", DeployFiles.Read("store/Chdb.targets"), StringComparison.Ordinal);
        // npm is the fetch's prerequisite (README, Prerequisites), installed only when the library is fetched.
        Assert.Contains("Node.js with npm", Readme, StringComparison.Ordinal);
        Assert.Matches(@"if \[ ""\$SKIP_CHDB_FETCH"" != ""true"" \]; then\s*\\?\s*apt-get update && apt-get install -y --no-install-recommends nodejs npm", Dockerfile);
        // The library goes where the store looks for it when nothing is configured: beside the executable.
        Assert.Contains("cp {} /app/libchdb.so", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("then a copy beside the executable", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_UsesTheSdkGlobalJsonPinsAndRunsTheExecutableAsNonRoot()
    {
        using var globalJson = JsonDocument.Parse(DeployFiles.Read("global.json"));
        var sdk = globalJson.RootElement.GetProperty("sdk").GetProperty("version").GetString();
        var assemblyName = XDocument.Parse(DeployFiles.Read("cli/LogSentinel.Cli.csproj")).Descendants("AssemblyName").Single().Value;
        var instructions = Instructions();

        Assert.Contains($"ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:{sdk}", instructions);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{assemblyName}.dll\"]", instructions);
        var runtimeStage = instructions.SkipWhile(i => !i.StartsWith("FROM ${RUNTIME_IMAGE}", StringComparison.Ordinal)).ToList();
        var user = runtimeStage.FindIndex(i => i.StartsWith("USER ", StringComparison.Ordinal));
        Assert.True(user > 0, "the runtime stage has no USER");
        Assert.NotEqual("USER root", runtimeStage[user]);
        Assert.True(user < runtimeStage.FindIndex(i => i.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
    }

    [Fact]
    public void Dockerfile_CopiesEveryProjectTheExecutableReferencesBeforeRestoring()
    {
        var instructions = Instructions();
        var restore = instructions.FindIndex(i => i.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var copied = instructions.Take(restore)
            .Where(i => i.StartsWith("COPY ", StringComparison.Ordinal))
            .SelectMany(i => i[5..].Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var file in ProjectClosure("cli/LogSentinel.Cli.csproj"))
        {
            Assert.True(copied.Contains(file), $"deploy/Dockerfile restores before copying {file}");
        }

        Assert.Contains("Directory.Packages.props", copied);
        Assert.Contains("global.json", copied);
    }

    [Fact]
    public void DockerIgnore_KeepsBuildOutputsAndTheEngineCacheOutOfTheContext()
    {
        var ignored = DeployFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".cache/", ignored);
        Assert.Contains("data/", ignored);
    }

    /// <summary>A project file, the projects it references (recursively) and the files they import, relative to the repository.</summary>
    private static SortedSet<string> ProjectClosure(string project)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!files.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(current)!;
            var xml = XDocument.Parse(DeployFiles.Read(current));
            foreach (var reference in xml.Descendants("ProjectReference").Select(r => r.Attribute("Include")!.Value))
            {
                pending.Push(Relative(directory, reference));
            }

            foreach (var import in xml.Descendants("Import").Select(r => r.Attribute("Project")!.Value))
            {
                files.Add(Relative(directory, import));
            }
        }

        return files;
    }

    private static string Relative(string directory, string path) =>
        Path.GetRelativePath(RepositoryPaths.Root, Path.GetFullPath(Path.Combine(RepositoryPaths.Root, directory, path))).Replace('\\', '/');

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuedLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"--mount=\S+")]
    private static partial Regex MountFlag();

    [GeneratedRegex(@"^ARG (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex ArgInstruction();

    [GeneratedRegex(@"docker build [^\n`]*")]
    private static partial Regex DockerBuild();

    [GeneratedRegex(@"--build-arg (?<name>\w+)=")]
    private static partial Regex BuildArgument();
}
