namespace LogSentinel.Simulate.Events;

/// <summary>What a simulated request is; decides the gateway path and the application event.</summary>
internal enum EventKind : byte
{
    Lookup,
    Login,
    LoginFailed,
    Logout,
    PasswordChange,

    /// <summary>Unauthenticated flood request: gateway log only, never reaches the application.</summary>
    Flood,
}
