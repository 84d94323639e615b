using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LogSentinel.Cli.Serve;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Configuration;

namespace LogSentinel.Cli.Hosting;

/// <summary>
/// A <c>logsentinel serve</c>, <c>run</c> or <c>demo</c> process that holds the embedded data directory. Commands
/// that would otherwise open the store go through its API with the local administrator key it left in the
/// directory; without one they open the store themselves.
/// </summary>
internal sealed class RunningServer : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HttpClient _http;

    private RunningServer(ServeOwnership owner)
    {
        Url = owner.Url;
        _http = new HttpClient { BaseAddress = new Uri(owner.Url), Timeout = TimeSpan.FromMinutes(10) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", owner.Key);
    }

    public string Url { get; }

    /// <summary>
    /// The process serving the configured database of the configured embedded data directory, or null when none runs,
    /// it serves another database, or the store is a server.
    /// </summary>
    public static RunningServer? Find(ParseResult parse)
    {
        var options = StoreOpener.ReadOptions(parse);
        if (options.Transport != StoreTransport.Embedded)
        {
            return null;
        }

        var owner = ServeOwnership.Read(options.Embedded.DataDir);
        if (owner is null || (owner.Database.Length > 0 && !string.Equals(owner.Database, options.Database, StringComparison.Ordinal)))
        {
            return null;
        }

        return new RunningServer(owner);
    }

    /// <summary>Sends <paramref name="body"/> as JSON (null: no body) and reads the answer as <typeparamref name="T"/>; a refusal is a clear error.</summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"The running LogSentinel at {Url} answered {path} with an empty body.");
    }

    /// <summary>Every item of a paged list (<c>items</c>, <c>total</c>), page by page at the server's default page size.</summary>
    public async Task<IReadOnlyList<T>> ListAllAsync<T>(string path, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var result = await SendAsync<PageOf<T>>(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"{path}{separator}page={page}"), null, cancellationToken)
                .ConfigureAwait(false);
            items.AddRange(result.Items);
            if (result.Items.Count == 0 || items.Count >= result.Total)
            {
                return items;
            }
        }
    }

    public async Task<IReadOnlyList<AlertRecord>> ListAlertsAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        var uri = "/api/alerts/records?" + string.Join('&', new[]
        {
            query.Type is null ? null : $"type={Uri.EscapeDataString(query.Type)}",
            query.Since is null ? null : $"since={Uri.EscapeDataString(query.Since.Value.ToString("O"))}",
            query.Until is null ? null : $"until={Uri.EscapeDataString(query.Until.Value.ToString("O"))}",
        }.Where(p => p is not null));
        using var response = await _http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<List<AlertRecord>>(Json, cancellationToken).ConfigureAwait(false) ?? [];
    }

    public async Task<byte[]> RunOperatorQueryAsync(string sql, CancellationToken cancellationToken)
    {
        using var content = new StringContent(sql);
        using var response = await _http.PostAsync("/api/store/query", content, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads one reference file; returns the version now in force and its row count.</summary>
    public async Task<(ulong Version, ulong Rows)> UploadReferenceAsync(string kind, FileInfo file, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await _http.PostAsync($"/api/reference/{kind}?source={Uri.EscapeDataString(file.FullName)}", content, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return (body.RootElement.GetProperty("version").GetUInt64(), body.RootElement.GetProperty("rows").GetUInt64());
    }

    public void Dispose() => _http.Dispose();

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var detail = body;
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            detail = root.TryGetProperty("detail", out var d) ? d.GetString() ?? body : root.TryGetProperty("title", out var t) ? t.GetString() ?? body : body;
            if (root.TryGetProperty("errors", out var fieldErrors) && fieldErrors.ValueKind == JsonValueKind.Object)
            {
                // A validation problem: each field (e.g. a threshold's key) with its messages.
                detail += "\n" + string.Join('\n', fieldErrors.EnumerateObject().Select(f =>
                    $"  {f.Name}: {string.Join("; ", f.Value.EnumerateArray().Select(m => m.GetString()))}"));
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                detail += "\n" + string.Join('\n', errors.EnumerateArray().Select(e =>
                    $"  line {e.GetProperty("line").GetInt32()}{(e.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? $", field {f.GetString()}" : string.Empty)}: {e.GetProperty("message").GetString()}"));
            }
        }
        catch (JsonException)
        {
            // Not a problem document: the body as it came.
        }

        throw new ConfigurationException($"The running LogSentinel at {Url} refused the request ({(int)response.StatusCode}): {detail}");
    }

    private sealed record PageOf<T>(List<T> Items, long Total);
}
