namespace LogSentinel.Detect.Engine;

/// <summary>The application events detection scores; anything else is <see cref="Other"/>.</summary>
internal enum AppEventKind : byte
{
    Other,
    CitizenLookup,
    Login,
    LoginFailed,
    Logout,
    PasswordChange,
}
