namespace LogSentinel.Store.Tuning;

/// <summary>One stored version of the tuning document and who wrote it, when and why.</summary>
/// <param name="Version">1, 2, ...; 0 is the empty document no one wrote.</param>
/// <param name="WrittenAt">Wall clock (UTC) of the change.</param>
/// <param name="Actor">Who made it.</param>
/// <param name="Reason">Why, as the actor wrote it.</param>
/// <param name="Change">What changed, in one line (<c>set BruteForce:IpFailures=30</c>).</param>
/// <param name="BasedOn">The version the change was made on.</param>
/// <param name="RevertedTo">For a revert, the version whose content it restored; otherwise 0.</param>
/// <param name="Document">The whole document as of this version.</param>
public sealed record TuningVersion(
    ulong Version, DateTime WrittenAt, string Actor, string Reason, string Change, ulong BasedOn, ulong RevertedTo, TuningDocument Document)
{
    /// <summary>Version 0: the empty document.</summary>
    public static TuningVersion Initial { get; } = new(0, DateTime.UnixEpoch, string.Empty, string.Empty, string.Empty, 0, 0, TuningDocument.Empty);
}
