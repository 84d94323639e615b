using System.Net;
using LogSentinel.QueryApi.Alerts;
using LogSentinel.QueryApi.Audit;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.QueryApi.Paging;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store;
using LogSentinel.Store.Activity;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Reference;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LogSentinel.QueryApi.Entities;

/// <summary>Accounts, source addresses and agencies: activity over time against a baseline, reference data, alerts, and the day's riskiest.</summary>
internal static class EntitiesApi
{
    private const int MaxBuckets = 5000;
    private static readonly string[] Kinds = ["account", "ip", "agency"];
    private static readonly string[] EventSorts = ["at"];
    private static readonly string[] RiskSorts = ["risk"];

    public static IEndpointRouteBuilder MapEntitiesApi(this IEndpointRouteBuilder routes)
    {
        var entities = routes.MapGroup("/api/entities").WithTags("Entities");
        entities.MapGet("/top", TopAsync).RequireAuthorization(Policies.RiskRead).WithName("TopRiskyEntities");
        entities.MapGet("/{kind}/{name}", GetAsync).RequireAuthorization(Policies.EntitiesRead).WithName("GetEntity");
        entities.MapGet("/{kind}/{name}/timeline", TimelineAsync).RequireAuthorization(Policies.EntitiesRead).WithName("GetEntityTimeline");
        entities.MapGet("/{kind}/{name}/events", EventsAsync).RequireAuthorization(Policies.AlertsEvidence).WithName("GetEntityEvents");
        return routes;
    }

