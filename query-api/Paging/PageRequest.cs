using Microsoft.AspNetCore.Mvc;

namespace LogSentinel.QueryApi.Paging;

/// <summary>Paging and order of a list: <c>page</c> from 1, <c>page_size</c> up to <c>Api:MaxPageSize</c>, <c>sort</c>, <c>order</c> (asc or desc).</summary>
public sealed class PageRequest
{
    /// <summary>Page number, from 1.</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    /// <summary>Items per page (default 50).</summary>
    [FromQuery(Name = "page_size")]
    public int? PageSize { get; set; }

    /// <summary>Field to sort by; each list names its own.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    /// <summary><c>asc</c> or <c>desc</c>.</summary>
    [FromQuery(Name = "order")]
    public string? Order { get; set; }
}
