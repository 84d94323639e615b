using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;

namespace LogSentinel.Cli.Tuning;

/// <summary><c>tune calendar [--holiday D]... [--working-day D]... [--clear D]...</c>: extra days off and extra working days.</summary>
internal static class TuneCalendarCommand
{
    public static Command Create()
    {
        var holidays = new Option<string[]>("--holiday") { Description = "A local date (yyyy-MM-dd) to treat as a day off (repeatable)." };
        var workingDays = new Option<string[]>("--working-day") { Description = "A local date (yyyy-MM-dd) to treat as a working day, e.g. a make-up Saturday (repeatable)." };
        var clear = new Option<string[]>("--clear") { Description = "A date to take out of both lists (repeatable)." };
        var command = new Command("calendar", "Add extra holidays or extra working days to the working calendar (off_hours, volume_spike).");
        command.Options.Add(holidays);
        command.Options.Add(workingDays);
        command.Options.Add(clear);
        TuneChanges.AddTo(command);
        command.SetAction((parse, cancellationToken) => TuneChanges.RunAsync(parse, (document, _) =>
        {
            var add = Dates(parse.GetValue(holidays), "--holiday");
            var work = Dates(parse.GetValue(workingDays), "--working-day");
            var remove = Dates(parse.GetValue(clear), "--clear");
            if (add.Count + work.Count + remove.Count == 0)
            {
                throw new ConfigurationException("Give at least one of --holiday, --working-day, --clear.");
            }

            var extraHolidays = document.Calendar.ExtraHolidays.Except(remove).Except(work).Union(add).Order().ToList();
            var extraWorking = document.Calendar.ExtraWorkingDays.Except(remove).Except(add).Union(work).Order().ToList();
            var parts = new List<string>();
            parts.AddRange(add.Select(d => "holiday " + Text(d)));
            parts.AddRange(work.Select(d => "working day " + Text(d)));
            parts.AddRange(remove.Select(d => "clear " + Text(d)));
            return (document with { Calendar = new() { ExtraHolidays = extraHolidays, ExtraWorkingDays = extraWorking } }, "calendar " + string.Join(", ", parts));
        }, cancellationToken));
        return command;
    }

    private static List<DateOnly> Dates(string[]? values, string option)
    {
        var dates = new List<DateOnly>();
        foreach (var v in values ?? [])
        {
            if (!DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                throw new ConfigurationException($"{option} '{v}' is not a date like 2026-12-24.");
            }

            dates.Add(d);
        }

        return dates;
    }

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
