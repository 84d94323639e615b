namespace LogSentinel.Store.Schema;

/// <summary>Every schema step, oldest first. Append new steps; never edit one that has shipped.</summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "events and dead letters", [EventTables.GatewayEvents, EventTables.AppEvents, EventTables.DeadLetters, EventTables.DeadLetterRedrives]),
        new(2, "per-minute rollups", [
            RollupTables.Account, RollupTables.AccountFromGateway, RollupTables.AccountFromApp,
            RollupTables.Ip, RollupTables.IpFromGateway, RollupTables.IpFromApp,
            RollupTables.Agency, RollupTables.AgencyFromGateway, RollupTables.AgencyFromApp,
        ]),
        new(3, "alerts and alert history", [AlertTables.Alerts, AlertTables.AlertHistory]),
        new(4, "reference data", [ReferenceTables.Versions, ReferenceTables.Accounts, ReferenceTables.Networks, ReferenceTables.Delegations]),
        new(5, "audit log and detector state", [OperationsTables.AuditLog, OperationsTables.DetectorState]),
        new(7, "baselines, anomaly models, feature windows and shadow scores", [
            BehaviourTables.EntityBaselines, BehaviourTables.Models, BehaviourTables.ModelWindows, BehaviourTables.ModelScores,
        ]),
        new(8, "tuning versions", [TuningTables.Versions]),
        new(9, "alert triage and api users", [AccessTables.AlertTriage, AccessTables.ApiUsers]),
        new(10, "daily reports", [ReportTables.Reports]),
        new(11, "entity first/last seen and hourly activity", [
            EntityActivityTables.Seen, EntityActivityTables.Hourly,
            EntityActivityTables.SeenFromAccounts, EntityActivityTables.SeenFromIps, EntityActivityTables.SeenFromAgencies,
            EntityActivityTables.HourlyFromAccounts, EntityActivityTables.HourlyFromIps, EntityActivityTables.HourlyFromAgencies,
            EntityActivityTables.BackfillSeenAccounts, EntityActivityTables.BackfillSeenIps, EntityActivityTables.BackfillSeenAgencies,
            EntityActivityTables.BackfillHourlyAccounts, EntityActivityTables.BackfillHourlyIps, EntityActivityTables.BackfillHourlyAgencies,
        ]),
    ];
}
