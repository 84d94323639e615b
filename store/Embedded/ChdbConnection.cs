using System.Text;
using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Embedded;

/// <summary>
/// One connection to the embedded engine. chDB runs one statement at a time per connection, so every call
/// takes the connection's lock; results are decoded before chDB's buffer is freed.
/// </summary>
internal sealed unsafe class ChdbConnection : IDisposable
{
    private readonly ChdbNative _native;
    private readonly Action<nint> _release;
    private readonly Lock _gate = new();
    private nint _handle;

    internal ChdbConnection(ChdbNative native, nint handle, string dataPath, Action<nint> release)
    {
        _native = native;
        _handle = handle;
        DataPath = dataPath;
        _release = release;
    }

    public string DataPath { get; }

    public string EngineVersion => _native.Version();

    /// <summary>Runs <paramref name="sql"/> and lets <paramref name="read"/> decode the output while it is still in the engine's buffer.</summary>
    public T Query<T>(string sql, string format, QueryParameters? parameters, ReadOnlySpanFunc<T> read)
    {
        var sqlBytes = Encoding.UTF8.GetBytes(sql);
        var formatBytes = Encoding.UTF8.GetBytes(format);
        lock (_gate)
        {
            var connection = Handle();
            nint result;
            fixed (byte* q = sqlBytes)
            fixed (byte* f = formatBytes)
            {
                result = parameters is null || parameters.Values.Count == 0
                    ? _native.Query(connection, q, (nuint)sqlBytes.Length, f, (nuint)formatBytes.Length)
                    : QueryWithParameters(connection, q, sqlBytes.Length, f, formatBytes.Length, parameters);
            }

            if (result == 0)
            {
                throw new StoreException($"The ClickHouse engine returned no result for: {ClickHouseErrors.Abbreviate(sql)}");
            }

            try
            {
                var error = _native.ResultError(result);
                if (!string.IsNullOrEmpty(error))
                {
                    throw ChdbEngine.Failure(error, sql);
                }

                return read(_native.ResultBuffer(result));
            }
            finally
            {
                _native.DestroyResult(result);
            }
        }
    }

    /// <summary>
    /// Streams rows into <c>INSERT INTO table (columns)</c>, as a Native block where the source can write one, else
    /// as RowBinary. Inline binary after <c>FORMAT ...</c> is silently truncated by chDB, so bulk data always goes
    /// through the stream-insert API.
    /// </summary>
    public long StreamInsert(IRowSource rows)
    {
        var sql = $"INSERT INTO {rows.Table} ({string.Join(", ", rows.Columns)}) SETTINGS {InsertSettings.ParallelViews} = 1";
        var sqlBytes = Encoding.UTF8.GetBytes(sql);
        var native = rows.WritesNative;
        var formatBytes = native ? "Native"u8.ToArray() : "RowBinary"u8.ToArray();
        lock (_gate)
        {
            var connection = Handle();
            nint stream;
            fixed (byte* q = sqlBytes)
            fixed (byte* f = formatBytes)
            {
                stream = _native.StreamInsert(connection, q, (nuint)sqlBytes.Length, f, (nuint)formatBytes.Length);
            }

            try
            {
                var error = _native.StreamInsertError(stream);
                if (!string.IsNullOrEmpty(error))
                {
                    throw ChdbEngine.Failure(error, sql);
                }

                using (var writer = new RowBinaryWriter(chunk => Append(stream, chunk, sql)))
                {
                    if (native)
                    {
                        rows.WriteNative(new NativeBlockWriter(writer));
                    }
                    else
                    {
                        rows.WriteRowBinary(writer);
                    }

                    writer.Flush();
                }

                var result = _native.StreamDone(stream);
                try
                {
                    error = result == 0 ? _native.StreamInsertError(stream) : _native.ResultError(result);
                    if (!string.IsNullOrEmpty(error))
                    {
                        throw ChdbEngine.Failure(error, sql);
                    }

                    // rows_written also counts rows the materialized views wrote, so it can only be checked from below.
                    var written = result == 0 ? 0UL : _native.ResultRowsWritten(result);
                    if (written < (ulong)rows.Count)
                    {
                        throw new StoreException($"ClickHouse wrote {written} of {rows.Count} rows into {rows.Table}; the insert is incomplete.");
                    }

                    return rows.Count;
                }
                finally
                {
                    if (result != 0)
                    {
                        _native.DestroyResult(result);
                    }
                }
            }
            finally
            {
                _native.DestroyInsertStream(stream);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_handle == 0)
            {
                return;
            }

            var handle = _handle;
            _handle = 0;
            _release(handle);
        }
    }

    private void Append(nint stream, ReadOnlyMemory<byte> chunk, string sql)
    {
        using var pin = chunk.Pin();
        if (!_native.StreamAppend(stream, (byte*)pin.Pointer, (nuint)chunk.Length))
        {
            throw ChdbEngine.Failure(_native.StreamInsertError(stream), sql);
        }
    }

    private nint QueryWithParameters(nint connection, byte* query, int queryLength, byte* format, int formatLength, QueryParameters parameters)
    {
        var count = parameters.Values.Count;
        var buffers = new byte[count * 2][];
        for (var i = 0; i < count; i++)
        {
            buffers[2 * i] = Encoding.UTF8.GetBytes(parameters.Values[i].Key);
            buffers[(2 * i) + 1] = Encoding.UTF8.GetBytes(QueryParameters.FormatValue(parameters.Values[i].Value));
        }

        var handles = new System.Runtime.InteropServices.GCHandle[buffers.Length];
        try
        {
            var names = stackalloc byte*[count];
            var values = stackalloc byte*[count];
            var nameLengths = stackalloc nuint[count];
            var valueLengths = stackalloc nuint[count];
            for (var i = 0; i < buffers.Length; i++)
            {
                handles[i] = System.Runtime.InteropServices.GCHandle.Alloc(buffers[i], System.Runtime.InteropServices.GCHandleType.Pinned);
            }

            for (var i = 0; i < count; i++)
            {
                names[i] = (byte*)handles[2 * i].AddrOfPinnedObject();
                nameLengths[i] = (nuint)buffers[2 * i].Length;
                values[i] = (byte*)handles[(2 * i) + 1].AddrOfPinnedObject();
                valueLengths[i] = (nuint)buffers[(2 * i) + 1].Length;
            }

            return _native.QueryWithParams(connection, query, (nuint)queryLength, format, (nuint)formatLength, names, nameLengths, values, valueLengths, (nuint)count);
        }
        finally
        {
            foreach (var handle in handles)
            {
                if (handle.IsAllocated)
                {
                    handle.Free();
                }
            }
        }
    }

    private nint Handle() =>
        _handle != 0 ? *(nint*)_handle : throw new ObjectDisposedException(nameof(ChdbConnection), "The embedded store connection is closed.");
}

/// <summary>Decodes a span into a value; spans cannot be type arguments of Func.</summary>
internal delegate T ReadOnlySpanFunc<out T>(ReadOnlySpan<byte> data);