    private static async Task<Results<Ok<EntityView>, ValidationProblem>> GetAsync(string kind, string name, ILogStore store, CancellationToken cancellationToken)
    {
        if (Check(kind, name) is { } problem)
        {
            return problem;
        }

        var entityKind = KindOf(kind);
        var seen = await store.Activity.GetSeenAsync(entityKind, name, cancellationToken).ConfigureAwait(false);
        AccountView? account = null;
        IReadOnlyList<NetworkView> networks = [];
        IReadOnlyList<DelegationView> delegations = [];
        IReadOnlyList<AccountView> agencyAccounts = [];
        var allNetworks = await store.Reference.GetNetworksAsync(cancellationToken).ConfigureAwait(false);
        switch (entityKind)
        {
            case ActivityEntityKind.Account:
                var record = (await store.Reference.GetAccountsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(a => a.Account == name);
                account = record is null ? null : ToView(record);
                networks = [.. allNetworks.Where(n => record is not null && n.Agency == record.Agency).Select(ToView)];
                delegations = [.. (await store.Reference.GetDelegationsAsync(cancellationToken).ConfigureAwait(false))
                    .Where(d => d.Account == name || d.Delegate == name)
                    .Select(d => new DelegationView(d.Account, d.Delegate, d.ValidFrom.ToOffset(ApiTime.LocalOffset), d.ValidTo.ToOffset(ApiTime.LocalOffset), d.Reason))];
                break;
            case ActivityEntityKind.Ip:
                var address = IPAddress.Parse(name).MapToIPv6();
                networks = [.. allNetworks.Where(n => Contains(n, address)).Select(ToView)];
                break;
            default:
                networks = [.. allNetworks.Where(n => n.Agency == name).Select(ToView)];
                agencyAccounts = [.. (await store.Reference.GetAccountsAsync(cancellationToken).ConfigureAwait(false)).Where(a => a.Agency == name).Take(500).Select(ToView)];
                break;
        }

        var all = await store.Alerts.SearchAsync(new AlertSearch { EntityKind = kind, Entity = name, Limit = 1 }, cancellationToken).ConfigureAwait(false);
        var open = await store.Alerts.SearchAsync(new AlertSearch { EntityKind = kind, Entity = name, State = AlertStates.New, Limit = 1 }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new EntityView(
            kind, name, ApiTime.Local(seen.FirstSeen), ApiTime.Local(seen.LastSeen), seen.Requests, seen.Lookups, account, networks, delegations, agencyAccounts,
            all.Total, open.Total));
    }

    private static async Task<Results<Ok<TimelineView>, ValidationProblem>> TimelineAsync(
        string kind, string name, [FromQuery(Name = "from")] DateTimeOffset? from, [FromQuery(Name = "to")] DateTimeOffset? to,
        [FromQuery(Name = "bucket")] string? bucket, ILogStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Check(kind, name) is { } problem)
        {
            return problem;
        }

        var entityKind = KindOf(kind);
        var seen = await store.Activity.GetSeenAsync(entityKind, name, cancellationToken).ConfigureAwait(false);

        // Without a window: the last 7 days the entity was active.
        var end = to ?? (seen.LastSeen is { } last ? new DateTimeOffset(last, TimeSpan.Zero).AddMinutes(1) : time.GetUtcNow());
        var start = from ?? end.AddDays(-7);
        if (start >= end)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["must be before to"] });
        }

        var span = end - start;
        var width = bucket ?? (span <= TimeSpan.FromHours(6) ? "minute" : span <= TimeSpan.FromDays(14) ? "hour" : "day");
        (ActivityBucket Bucket, TimeSpan Step)? chosen = width switch
        {
            "minute" => (ActivityBucket.Minute, TimeSpan.FromMinutes(1)),
            "hour" => (ActivityBucket.Hour, TimeSpan.FromHours(1)),
            "day" => (ActivityBucket.Day, TimeSpan.FromDays(1)),
            _ => null,
        };
        if (chosen is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["bucket"] = [$"'{width}' is not minute, hour or day"] });
        }

        if (span / chosen.Value.Step > MaxBuckets)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["bucket"] = [$"more than {MaxBuckets} {width} buckets; choose a wider bucket or a shorter window"] });
        }

        if (seen.FirstSeen is null)
        {
            return TypedResults.Ok(new TimelineView(kind, name, width, start.ToOffset(ApiTime.LocalOffset), end.ToOffset(ApiTime.LocalOffset), TrailingBaseline.Label, []));
        }

        var history = await store.Activity.GetTimelineAsync(entityKind, name, start.AddDays(-TrailingBaseline.Days), end, chosen.Value.Bucket, cancellationToken)
            .ConfigureAwait(false);
        // Every bucket the window touches; the store gives hour and day buckets whole.
        var step = chosen.Value.Step;
        var shown = TrailingBaseline.Fill([.. history.Where(p => p.Start + step > start.UtcDateTime)], start.UtcDateTime, end.UtcDateTime, chosen.Value.Step, MaxBuckets);
        var points = TrailingBaseline.Apply(shown, history, seen.FirstSeen);
        return TypedResults.Ok(new TimelineView(kind, name, width, start.ToOffset(ApiTime.LocalOffset), end.ToOffset(ApiTime.LocalOffset), TrailingBaseline.Label, points));
    }

    private static async Task<Results<Ok<ListPage<EventView>>, ValidationProblem>> EventsAsync(
        string kind, string name, [FromQuery(Name = "from")] DateTimeOffset from, [FromQuery(Name = "to")] DateTimeOffset to, [AsParameters] PageRequest request,
        HttpContext context, ILogStore store, Auditor auditor, IOptions<ApiOptions> options)
    {
        if (Check(kind, name) is { } problem)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Paging.Read(request, options.Value, EventSorts, "at", false, errors);
        if (from > to)
        {
            errors["from"] = ["must not be after to"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await auditor.RecordAsync(context, AuditActions.EntityEventsRead, $"{kind}:{name}", $"{from:O} .. {to:O} page {paging.Page}").ConfigureAwait(false);
        var page = await store.Activity.GetEventsAsync(
            new RawEventQuery(kind, name, from, to) { Descending = paging.Descending, Offset = paging.Offset, Limit = paging.PageSize }, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ListPage<EventView>([.. page.Items.Select(AlertsApi.ToView)], page.Total, paging.Page, paging.PageSize));
    }

    private static async Task<Results<Ok<ListPage<RiskyEntityView>>, ValidationProblem>> TopAsync(
        [FromQuery(Name = "day")] DateOnly? day, [AsParameters] PageRequest request, ILogStore store, TimeProvider time, IOptions<ApiOptions> options,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Paging.Read(request, options.Value, RiskSorts, "risk", true, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // A local (UTC+07:00) day; without one, today.
        var date = day ?? DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ApiTime.LocalOffset).DateTime);
        var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ApiTime.LocalOffset);
        var top = await store.Activity.GetRiskiestAsync(start, start.AddDays(1).AddTicks(-1), paging.Offset, paging.PageSize + 1, cancellationToken).ConfigureAwait(false);
        var items = top.Take(paging.PageSize)
            .Select((e, i) => new RiskyEntityView(paging.Offset + i + 1, e.EntityKind, e.Entity, e.Agency, e.Alerts, e.MaxScore, e.Risk, e.Types))
            .ToList();
        if (!paging.Descending)
        {
            items.Reverse();
        }

        // The total is known exactly only on the last page; elsewhere "at least one more page".
        var total = top.Count > paging.PageSize ? paging.Offset + paging.PageSize + 1 : paging.Offset + items.Count;
        return TypedResults.Ok(new ListPage<RiskyEntityView>(items, total, paging.Page, paging.PageSize));
    }

    private static ValidationProblem? Check(string kind, string name)
    {
        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [$"'{kind}' is not one of {string.Join(", ", Kinds)}"] });
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 256)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["must be 1 to 256 characters"] });
        }

        if (kind == "ip" && !IPAddress.TryParse(name, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"'{name}' is not an IP address"] });
        }

        return null;
    }

    private static ActivityEntityKind KindOf(string kind) => kind switch
    {
        "account" => ActivityEntityKind.Account,
        "ip" => ActivityEntityKind.Ip,
        _ => ActivityEntityKind.Agency,
    };

    private static AccountView ToView(AccountRecord a) => new(a.Account, a.Agency, a.Role, a.Status.ToString().ToLowerInvariant(), a.StatusSince);

    private static NetworkView ToView(NetworkRecord n) => new(n.Agency, n.Cidr, n.Label);

    private static bool Contains(NetworkRecord network, IPAddress address)
    {
        var value = Store.Events.IpAddresses.FromIPAddress(address);
        return value >= Store.Events.IpAddresses.FromIPAddress(network.RangeStart) && value <= Store.Events.IpAddresses.FromIPAddress(network.RangeEnd);
    }
}
