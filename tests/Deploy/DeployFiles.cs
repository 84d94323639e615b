using System.Text.RegularExpressions;
using LogSentinel.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace LogSentinel.Tests.Deploy;

/// <summary>Reads the files under <c>deploy/</c> and the documents that describe settings.</summary>
internal static partial class DeployFiles
{
    public static string Root => Path.Combine(RepositoryPaths.Root, "deploy");

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath));

    public static IEnumerable<string> YamlFiles() =>
        Directory.EnumerateFiles(Root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Every document of a YAML file, with merge keys (<c>&lt;&lt;: *anchor</c>) resolved as compose resolves them.</summary>
    public static List<Dictionary<object, object>> LoadYaml(string path)
    {
        var deserializer = new DeserializerBuilder().Build();
        using var reader = new StringReader(File.ReadAllText(path));
        var parser = new MergingParser(new Parser(reader));
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = deserializer.Deserialize<Dictionary<object, object>?>(parser);
            if (document is not null)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    public static Dictionary<object, object> Map(object? node, string what) =>
        node as Dictionary<object, object> ?? throw new InvalidDataException($"{what} is not a mapping.");

    public static List<object> List(object? node, string what) =>
        node as List<object> ?? throw new InvalidDataException($"{what} is not a list.");

    /// <summary><c>LOGSENTINEL_STORE__SERVER__HOST</c> as the configuration key <c>STORE:SERVER:HOST</c>; null for other variables.</summary>
    public static string? SettingKey(string environmentVariable) =>
        environmentVariable.StartsWith("LOGSENTINEL_", StringComparison.Ordinal)
            ? environmentVariable["LOGSENTINEL_".Length..].Replace("__", ":", StringComparison.Ordinal)
            : null;

    /// <summary>
    /// The setting keys README.md and docs/operations.md document (backticked <c>Section:Key</c>, with
    /// <c>&lt;placeholder&gt;</c> segments matching any name), as patterns.
    /// </summary>
    public static IReadOnlyList<Regex> DocumentedSettings()
    {
        var text = Read("README.md") + "\n" + Read("docs/operations.md");
        return DocumentedKey().Matches(text)
            .Select(m => m.Groups["key"].Value)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(key => new Regex(
                "^" + string.Join(":", key.Split(':').Select(s => s.StartsWith('<') ? "[^:]+" : Regex.Escape(s))) + "$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            .ToList();
    }

    /// <summary>Fills compose's <c>${NAME}</c>, <c>${NAME:-default}</c> and <c>${NAME:?error}</c> from <paramref name="values"/>.</summary>
    public static string Interpolate(string text, IReadOnlyDictionary<string, string> values) =>
        ComposeVariable().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            if (values.TryGetValue(name, out var value))
            {
                return value;
            }

            return m.Groups["op"].Value == ":-" ? m.Groups["arg"].Value : throw new InvalidDataException($"compose variable {name} has no value and no default");
        });

    [GeneratedRegex(@"`(?<key>[A-Z][A-Za-z]+(?::(?:[A-Za-z][A-Za-z0-9]*|<[a-z]+>))+)`")]
    private static partial Regex DocumentedKey();

    [GeneratedRegex(@"\$\{(?<name>[A-Z_][A-Z0-9_]*)(?:(?<op>:-|:\?)(?<arg>[^}]*))?\}")]
    private static partial Regex ComposeVariable();
}
