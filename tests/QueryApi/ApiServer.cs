using System.Net.Http.Json;
using System.Text.Json;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store;
using LogSentinel.Store.Users;
using Microsoft.AspNetCore.Builder;

namespace LogSentinel.Tests.QueryApi;

/// <summary>The query API over a store of the shared engine, listening on a free loopback port, with one user per role.</summary>
internal sealed class ApiServer : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    private ApiServer(WebApplication app, ILogStore store, Uri address, IReadOnlyDictionary<string, string> keys, LocalAdminToken localAdmin)
    {
        App = app;
        Store = store;
        Address = address;
        Keys = keys;
        LocalAdmin = localAdmin;
    }

    public WebApplication App { get; }

    public ILogStore Store { get; }

    public Uri Address { get; }

    /// <summary>API key by role; each role's user is named <c>&lt;role&gt;-user</c>.</summary>
    public IReadOnlyDictionary<string, string> Keys { get; }

    public LocalAdminToken LocalAdmin { get; }

    public static async Task<ApiServer> StartAsync(ILogStore store, ApiOptions? options = null, LogSentinel.Ingest.Privacy.CitizenIdPseudonymizer? pseudonymizer = null)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in Roles.All)
        {
            var (key, keyId) = ApiKeys.Create();
            await store.Users.AddAsync(new ApiUser($"{role}-user", role, keyId, ApiKeys.Hash(key), DateTime.UtcNow, "test", null));
            keys[role] = key;
        }

        options ??= new ApiOptions { RateLimitPerMinute = 0 };
        options.Urls = "http://127.0.0.1:0";
        var localAdmin = LocalAdminToken.Create();
        var app = QueryApiHost.Build(options, store, localAdmin, pseudonymizer: pseudonymizer);
        await app.StartAsync();
        return new ApiServer(app, store, new Uri(app.Urls.First()), keys, localAdmin);
    }

    /// <summary>A client signed in as <paramref name="role"/>'s user; null for no credentials.</summary>
    public HttpClient Client(string? role)
    {
        var name = role ?? "anonymous";
        if (!_clients.TryGetValue(name, out var client))
        {
            client = new HttpClient { BaseAddress = Address };
            if (role is not null)
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", Keys[role]);
            }

            _clients[name] = client;
        }

        return client;
    }

    public async Task<T> GetAsync<T>(string role, string path)
    {
        using var response = await Client(role).GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} as {role}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public Task<HttpResponseMessage> PostAsync(string role, string path, object body) =>
        Client(role).PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await App.StopAsync();
        await App.DisposeAsync();
        await Store.DisposeAsync();
    }
}
