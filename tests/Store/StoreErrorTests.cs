using LogSentinel.Store;
using LogSentinel.Store.Embedded;
using LogSentinel.Store.Events;
using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Store;

public sealed class StoreErrorTests
{
    [Fact]
    public async Task Query_BadSql_ThrowsWithClickHouseCodeAndMessage()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();

        var error = await Assert.ThrowsAsync<StoreException>(() => store.RunOperatorQueryAsync("SELEC count() FROM gateway_events"));

        Assert.Equal(62, error.Code);
        Assert.Contains("Syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_UnknownTable_ThrowsWithCode60()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();

        var error = await Assert.ThrowsAsync<StoreException>(() => store.RunOperatorQueryAsync("SELECT * FROM no_such_table"));

        Assert.Equal(60, error.Code);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameters_AreBoundNotSpliced_QuotesAndUnicodeSurvive()
    {
        var transport = SharedEngine.Transport;
        const string Tricky = "x' OR 1=1 -- \\ \"Nguyễn Văn A\" \t;";

        var result = await transport.QueryAsync(
            "SELECT {value:String} AS v, length({value:String}) AS n",
            new QueryParameters().Add("value", Tricky),
            CancellationToken.None);

        Assert.Equal(Tricky, result.Rows[0][0]);
    }

    [Fact]
    public async Task Insert_StreamFailsMidway_LeavesNoPartialRows()
    {
        var database = SharedEngine.NewDatabase();
        await using var store = await SharedEngine.OpenMigratedAsync(database);
        var rows = new TruncatedRows($"{database}.gateway_events", SampleEvents.Gateway(1000));

        var error = await Assert.ThrowsAsync<StoreException>(() => SharedEngine.Transport.InsertAsync(rows, CancellationToken.None));

        Assert.NotNull(error.Code);
        Assert.Equal(0UL, (await store.GetTableRowCountsAsync()).Single(c => c.Table == "gateway_events").Rows);
    }

    [Fact]
    public void Open_SecondDataDirectoryInOneProcess_FailsNamingBoth()
    {
        _ = SharedEngine.Transport;
        var other = Path.Combine(Path.GetTempPath(), $"logsentinel-other-{Guid.NewGuid():N}");

        var error = Assert.Throws<StoreException>(() => new EmbeddedTransport(ChdbLibraryLocator.Locate(null), other));

        Assert.Contains(other, error.Message, StringComparison.Ordinal);
        Assert.Contains("one data directory per process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadLibrary_Missing_SaysWhereItLookedAndHowToFix()
    {
        var error = Assert.Throws<StoreException>(() => ChdbNative.Load("/nonexistent/libchdb.so"));

        Assert.Contains("/nonexistent/libchdb.so", error.Message, StringComparison.Ordinal);
        Assert.Contains("LOGSENTINEL_CHDB_LIBRARY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadLibrary_Corrupt_SaysItIsDamaged()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.so");
        File.WriteAllBytes(path, [0x7F, (byte)'E', (byte)'L', (byte)'F', 1, 2, 3]);
        try
        {
            var error = Assert.Throws<StoreException>(() => ChdbNative.Load(path));

            Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ManagedNullDereference_AfterEngineStart_IsAnExceptionNotACrash()
    {
        _ = SharedEngine.Transport;
        string? nothing = null;

        // With chDB's SIGSEGV handler left in place, this would kill the test process (exit 139).
        Assert.Throws<NullReferenceException>(() => nothing!.Length);
    }

    [Fact]
    public async Task DataDirectoryHeldByThisProcess_AnotherProcessGetsOneClearError()
    {
        _ = SharedEngine.Transport;

        var (exitCode, output) = await CliProcess.RunAsync("store", "check", "--data-dir", SharedEngine.DataPath);

        Assert.Equal(1, exitCode);
        Assert.Contains($"in use by another LogSentinel process (process {Environment.ProcessId})", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    /// <summary>Writes valid rows and then half a row, as a crashed writer would.</summary>
    private sealed class TruncatedRows(string table, GatewayEventBatch batch) : IRowSource
    {
        private readonly GatewayEventRows _inner = new(table, batch);

        public string Table => table;

        public IReadOnlyList<string> Columns => _inner.Columns;

        public int Count => batch.Count + 1;

        public void WriteRowBinary(RowBinaryWriter writer)
        {
            _inner.WriteRowBinary(writer);
            writer.WriteInt64(0);
            writer.WriteUInt8(1);
        }

        public IEnumerable<object?[]> ToValues() => _inner.ToValues();
    }
}
