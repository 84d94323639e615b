using System.ComponentModel.DataAnnotations;

namespace LogSentinel.QueryApi.Hosting;

/// <summary>Settings of <c>logsentinel serve</c> (section <c>Api</c>); every one has a default.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Where the API and console listen; several separated by <c>;</c>.</summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Largest request body accepted (reference uploads are the largest).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Requests each caller (user, else address) may make per minute; 0 turns limiting off.</summary>
    [Range(0, 1_000_000)]
    public int RateLimitPerMinute { get; set; } = 1200;

    /// <summary>Largest page a list returns.</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 500;

    public JwtOptions Jwt { get; set; } = new();
}
