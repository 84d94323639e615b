using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace LogSentinel.QueryApi.Security;

/// <summary>Who is calling, as the audit trail records it.</summary>
internal static class CallerExtensions
{
    public static string UserName(this HttpContext context) => context.User.Identity?.Name ?? "anonymous";

    public static string Role(this HttpContext context)
    {
        var roleClaim = (context.User.Identity as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role;
        return context.User.FindFirst(roleClaim)?.Value ?? string.Empty;
    }

    public static string RemoteAddress(this HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return string.Empty;
        }

        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();
    }
}
