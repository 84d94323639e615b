using System.Globalization;

namespace LogSentinel.Store.Embedded;

/// <summary>
/// An exclusive lock file in the data directory. The engine refuses a second process on the same path anyway;
/// this lock turns that into a message naming the process that holds it, and lets other commands find it.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "logsentinel.lock";

    /// <summary>Holds the owner's process id, readable while the lock file itself is locked.</summary>
    public const string OwnerFileName = "logsentinel.pid";

    private readonly FileStream _stream;

    private DataDirectoryLock(FileStream stream) => _stream = stream;

    public static DataDirectoryLock Acquire(string dataPath)
    {
        var path = Path.Combine(dataPath, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new StoreException(
                $"The data directory '{dataPath}' is in use by another LogSentinel process{DescribeHolder(dataPath)}. " +
                "Only one process can open an embedded store; stop it, use another --data-dir, or use a ClickHouse server.",
                inner: ex);
        }

        File.WriteAllText(Path.Combine(dataPath, OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new DataDirectoryLock(stream);
    }

    public void Dispose() => _stream.Dispose();

    private static string DescribeHolder(string dataPath)
    {
        try
        {
            var pid = File.ReadAllText(Path.Combine(dataPath, OwnerFileName)).Trim();
            return pid.Length > 0 ? $" (process {pid})" : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
