using LogSentinel.Simulate.Events;

namespace LogSentinel.Simulate.Output;

/// <summary>Gateway paths, logical API names and application event names of each <see cref="EventKind"/>.</summary>
internal static class Endpoints
{
    public static ReadOnlySpan<byte> Path(EventKind kind, byte variant) => kind switch
    {
        EventKind.Lookup => "/api/dancu/v1/tra-cuu"u8,
        EventKind.Login or EventKind.LoginFailed => "/api/auth/v1/dang-nhap"u8,
        EventKind.Logout => "/api/auth/v1/dang-xuat"u8,
        EventKind.PasswordChange => "/api/auth/v1/doi-mat-khau"u8,
        _ => variant switch
        {
            0 => "/api/dancu/v1/tra-cuu"u8,
            1 => "/api/auth/v1/dang-nhap"u8,
            _ => "/"u8,
        },
    };

    public static ReadOnlySpan<byte> Method(EventKind kind, byte variant) =>
        kind == EventKind.Flood && variant > 1 ? "GET"u8 : "POST"u8;

    public static ReadOnlySpan<byte> Api(EventKind kind) => kind switch
    {
        EventKind.Lookup => "dancu.tra-cuu-cong-dan"u8,
        EventKind.Login or EventKind.LoginFailed => "auth.dang-nhap"u8,
        EventKind.Logout => "auth.dang-xuat"u8,
        EventKind.PasswordChange => "auth.doi-mat-khau"u8,
        _ => default,
    };

    public static ReadOnlySpan<byte> AppEvent(EventKind kind) => kind switch
    {
        EventKind.Lookup => "citizen_lookup"u8,
        EventKind.Login => "login"u8,
        EventKind.LoginFailed => "login_failed"u8,
        EventKind.Logout => "logout"u8,
        EventKind.PasswordChange => "password_change"u8,
        _ => default,
    };

    public static ReadOnlySpan<byte> Result(LookupResult result) => result switch
    {
        LookupResult.Found => "found"u8,
        LookupResult.NotFound => "not_found"u8,
        LookupResult.Denied => "denied"u8,
        _ => "error"u8,
    };
}
