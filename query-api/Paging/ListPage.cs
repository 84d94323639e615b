namespace LogSentinel.QueryApi.Paging;

/// <summary>One page of a list.</summary>
/// <param name="Items">The items of this page.</param>
/// <param name="Total">How many items match in all.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">Items per page.</param>
public sealed record ListPage<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize);
