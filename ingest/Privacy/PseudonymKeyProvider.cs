using System.Security.Cryptography;

namespace LogSentinel.Ingest.Privacy;

/// <summary>
/// Where the pseudonymization key comes from: the configured <c>Ingest:Pseudonymization:Key</c>, or — for the
/// embedded store only — a key generated once into the data directory, readable by its owner alone. A server
/// deployment must configure the key: ingest processes on several machines have to share it.
/// </summary>
public static class PseudonymKeyProvider
{
    public const string KeyFileName = "pseudonymization.key";

    /// <summary>The key bytes. <paramref name="embeddedDataDir"/> is null for a server store.</summary>
    public static byte[] Resolve(PseudonymizationOptions options, string? embeddedDataDir)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            return options.DecodeKey();
        }

        if (embeddedDataDir is null)
        {
            throw new InvalidOperationException(
                $"{PseudonymizationOptions.SectionName}:Key must be set when the store is a ClickHouse server: every ingest process needs the same key. " +
                "Generate one with `openssl rand -base64 32` and pass it as LOGSENTINEL_INGEST__PSEUDONYMIZATION__KEY.");
        }

        Directory.CreateDirectory(embeddedDataDir);
        var path = Path.Combine(embeddedDataDir, KeyFileName);
        if (!File.Exists(path))
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var stream = new FileStream(path, fileOptions);
                using var writer = new StreamWriter(stream);
                writer.Write(Convert.ToBase64String(key));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }

        return new PseudonymizationOptions { Key = File.ReadAllText(path).Trim() }.DecodeKey();
    }
}
