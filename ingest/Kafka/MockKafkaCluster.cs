using System.Runtime.InteropServices;
using System.Text;

namespace LogSentinel.Ingest.Kafka;

/// <summary>
/// A Kafka cluster inside this process: librdkafka's mock cluster, started through its C API. Any Kafka client
/// (in this process or another) can use <see cref="BootstrapServers"/> while the cluster lives. Made for tests and
/// the demo; it keeps at most 5 MiB per partition, so older messages of a busy partition vanish.
/// </summary>
/// <remarks>
/// The cluster is owned by a producer handle that is never used to produce: librdkafka ties a mock cluster's
/// threads to a client instance. The library is the one the Confluent.Kafka package ships beside the application,
/// so the cluster and the clients speak the same librdkafka version.
/// </remarks>
public sealed unsafe class MockKafkaCluster : IDisposable
{
    private const int ProducerType = 0;
    private const int ErrorTextBytes = 512;

    private readonly RdKafkaMockApi _api;
    private readonly object _gate = new();
    private IntPtr _handle;
    private IntPtr _cluster;

    /// <summary>Starts a cluster of <paramref name="brokers"/> brokers. Topics are created on first use with 4 partitions, or explicitly with <see cref="CreateTopic"/>.</summary>
    /// <param name="brokers">How many brokers (1 to 16).</param>
    /// <param name="initialRebalanceDelayMs">How long a new consumer group waits for more members before its first assignment; 0 for fast tests.</param>
    /// <exception cref="InvalidOperationException">librdkafka cannot be loaded or refuses to start the cluster.</exception>
    public MockKafkaCluster(int brokers = 1, int initialRebalanceDelayMs = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(brokers, 16);
        ArgumentOutOfRangeException.ThrowIfNegative(initialRebalanceDelayMs);
        _api = RdKafkaMockApi.Load();

        var conf = _api.ConfNew();
        var errorText = stackalloc byte[ErrorTextBytes];
        // Only errors from the owning handle: it has no brokers of its own and would otherwise log about that.
        SetConf(conf, "log_level"u8, "3"u8, errorText);
        _handle = _api.New(ProducerType, conf, errorText, ErrorTextBytes);
        if (_handle == IntPtr.Zero)
        {
            // On failure rd_kafka_new leaves the configuration to the caller.
            _api.ConfDestroy(conf);
            throw new InvalidOperationException("librdkafka could not create the handle owning the mock cluster: " + Utf8Text(errorText));
        }

        _cluster = _api.MockClusterNew(_handle, brokers);
        if (_cluster == IntPtr.Zero)
        {
            _api.Destroy(_handle);
            _handle = IntPtr.Zero;
            throw new InvalidOperationException("librdkafka could not start a mock cluster.");
        }

        _api.MockGroupInitialRebalanceDelayMs(_cluster, initialRebalanceDelayMs);
        BootstrapServers = Marshal.PtrToStringUTF8(_api.MockClusterBootstraps(_cluster))
            ?? throw new InvalidOperationException("The mock cluster reported no bootstrap servers.");
    }

    /// <summary>The brokers' <c>host:port</c> list, for <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>The librdkafka file the cluster runs in.</summary>
    public string LibraryPath => _api.Path;

    /// <summary>Creates <paramref name="topic"/> with <paramref name="partitions"/> partitions (replication factor 1).</summary>
    /// <exception cref="InvalidOperationException">The cluster refused, e.g. the topic exists already.</exception>
    public void CreateTopic(string topic, int partitions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var name = Encoding.UTF8.GetBytes(topic + "\0");
        int error;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
            fixed (byte* namePtr = name)
            {
                error = _api.MockTopicCreate(_cluster, namePtr, partitions, 1);
            }
        }

        if (error != 0)
        {
            throw new InvalidOperationException($"The mock cluster could not create topic '{topic}': {Marshal.PtrToStringUTF8(_api.ErrorText(error))} (error {error}).");
        }
    }

    /// <summary>Stops the brokers; clients still connected see them disappear.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != IntPtr.Zero)
            {
                _api.MockClusterDestroy(_cluster);
                _cluster = IntPtr.Zero;
            }

            if (_handle != IntPtr.Zero)
            {
                _api.Destroy(_handle);
                _handle = IntPtr.Zero;
            }
        }
    }

    private void SetConf(IntPtr conf, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, byte* errorText)
    {
        Span<byte> nameZ = stackalloc byte[name.Length + 1];
        Span<byte> valueZ = stackalloc byte[value.Length + 1];
        name.CopyTo(nameZ);
        value.CopyTo(valueZ);
        fixed (byte* n = nameZ)
        fixed (byte* v = valueZ)
        {
            if (_api.ConfSet(conf, n, v, errorText, ErrorTextBytes) != 0)
            {
                _api.ConfDestroy(conf);
                throw new InvalidOperationException("librdkafka rejected a mock cluster setting: " + Utf8Text(errorText));
            }
        }
    }

    private static string Utf8Text(byte* text) => Marshal.PtrToStringUTF8((IntPtr)text) ?? string.Empty;
}
