using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using LogSentinel.Store;
using LogSentinel.Store.Embedded;
using LogSentinel.Store.RowBinary;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LogSentinel.Tests.Infrastructure;

/// <summary>
/// A ClickHouse-HTTP-compatible endpoint on 127.0.0.1 (ephemeral port) in front of the test process's embedded
/// engine, so the unmodified ClickHouse.Driver can be tested without a ClickHouse server. It speaks the subset the
/// driver uses: POST (or GET) with the statement in the body and/or the <c>query</c> parameter, settings and
/// <c>param_*</c> as URL parameters, gzip/deflate/br/zstd request bodies, RowBinary bulk inserts, output in the
/// requested format, X-ClickHouse-* headers, and ClickHouse's error answers. Responses are never compressed; the
/// driver only offers compression. Tests can demand a password and make the next requests fail.
/// </summary>
public sealed class ClickHouseHttpEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    // A connection of its own: USE (for the database setting) is per connection and must not leak into other tests.
    private readonly EmbeddedTransport _engine;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<string> _statements = new();
    private readonly string? _password;
    private int _requests;
    private int _failuresLeft;
    private int _failureStatus;

    private ClickHouseHttpEndpoint(WebApplication app, string? password)
    {
        _app = app;
        _password = password;
        _engine = new EmbeddedTransport(EmbeddedEngineFixture.LibraryPath, EmbeddedEngineFixture.DataPath);
        _app.Run(HandleAsync);
    }

    public int Port { get; private set; }

    /// <summary>Every HTTP request received, including those answered with an injected failure.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>The statements that reached the engine, in order (for a bulk insert only its INSERT line).</summary>
    public IReadOnlyList<string> Statements => [.. _statements];

    /// <summary>Starts an endpoint on the engine <paramref name="engine"/> keeps running; with a password, other credentials are refused.</summary>
    public static async Task<ClickHouseHttpEndpoint> StartAsync(EmbeddedEngineFixture engine, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var endpoint = new ClickHouseHttpEndpoint(builder.Build(), password);
        await endpoint._app.StartAsync();
        var address = endpoint._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.Port = new Uri(address).Port;
        return endpoint;
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> and an empty body, as an overloaded proxy does.</summary>
    public void FailNextRequests(int count, int status = 503)
    {
        Volatile.Write(ref _failureStatus, status);
        Volatile.Write(ref _failuresLeft, count);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _engine.DisposeAsync();
        _gate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        var response = context.Response;
        if (request.Path.Equals("/ping", StringComparison.Ordinal))
        {
            await response.WriteAsync("Ok.\n");
            return;
        }

        var queryId = request.Query["query_id"] is [{ Length: > 0 } id] ? id : Guid.NewGuid().ToString();
        response.Headers["X-ClickHouse-Query-Id"] = queryId;
        response.Headers["X-ClickHouse-Server-Display-Name"] = "logsentinel-test-endpoint";
        response.Headers["X-ClickHouse-Timezone"] = "UTC";
        if (TryTakeFailure(out var failureStatus))
        {
            response.StatusCode = failureStatus;
            return;
        }

        try
        {
            Authenticate(request);
            var body = await RequestBody.ReadAsync(request.Body, request.Headers.ContentEncoding, context.RequestAborted);
            var statement = HttpStatement.From(request.Query, body);
            _statements.Enqueue(statement.Text);
            var stopwatch = Stopwatch.StartNew();
            var (output, written) = await ExecuteAsync(statement, context.RequestAborted);
            var format = OutputFormat.Of(statement);
            response.Headers["X-ClickHouse-Format"] = format;
            response.Headers["X-ClickHouse-Summary"] = Summary(written, output.Length, stopwatch.Elapsed);
            response.ContentType = OutputFormat.ContentType(format);
            await response.Body.WriteAsync(output, context.RequestAborted);
        }
        catch (EndpointException failure)
        {
            await WriteErrorAsync(response, failure);
        }
        catch (StoreException failure)
        {
            await WriteErrorAsync(response, EngineErrors.ToEndpoint(failure));
        }
        catch (Exception aborted) when (aborted is IOException or BadHttpRequestException or OperationCanceledException)
        {
            // The client gave up mid-request (a failed bulk copy aborts its upload): nothing was executed.
            context.Abort();
        }
    }

    private async Task<(byte[] Output, long Written)> ExecuteAsync(HttpStatement statement, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _engine.QueryRaw($"USE `{statement.Database.Replace("`", "\\`", StringComparison.Ordinal)}`", "TabSeparated", null);
            if (statement.Insert is { } insert)
            {
                return ([], await InsertAsync(insert, statement.Data, cancellationToken));
            }

            return (_engine.QueryRaw(statement.Text, statement.DefaultFormat, statement.Parameters), 0);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<long> InsertAsync(InsertStatement insert, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (!insert.Format.Equals("RowBinary", StringComparison.OrdinalIgnoreCase))
        {
            throw new EndpointException(48, 501, $"The test endpoint inserts RowBinary, not {insert.Format}. (NOT_IMPLEMENTED)");
        }

        // The column types come from the table, as on a server; with them the body is checked whole before any row is written.
        var columns = insert.Columns.Count > 0 ? string.Join(", ", insert.Columns) : "*";
        var header = RowBinaryResultReader.Read(_engine.QueryRaw($"SELECT {columns} FROM {insert.Table} WHERE 1 = 0", "RowBinaryWithNamesAndTypes", null));
        var rows = RowBinaryRowCounter.Count(data.Span, [.. header.Columns.Select(c => c.Type)]);
        if (rows == 0)
        {
            return 0;
        }

        var names = insert.Columns.Count > 0 ? insert.Columns : [.. header.Columns.Select(c => $"`{c.Name}`")];
        return await _engine.InsertAsync(new RawRowBinarySource(insert.Table, names, data, checked((int)rows)), cancellationToken);
    }

    private void Authenticate(HttpRequest request)
    {
        if (_password is null)
        {
            return;
        }

        var (user, password) = Credentials(request);
        if (!string.Equals(password, _password, StringComparison.Ordinal))
        {
            throw new EndpointException(516, 403, $"{user}: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)");
        }
    }

    private static (string User, string Password) Credentials(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (pair, string.Empty) : (pair[..colon], pair[(colon + 1)..]);
        }

        var user = request.Headers["X-ClickHouse-User"].ToString() is { Length: > 0 } headerUser ? headerUser : request.Query["user"].ToString();
        var key = request.Headers["X-ClickHouse-Key"].ToString() is { Length: > 0 } headerKey ? headerKey : request.Query["password"].ToString();
        return (user.Length > 0 ? user : "default", key);
    }

    private bool TryTakeFailure(out int status)
    {
        status = Volatile.Read(ref _failureStatus);
        var left = Volatile.Read(ref _failuresLeft);
        while (left > 0)
        {
            var seen = Interlocked.CompareExchange(ref _failuresLeft, left - 1, left);
            if (seen == left)
            {
                return true;
            }

            left = seen;
        }

        return false;
    }

    private static string Summary(long written, int resultBytes, TimeSpan elapsed) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"read_rows":"0","read_bytes":"0","written_rows":"{{written}}","written_bytes":"0","total_rows_to_read":"0","result_rows":"0","result_bytes":"{{resultBytes}}","elapsed_ns":"{{(long)elapsed.TotalNanoseconds}}"}""");

    private static async Task WriteErrorAsync(HttpResponse response, EndpointException failure)
    {
        response.StatusCode = failure.Status;
        response.Headers["X-ClickHouse-Exception-Code"] = failure.Code.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=UTF-8";
        await response.WriteAsync(failure.Body);
    }
}
