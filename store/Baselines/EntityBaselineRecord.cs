namespace LogSentinel.Store.Baselines;

/// <summary>What detection expects of one entity, as of the newest day it has judged.</summary>
/// <param name="EntityKind"><c>account</c>, <c>ip</c> or <c>agency</c>.</param>
/// <param name="Entity">The account name, address or agency code.</param>
/// <param name="Agency">The agency of the entity when known, else empty.</param>
/// <param name="PeerGroup">The peer group whose baseline is blended in (role and agency kind, e.g. <c>officer/CCT</c>), empty for none.</param>
/// <param name="OwnDays">Days of the entity's own history the baseline holds.</param>
/// <param name="AsOf">End of the last day folded in (UTC).</param>
/// <param name="ProfileJson">Expected lookups per working day and per day off (median and MAD, own, peer and blended) and the hourly profile.</param>
public sealed record EntityBaselineRecord(string EntityKind, string Entity, string Agency, string PeerGroup, uint OwnDays, DateTime AsOf, string ProfileJson);
