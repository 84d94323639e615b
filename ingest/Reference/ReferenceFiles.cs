using LogSentinel.Ingest.Privacy;
using LogSentinel.Store.Reference;

namespace LogSentinel.Ingest.Reference;

/// <summary>The reference files of one load; any may be absent.</summary>
public sealed record ReferenceFiles(FileInfo? Accounts, FileInfo? Networks, FileInfo? Delegations)
{
    public bool IsEmpty => Accounts is null && Networks is null && Delegations is null;

    /// <summary>Parses and validates every file, collecting all problems of all files before failing.</summary>
    public ParsedReferenceData Parse()
    {
        var errors = new List<ReferenceDataError>();
        var accounts = ParseOne(Accounts, ReferenceFileParser.ParseAccounts, errors);
        var networks = ParseOne(Networks, ReferenceFileParser.ParseNetworks, errors);
        var delegations = ParseOne(Delegations, ReferenceFileParser.ParseDelegations, errors);
        return errors.Count > 0
            ? throw new ReferenceDataException(errors)
            : new ParsedReferenceData(accounts, networks, delegations, this);
    }

    private static (IReadOnlyList<T>, string)? ParseOne<T>(FileInfo? file, Func<TextReader, string, IReadOnlyList<T>> parse, List<ReferenceDataError> errors)
    {
        if (file is null)
        {
            return null;
        }

        if (!file.Exists)
        {
            errors.Add(new ReferenceDataError(file.FullName, 0, null, "the file does not exist"));
            return null;
        }

        try
        {
            using var reader = new StreamReader(file.FullName, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return (parse(reader, file.FullName), file.FullName);
        }
        catch (ReferenceDataException ex)
        {
            errors.AddRange(ex.Errors);
            return null;
        }
    }
}

/// <summary>Validated reference data, ready to load.</summary>
public sealed record ParsedReferenceData(
    (IReadOnlyList<AccountRecord> Records, string Source)? Accounts,
    (IReadOnlyList<NetworkRecord> Records, string Source)? Networks,
    (IReadOnlyList<DelegationRecord> Records, string Source)? Delegations,
    ReferenceFiles Files)
{
    /// <summary>Whether an account or delegate named here is a citizen id, which must be pseudonymized before it loads.</summary>
    public bool NamesCitizenIds =>
        (Accounts?.Records.Any(a => AccountPseudonyms.IsCitizenId(a.Account)) ?? false)
        || (Delegations?.Records.Any(d => AccountPseudonyms.IsCitizenId(d.Account) || AccountPseudonyms.IsCitizenId(d.Delegate)) ?? false);

    /// <summary>
    /// The same data with every account and delegate that is a citizen id replaced as the log parsers replace it,
    /// so reference data joins the events it describes.
    /// </summary>
    public ParsedReferenceData WithAccountPseudonyms(CitizenIdPseudonymizer pseudonymizer)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        return this with
        {
            Accounts = Accounts is { } a
                ? ([.. a.Records.Select(r => r with { Account = AccountPseudonyms.Apply(pseudonymizer, r.Account) })], a.Source)
                : null,
            Delegations = Delegations is { } d
                ? ([.. d.Records.Select(r => r with
                {
                    Account = AccountPseudonyms.Apply(pseudonymizer, r.Account),
                    Delegate = AccountPseudonyms.Apply(pseudonymizer, r.Delegate),
                })], d.Source)
                : null,
        };
    }

    /// <summary>Loads each kind present; returns the versions now in force.</summary>
    public async Task<IReadOnlyList<ReferenceVersion>> LoadAsync(IReferenceStore store, string loadedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var loaded = new List<ReferenceVersion>();
        if (Accounts is { } a)
        {
            loaded.Add(await store.LoadAccountsAsync([.. a.Records], a.Source, loadedBy, cancellationToken).ConfigureAwait(false));
        }

        if (Networks is { } n)
        {
            loaded.Add(await store.LoadNetworksAsync([.. n.Records], n.Source, loadedBy, cancellationToken).ConfigureAwait(false));
        }

        if (Delegations is { } d)
        {
            loaded.Add(await store.LoadDelegationsAsync([.. d.Records], d.Source, loadedBy, cancellationToken).ConfigureAwait(false));
        }

        return loaded;
    }
}
