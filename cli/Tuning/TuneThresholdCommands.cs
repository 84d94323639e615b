using System.CommandLine;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect;
using LogSentinel.Detect.Tuning;
using LogSentinel.Store.Tuning;

namespace LogSentinel.Cli.Tuning;

/// <summary><c>tune set KEY=VALUE... [--agency A]</c> and <c>tune unset KEY... [--agency A]</c>: threshold overrides.</summary>
internal static class TuneThresholdCommands
{
    private static readonly Option<string?> Agency = new("--agency") { Description = "Apply only to entities of this agency." };

    public static Command CreateSet()
    {
        var assignments = new Argument<string[]>("assignments") { Description = "KEY=VALUE pairs, keys as under Detection (see tune keys).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("set", "Override thresholds (keys as under the Detection settings, e.g. BruteForce:IpFailures=30).");
        command.Arguments.Add(assignments);
        command.Options.Add(Agency);
        TuneChanges.AddTo(command);
        command.SetAction((parse, cancellationToken) => TuneChanges.RunAsync(parse, (document, _) =>
        {
            var agency = parse.GetValue(Agency);
            var thresholds = document.Thresholds.ToList();
            // Keys are stored as the settings spell them, whatever case the operator typed.
            var pairs = parse.GetRequiredValue(assignments).Select(TuneChanges.SplitAssignment)
                .Select(p => (Key: TunableSettings.Apply(new DetectionOptions(), p.Key, p.Value, p.Key), p.Value)).ToList();
            foreach (var (key, value) in pairs)
            {
                thresholds.RemoveAll(t => Same(t, key, agency));
                thresholds.Add(new ThresholdOverride(key, value, agency));
            }

            return (document with { Thresholds = thresholds }, "set " + string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) + Scope(agency));
        }, cancellationToken));
        return command;
    }

    public static Command CreateUnset()
    {
        var keys = new Argument<string[]>("keys") { Description = "Keys whose override to remove (the configured value applies again).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("unset", "Remove threshold overrides, so the configured values apply again.");
        command.Arguments.Add(keys);
        command.Options.Add(Agency);
        TuneChanges.AddTo(command);
        command.SetAction((parse, cancellationToken) => TuneChanges.RunAsync(parse, (document, _) =>
        {
            var agency = parse.GetValue(Agency);
            var thresholds = document.Thresholds.ToList();
            var names = parse.GetRequiredValue(keys);
            foreach (var key in names)
            {
                if (thresholds.RemoveAll(t => Same(t, key, agency)) == 0)
                {
                    throw new ConfigurationException($"{key} has no override{Scope(agency)} to remove (see tune show).");
                }
            }

            return (document with { Thresholds = thresholds }, "unset " + string.Join(' ', names) + Scope(agency));
        }, cancellationToken));
        return command;
    }

    private static bool Same(ThresholdOverride t, string key, string? agency) =>
        string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase) && string.Equals(t.Agency, agency, StringComparison.Ordinal);

    private static string Scope(string? agency) => agency is null ? string.Empty : $" for agency {agency}";
}
