using LogSentinel.QueryApi.Hosting;

namespace LogSentinel.QueryApi.Paging;

/// <summary>Checks a <see cref="PageRequest"/> and turns it into offset, limit and order; problems are named by parameter.</summary>
internal readonly record struct Paging(int Page, int PageSize, string Sort, bool Descending)
{
    public int Offset => (Page - 1) * PageSize;

    public static Paging Read(PageRequest request, ApiOptions options, IReadOnlyCollection<string> sorts, string defaultSort, bool defaultDescending, Dictionary<string, string[]> errors)
    {
        var page = request.Page ?? 1;
        if (page < 1)
        {
            errors["page"] = ["must be 1 or more"];
            page = 1;
        }

        var size = request.PageSize ?? 50;
        if (size < 1 || size > options.MaxPageSize)
        {
            errors["page_size"] = [$"must be between 1 and {options.MaxPageSize}"];
            size = 50;
        }

        var sort = string.IsNullOrEmpty(request.Sort) ? defaultSort : request.Sort;
        if (!sorts.Contains(sort))
        {
            errors["sort"] = [$"'{sort}' is not one of {string.Join(", ", sorts)}"];
            sort = defaultSort;
        }

        var descending = defaultDescending;
        if (!string.IsNullOrEmpty(request.Order))
        {
            if (request.Order is "asc" or "desc")
            {
                descending = request.Order == "desc";
            }
            else
            {
                errors["order"] = ["must be asc or desc"];
            }
        }

        return new Paging(page, size, sort, descending);
    }
}
