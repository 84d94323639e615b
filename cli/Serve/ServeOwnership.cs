using System.Diagnostics;
using System.Text.Json;

namespace LogSentinel.Cli.Serve;

/// <summary>
/// The file a serving process (<c>serve</c>, <c>run</c>, <c>demo</c>) leaves in the embedded data directory it owns:
/// its URL, a key of its local administrator and the database it serves. Only the owner may read it (mode 600), so
/// only the same operating-system user can work through the running process.
/// </summary>
internal sealed record ServeOwnership(string Url, string Key, int ProcessId, string Database = "")
{
    public const string FileName = "serve.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string PathIn(string dataDir) => Path.Combine(Path.GetFullPath(dataDir), FileName);

    public void Write(string dataDir)
    {
        var path = PathIn(dataDir);
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, fileOptions))
        {
            JsonSerializer.Serialize(stream, this, Json);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The ownership file of a live process, or null (no file, unreadable, or its process is gone).</summary>
    public static ServeOwnership? Read(string dataDir)
    {
        var path = PathIn(dataDir);
        if (!File.Exists(path))
        {
            return null;
        }

        ServeOwnership? owner;
        try
        {
            owner = JsonSerializer.Deserialize<ServeOwnership>(File.ReadAllText(path), Json);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return owner is not null && IsAlive(owner.ProcessId) ? owner : null;
    }

    public static void Remove(string dataDir, int processId)
    {
        var owner = Read(dataDir);
        if (owner is null || owner.ProcessId == processId)
        {
            File.Delete(PathIn(dataDir));
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
