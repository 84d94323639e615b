namespace LogSentinel.QueryApi.Security;

/// <summary>
/// The key of the process's own local administrator: generated at start, never stored in the database, written
/// only to the owner-only ownership file so commands on the same machine can work through the running process.
/// </summary>
public sealed record LocalAdminToken(string Key)
{
    public const string UserName = "local-admin";

    public static LocalAdminToken Create() => new(ApiKeys.Create().Key);
}
