using System.Runtime.InteropServices;

namespace LogSentinel.Store.Embedded;

/// <summary>
/// The C API of libchdb (programs/local/chdb.h of chdb-core), bound at run time from an explicit path so a
/// missing or broken library is one clear error instead of a DllNotFoundException deep in a query.
/// </summary>
internal sealed unsafe class ChdbNative
{
    private readonly delegate* unmanaged<int, byte**, nint> _connect;
    private readonly delegate* unmanaged<nint, void> _closeConn;
    private readonly delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint> _queryN;
    private readonly delegate* unmanaged<nint, byte*, nuint, byte*, nuint, byte**, nuint*, byte**, nuint*, nuint, nint> _queryWithParamsN;
    private readonly delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint> _streamInsertN;
    private readonly delegate* unmanaged<nint, byte*, nuint, int> _streamAppend;
    private readonly delegate* unmanaged<nint, nint> _streamDone;
    private readonly delegate* unmanaged<nint, byte*> _streamInsertError;
    private readonly delegate* unmanaged<nint, void> _destroyInsertStream;
    private readonly delegate* unmanaged<nint, void> _destroyQueryResult;
    private readonly delegate* unmanaged<nint, byte*> _resultBuffer;
    private readonly delegate* unmanaged<nint, nuint> _resultLength;
    private readonly delegate* unmanaged<nint, byte*> _resultError;
    private readonly delegate* unmanaged<nint, ulong> _resultRowsRead;
    private readonly delegate* unmanaged<nint, ulong> _resultRowsWritten;
    private readonly delegate* unmanaged<byte*> _version;

    private ChdbNative(nint handle, string path)
    {
        Path = path;
        _connect = (delegate* unmanaged<int, byte**, nint>)Export(handle, path, "chdb_connect");
        _closeConn = (delegate* unmanaged<nint, void>)Export(handle, path, "chdb_close_conn");
        _queryN = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint>)Export(handle, path, "chdb_query_n");
        _queryWithParamsN = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, byte**, nuint*, byte**, nuint*, nuint, nint>)Export(handle, path, "chdb_query_with_params_n");
        _streamInsertN = (delegate* unmanaged<nint, byte*, nuint, byte*, nuint, nint>)Export(handle, path, "chdb_stream_insert_n");
        _streamAppend = (delegate* unmanaged<nint, byte*, nuint, int>)Export(handle, path, "chdb_stream_append");
        _streamDone = (delegate* unmanaged<nint, nint>)Export(handle, path, "chdb_stream_done");
        _streamInsertError = (delegate* unmanaged<nint, byte*>)Export(handle, path, "chdb_stream_insert_error");
        _destroyInsertStream = (delegate* unmanaged<nint, void>)Export(handle, path, "chdb_destroy_insert_stream");
        _destroyQueryResult = (delegate* unmanaged<nint, void>)Export(handle, path, "chdb_destroy_query_result");
        _resultBuffer = (delegate* unmanaged<nint, byte*>)Export(handle, path, "chdb_result_buffer");
        _resultLength = (delegate* unmanaged<nint, nuint>)Export(handle, path, "chdb_result_length");
        _resultError = (delegate* unmanaged<nint, byte*>)Export(handle, path, "chdb_result_error");
        _resultRowsRead = (delegate* unmanaged<nint, ulong>)Export(handle, path, "chdb_result_rows_read");
        _resultRowsWritten = (delegate* unmanaged<nint, ulong>)Export(handle, path, "chdb_result_rows_written");
        _version = (delegate* unmanaged<byte*>)Export(handle, path, "chdb_version");
    }

    public string Path { get; }

    /// <summary>Loads libchdb from <paramref name="path"/>, or throws a <see cref="StoreException"/> that says what is wrong with it.</summary>
    public static ChdbNative Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new StoreException(
                $"The ClickHouse engine library was not found at '{path}'. Build the project once (dotnet build fetches it), " +
                "or set LOGSENTINEL_CHDB_LIBRARY (Store:Embedded:LibraryPath) to an installed libchdb.so.");
        }

        nint handle;
        try
        {
            handle = NativeLibrary.Load(path);
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
        {
            throw new StoreException(
                $"The ClickHouse engine library at '{path}' could not be loaded; it is damaged or not a libchdb for this platform. " +
                $"Delete it and build again, or point LOGSENTINEL_CHDB_LIBRARY at a working copy. Loader said: {ex.Message}", inner: ex);
        }

        return new ChdbNative(handle, path);
    }

    public string Version() => Marshal.PtrToStringUTF8((nint)_version()) ?? "unknown";

    public nint Connect(int argc, byte** argv) => _connect(argc, argv);

    public void CloseConnection(nint connectionHandle) => _closeConn(connectionHandle);

    public nint Query(nint connection, byte* query, nuint queryLength, byte* format, nuint formatLength) =>
        _queryN(connection, query, queryLength, format, formatLength);

    public nint QueryWithParams(
        nint connection, byte* query, nuint queryLength, byte* format, nuint formatLength,
        byte** names, nuint* nameLengths, byte** values, nuint* valueLengths, nuint count) =>
        _queryWithParamsN(connection, query, queryLength, format, formatLength, names, nameLengths, values, valueLengths, count);

    public nint StreamInsert(nint connection, byte* query, nuint queryLength, byte* format, nuint formatLength) =>
        _streamInsertN(connection, query, queryLength, format, formatLength);

    public bool StreamAppend(nint stream, byte* data, nuint length) => _streamAppend(stream, data, length) == 0;

    public nint StreamDone(nint stream) => _streamDone(stream);

    public string? StreamInsertError(nint stream) => Marshal.PtrToStringUTF8((nint)_streamInsertError(stream));

    public void DestroyInsertStream(nint stream) => _destroyInsertStream(stream);

    public void DestroyResult(nint result) => _destroyQueryResult(result);

    public ReadOnlySpan<byte> ResultBuffer(nint result)
    {
        var length = _resultLength(result);
        return length == 0 ? [] : new ReadOnlySpan<byte>(_resultBuffer(result), checked((int)length));
    }

    public string? ResultError(nint result) => Marshal.PtrToStringUTF8((nint)_resultError(result));

    public ulong ResultRowsRead(nint result) => _resultRowsRead(result);

    public ulong ResultRowsWritten(nint result) => _resultRowsWritten(result);

    private static nint Export(nint handle, string path, string name)
    {
        if (NativeLibrary.TryGetExport(handle, name, out var address))
        {
            return address;
        }

        throw new StoreException(
            $"The library at '{path}' is not a libchdb this version of LogSentinel can use: it lacks '{name}' (chDB 26.7 or later is needed).");
    }
}
