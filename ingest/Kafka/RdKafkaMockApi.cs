using System.Runtime.InteropServices;

namespace LogSentinel.Ingest.Kafka;

/// <summary>
/// The librdkafka functions the mock cluster needs, bound by name from the library the Confluent.Kafka package
/// ships. The library stays loaded for the life of the process (Confluent.Kafka loads the same file).
/// </summary>
internal sealed unsafe class RdKafkaMockApi
{
    private static readonly Lazy<RdKafkaMockApi> Shared = new(LoadCore);

    private RdKafkaMockApi(string path, IntPtr library)
    {
        Path = path;
        ConfNew = (delegate* unmanaged<IntPtr>)Export(library, "rd_kafka_conf_new");
        ConfSet = (delegate* unmanaged<IntPtr, byte*, byte*, byte*, nuint, int>)Export(library, "rd_kafka_conf_set");
        ConfDestroy = (delegate* unmanaged<IntPtr, void>)Export(library, "rd_kafka_conf_destroy");
        New = (delegate* unmanaged<int, IntPtr, byte*, nuint, IntPtr>)Export(library, "rd_kafka_new");
        Destroy = (delegate* unmanaged<IntPtr, void>)Export(library, "rd_kafka_destroy");
        ErrorText = (delegate* unmanaged<int, IntPtr>)Export(library, "rd_kafka_err2str");
        MockClusterNew = (delegate* unmanaged<IntPtr, int, IntPtr>)Export(library, "rd_kafka_mock_cluster_new");
        MockClusterDestroy = (delegate* unmanaged<IntPtr, void>)Export(library, "rd_kafka_mock_cluster_destroy");
        MockClusterBootstraps = (delegate* unmanaged<IntPtr, IntPtr>)Export(library, "rd_kafka_mock_cluster_bootstraps");
        MockTopicCreate = (delegate* unmanaged<IntPtr, byte*, int, int, int>)Export(library, "rd_kafka_mock_topic_create");
        MockGroupInitialRebalanceDelayMs = (delegate* unmanaged<IntPtr, int, void>)Export(library, "rd_kafka_mock_group_initial_rebalance_delay_ms");
    }

    public string Path { get; }

    public delegate* unmanaged<IntPtr> ConfNew { get; }

    public delegate* unmanaged<IntPtr, byte*, byte*, byte*, nuint, int> ConfSet { get; }

    public delegate* unmanaged<IntPtr, void> ConfDestroy { get; }

    public delegate* unmanaged<int, IntPtr, byte*, nuint, IntPtr> New { get; }

    public delegate* unmanaged<IntPtr, void> Destroy { get; }

    public delegate* unmanaged<int, IntPtr> ErrorText { get; }

    public delegate* unmanaged<IntPtr, int, IntPtr> MockClusterNew { get; }

    public delegate* unmanaged<IntPtr, void> MockClusterDestroy { get; }

    public delegate* unmanaged<IntPtr, IntPtr> MockClusterBootstraps { get; }

    public delegate* unmanaged<IntPtr, byte*, int, int, int> MockTopicCreate { get; }

    public delegate* unmanaged<IntPtr, int, void> MockGroupInitialRebalanceDelayMs { get; }

    /// <summary>The bound API; loads the library on first use.</summary>
    /// <exception cref="InvalidOperationException">No usable librdkafka beside the application.</exception>
    public static RdKafkaMockApi Load() => Shared.Value;

    /// <summary>
    /// Where to look, best first. On glibc Linux the package's CentOS 8 build is self-contained; its generic build
    /// needs libsasl2.so.3, which many distributions (Debian 12 among them) lack. A RID-specific publish flattens
    /// the runtimes folder, so the application directory itself is searched too.
    /// </summary>
    internal static IReadOnlyList<string> Candidates(string baseDirectory)
    {
        var native = System.IO.Path.Combine(baseDirectory, "runtimes", RuntimeFolder(), "native");
        return
        [
            System.IO.Path.Combine(native, "centos8-librdkafka.so"),
            System.IO.Path.Combine(native, "librdkafka.so"),
            System.IO.Path.Combine(baseDirectory, "centos8-librdkafka.so"),
            System.IO.Path.Combine(baseDirectory, "librdkafka.so"),
        ];
    }

    private static RdKafkaMockApi LoadCore()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new InvalidOperationException("The in-process Kafka cluster is supported on Linux only.");
        }

        var failures = new List<string>();
        foreach (var candidate in Candidates(AppContext.BaseDirectory))
        {
            if (!File.Exists(candidate))
            {
                failures.Add($"{candidate}: not found");
                continue;
            }

            if (NativeLibrary.TryLoad(candidate, out var library))
            {
                if (NativeLibrary.TryGetExport(library, "rd_kafka_mock_cluster_new", out _))
                {
                    return new RdKafkaMockApi(candidate, library);
                }

                failures.Add($"{candidate}: has no mock cluster (rd_kafka_mock_cluster_new)");
                continue;
            }

            failures.Add($"{candidate}: could not be loaded (missing dependencies?)");
        }

        throw new InvalidOperationException(
            "No usable librdkafka was found for the in-process Kafka cluster; it ships with the Confluent.Kafka package " +
            "(librdkafka.redist) in runtimes/<rid>/native beside the application. Tried: " + string.Join("; ", failures));
    }

    private static string RuntimeFolder() => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";

    private static IntPtr Export(IntPtr library, string name) => NativeLibrary.GetExport(library, name);
}
