using System.Globalization;
using LogSentinel.Ingest.Reference;
using LogSentinel.QueryApi.Audit;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.QueryApi.Paging;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store;
using LogSentinel.Store.Reference;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LogSentinel.QueryApi.Reference;

/// <summary>Reference data: the history of loads, and uploads of accounts, networks and delegations CSVs validated line by line.</summary>
internal static class ReferenceApi
{
    private static readonly string[] VersionSorts = ["loaded_at"];

    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder routes)
    {
        var reference = routes.MapGroup("/api/reference").WithTags("Reference data");
        reference.MapGet("/versions", VersionsAsync).RequireAuthorization(Policies.ReferenceRead).WithName("ListReferenceVersions");
        reference.MapPost("/{kind}", UploadAsync).RequireAuthorization(Policies.ReferenceWrite).WithName("UploadReferenceData")
            .Accepts<string>("text/csv").DisableAntiforgery();
        return routes;
    }

    private static async Task<Results<Ok<ListPage<ReferenceVersionView>>, ValidationProblem>> VersionsAsync(
        [AsParameters] PageRequest request, ILogStore store, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Paging.Read(request, options.Value, VersionSorts, "loaded_at", true, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var versions = await store.Reference.GetVersionsAsync(cancellationToken).ConfigureAwait(false);
        var ordered = paging.Descending ? versions : versions.Reverse();
        var items = ordered.Skip(paging.Offset).Take(paging.PageSize).Select(ReferenceVersionView.From).ToList();
        return TypedResults.Ok(new ListPage<ReferenceVersionView>(items, versions.Count, paging.Page, paging.PageSize));
    }

    private static async Task<Results<Ok<ReferenceVersionView>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        string kind, [FromQuery(Name = "source")] string? source, HttpContext context, ILogStore store, Auditor auditor, ReferencePseudonyms pseudonyms)
    {
        var name = string.IsNullOrWhiteSpace(source) ? $"{kind}.csv" : source.Trim();
        IReadOnlyList<ReferenceDataError> problems;
        using (var reader = new StreamReader(context.Request.Body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            // The parsers read synchronously; the body is buffered first so no synchronous I/O reaches Kestrel.
            var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            using var csv = new StringReader(text);
            try
            {
                var files = new ReferenceFiles(null, null, null);
                var parsed = kind switch
                {
                    "accounts" => new ParsedReferenceData((ReferenceFileParser.ParseAccounts(csv, name), name), null, null, files),
                    "networks" => new ParsedReferenceData(null, (ReferenceFileParser.ParseNetworks(csv, name), name), null, files),
                    "delegations" => new ParsedReferenceData(null, null, (ReferenceFileParser.ParseDelegations(csv, name), name), files),
                    _ => null,
                };
                if (parsed is null)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [$"'{kind}' is not accounts, networks or delegations"] });
                }

                var safe = pseudonyms.Apply(parsed);
                if (safe is null)
                {
                    return TypedResults.Problem(
                        "The file names accounts that are citizen ids, and this server has no pseudonymization key to hide them; nothing was loaded.",
                        statusCode: StatusCodes.Status422UnprocessableEntity, title: "Citizen ids cannot be stored in clear.");
                }

                var loaded = (await safe.LoadAsync(store.Reference, context.UserName(), context.RequestAborted).ConfigureAwait(false)).Single();
                await auditor.RecordAsync(context, AuditActions.ReferenceLoad, kind, string.Create(CultureInfo.InvariantCulture, $"version {loaded.Version}, {loaded.Rows} rows from {name}"))
                    .ConfigureAwait(false);
                return TypedResults.Ok(ReferenceVersionView.From(loaded));
            }
            catch (ReferenceDataException ex)
            {
                problems = ex.Errors;
            }
        }

        await auditor.RecordAsync(context, AuditActions.ReferenceRejected, kind, $"{problems.Count} problem(s) in {name}").ConfigureAwait(false);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The reference file has problems; nothing was loaded.",
            Detail = string.Create(CultureInfo.InvariantCulture, $"{problems.Count} problem(s) in {name}."),
            Extensions = { ["errors"] = problems.Take(1000).Select(p => new ReferenceProblem(p.Line, p.Field, p.Message)).ToList() },
        });
    }
}

/// <summary>One load of reference data.</summary>
public sealed record ReferenceVersionView(string Kind, ulong Version, DateTimeOffset LoadedAt, string LoadedBy, string Source, ulong Rows)
{
    internal static ReferenceVersionView From(ReferenceVersion v) =>
        new(ReferenceKinds.Name(v.Kind), v.Version, ApiTime.Local(v.LoadedAt), v.LoadedBy, v.Source, v.Rows);
}

/// <summary>A problem of an uploaded file: the line (1 is the header), the field, and what is wrong.</summary>
public sealed record ReferenceProblem(int Line, string? Field, string Message);
