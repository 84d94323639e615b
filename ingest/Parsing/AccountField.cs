using LogSentinel.Ingest.Privacy;

namespace LogSentinel.Ingest.Parsing;

/// <summary>The account of a parsed line as it may be stored (see <see cref="AccountPseudonyms"/>).</summary>
internal static class AccountField
{
    public static ReadOnlySpan<byte> Protect(ReadOnlySpan<byte> account, CitizenIdPseudonymizer pseudonymizer, ScratchArena scratch)
    {
        if (!AccountPseudonyms.IsCitizenId(account))
        {
            return account;
        }

        AccountPseudonyms.Write(pseudonymizer, account, scratch.Rent(AccountPseudonyms.Length));
        return scratch.Commit(AccountPseudonyms.Length);
    }
}
