namespace LogSentinel.Ingest.Privacy;

/// <summary>
/// Some provincial systems sign officers in with their own citizen identity number, so the account field of a log
/// line or a reference file can itself be a citizen id. Such an account is replaced, wherever it enters, by
/// <c>cccd-</c> and the id's keyed pseudonym: the same person stays the same account to detection, reference data
/// still joins, and the id never reaches the store.
/// </summary>
public static class AccountPseudonyms
{
    /// <summary>Marks a pseudonymized account, so analysts see at once that it stands for a citizen id.</summary>
    public static ReadOnlySpan<byte> Prefix => "cccd-"u8;

    /// <summary>Bytes of a pseudonymized account.</summary>
    public const int Length = 5 + CitizenIdPseudonymizer.PseudonymLength;

    /// <summary>Whether <paramref name="account"/> is a citizen id (12 ASCII digits) and must not be kept as it is.</summary>
    public static bool IsCitizenId(ReadOnlySpan<byte> account) => CitizenId.TryParse(account, out _);

    /// <summary>Whether <paramref name="account"/> is a citizen id (12 ASCII digits) and must not be kept as it is.</summary>
    public static bool IsCitizenId(string? account) =>
        account is { Length: CitizenId.Length } && account.All(char.IsAsciiDigit);

    /// <summary>Writes the account that stands for <paramref name="citizenId"/> (validated by the caller) to <paramref name="destination"/>.</summary>
    internal static void Write(CitizenIdPseudonymizer pseudonymizer, ReadOnlySpan<byte> citizenId, Span<byte> destination)
    {
        Prefix.CopyTo(destination);
        pseudonymizer.WritePseudonym(citizenId, destination[Prefix.Length..Length]);
    }

    /// <summary><paramref name="account"/> as it is stored: unchanged, or pseudonymized when it is a citizen id.</summary>
    public static string Apply(CitizenIdPseudonymizer pseudonymizer, string account)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        ArgumentNullException.ThrowIfNull(account);
        if (!IsCitizenId(account))
        {
            return account;
        }

        Span<byte> id = stackalloc byte[CitizenId.Length];
        for (var i = 0; i < id.Length; i++)
        {
            id[i] = (byte)account[i];
        }

        Span<byte> result = stackalloc byte[Length];
        Write(pseudonymizer, id, result);
        return System.Text.Encoding.ASCII.GetString(result);
    }
}
