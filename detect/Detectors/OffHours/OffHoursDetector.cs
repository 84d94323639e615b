using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Calendar;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.OffHours;

/// <summary>
/// <c>off_hours</c>: an account makes many lookups in one local clock hour outside the working calendar (evenings,
/// nights, weekends, public holidays incl. Tet), and nothing explains it: the account was not active at that time
/// of day on enough previous days (days off compared with days off), it is not a round-the-clock integration by its
/// history, and its agency is not visibly open then (several of its accounts working the same hour). Hours that
/// raise an alert do not teach the history, so repeated misuse never becomes normal. A policy violation unless
/// other alerts show an attack.
/// </summary>
internal sealed partial class OffHoursDetector : Detector
{
    private EntityStates<OffHoursState>? _states;
    private EntityStates<AgencyHours>? _agencies;
    private WorkingCalendar? _calendar;

    public override string Type => AlertTypes.OffHours;

    public override void OnApp(in AppEvent e, DetectionContext context)
    {
        if (e.Account < 0 || e.Kind is not (AppEventKind.Login or AppEventKind.CitizenLookup))
        {
            return;
        }

        var calendar = _calendar ??= Create(context);
        var state = _states!.Get(e.Account);
        if (state.FirstSeenMs == long.MaxValue)
        {
            state.FirstSeenMs = e.TimestampMs;
        }

        if (e.Agency >= 0)
        {
            state.Agency = e.Agency;
        }

        var hour = calendar.LocalHour(e.TimestampMs);
        ref var slot = ref state.Slot(hour);
        if (slot.Hour != hour)
        {
            if (slot.Hour != long.MinValue && slot.Events > 0)
            {
                // A jump in event time reached the slot before the watermark closed its older hour: that hour is
                // over for this account, so it is judged now.
                Finish(e.Account, state, ref slot, context);
            }

            slot = default;
            slot.Hour = hour;
            slot.Ip = -1;
            context.CloseAt(this, e.Account, calendar.HourStartUtc(hour + 1));
        }

        slot.Events++;
        if (e.Ip >= 0)
        {
            slot.Ip = e.Ip;
        }

        if (e.Kind != AppEventKind.CitizenLookup || calendar.IsWorkingTime(e.TimestampMs))
        {
            return;
        }

        if (slot.OffLookups == 0)
        {
            slot.FirstOffMs = e.TimestampMs;
            if (state.Agency >= 0)
            {
                _agencies!.Get(state.Agency).At(hour)++;
            }
        }

        switch (slot.OffLookups)
        {
            case 0: slot.Sample0 = e.EventKey; break;
            case 1: slot.Sample1 = e.EventKey; break;
            case 2: slot.Sample2 = e.EventKey; break;
        }

        slot.OffLookups++;
        slot.LastOffMs = Math.Max(slot.LastOffMs, e.TimestampMs);
    }

    public override void OnWindowClosed(int entity, long due, DetectionContext context)
    {
        var calendar = _calendar!;
        var state = _states!.Get(entity);
        var hour = calendar.LocalHour(due) - 1;
        ref var slot = ref state.Slot(hour);
        if (slot.Hour != hour || slot.Events == 0)
        {
            return;
        }

        Finish(entity, state, ref slot, context);
    }

    private void Finish(int entity, OffHoursState state, ref HourSlot slot, DetectionContext context)
    {
        var calendar = _calendar!;
        var hour = slot.Hour;
        var options = context.OptionsFor(context.Entities.AgencyOf(entity, state.Agency)).OffHours;
        var hourStart = calendar.HourStartUtc(hour);
        var day = calendar.LocalDay(hourStart);
        var hourOfDay = (int)(hour - (Math.Floor(hour / 24.0) * 24));
        var workingDay = calendar.IsWorkingDay(day);
        var alerted = false;
        if (slot.OffLookups >= options.MinLookups
            && (hourStart - state.FirstSeenMs >= options.WarmupHours * WindowSizes.Hour || slot.OffLookups >= options.WarmupMinLookups))
        {
            alerted = Judge(entity, state, ref slot, hourStart, day, hourOfDay, workingDay, context);
        }

        if (!alerted)
        {
            state.History[(workingDay ? 0 : 24) + hourOfDay].Mark(day);
            state.ActiveDays.Mark(day);
        }

        slot.Hour = long.MinValue;
    }

    private bool Judge(int entity, OffHoursState state, ref HourSlot slot, long hourStart, int day, int hourOfDay, bool workingDay, DetectionContext context)
    {
        var options = context.OptionsFor(context.Entities.AgencyOf(entity, state.Agency)).OffHours;
        var calendar = _calendar!;
        var lookback = options.LookbackDays;
        var activeHours = 0;
        for (var h = 0; h < 24; h++)
        {
            activeHours += (state.History[h].Before(day, lookback) | state.History[24 + h].Before(day, lookback)) != 0 ? 1 : 0;
        }

        // Daytime on a day off is compared with days off only (a Saturday morning with Saturday mornings); a night
        // or an evening with any night or evening, since shifts rotate over the week.
        var daytimeOffDay = !workingDay && (calendar.IsWorkingMinute(hourOfDay * 60) || calendar.IsWorkingMinute((hourOfDay * 60) + 59));
        var similarMask = 0UL;
        for (var d = -1; d <= 1; d++)
        {
            // The neighbouring hours count too (a shift starts or ends a little earlier or later), unless they lie
            // partly in working hours: work until 17:20 says nothing about 18:00.
            var h = (hourOfDay + d + 24) % 24;
            if (d != 0 && (calendar.IsWorkingMinute(h * 60) || calendar.IsWorkingMinute((h * 60) + 59)) != daytimeOffDay)
            {
                continue;
            }

            similarMask |= state.History[24 + h].Before(day, lookback);
            if (!daytimeOffDay)
            {
                similarMask |= state.History[h].Before(day, lookback);
            }
        }

        var similarDays = DayMask.Count(similarMask);
        var peers = state.Agency >= 0 ? _agencies!.Get(state.Agency).Find(slot.Hour) : 0;
        // A young history asks for less: one similar day in the account's first days, the full count once the
        // account has been seen for the whole look-back (a three-day police rota shows its second night early).
        var observedDays = Math.Max(0, (hourStart - state.FirstSeenMs) / WindowSizes.Day);
        var requiredDays = (int)Math.Clamp((long)Math.Ceiling(options.MinSimilarDays * (double)observedDays / options.LookbackDays), 1, options.MinSimilarDays);
        if (activeHours >= options.RoundTheClockHours || similarDays >= requiredDays
            || (options.MinAgencyPeers > 0 && peers >= options.MinAgencyPeers))
        {
            return false;
        }

        var entities = context.Entities;
        var name = entities.Accounts.Name(entity);
        var historyDays = DayMask.Count(state.ActiveDays.Before(day, lookback));
        var holiday = calendar.IsHoliday(day);
        var local = context.Local(hourStart);
        var weekend = !workingDay && !holiday;
        var kindEn = holiday ? "a public holiday" : weekend ? "a day off" : "a working day outside working hours";
        var kindVi = holiday ? "ngày nghỉ lễ, Tết" : weekend ? "ngày nghỉ cuối tuần" : "ngoài giờ làm việc của ngày làm việc";
        var evidence = new AlertEvidence();
        evidence.Counts["off_hours_lookups"] = slot.OffLookups;
        evidence.Counts["events"] = slot.Events;
        evidence.Counts["similar_days"] = similarDays;
        evidence.Counts["active_hours_of_day"] = activeHours;
        evidence.Counts["agency_accounts_off_hours"] = peers;
        evidence.Counts["history_days"] = historyDays;
        evidence.Accounts.Add(name);
        if (slot.Ip >= 0)
        {
            evidence.Addresses.Add(entities.Ips.Name(slot.Ip));
        }

        evidence.SampleEventKeys.Add(Scores.Hex(slot.Sample0));
        if (slot.OffLookups > 1)
        {
            evidence.SampleEventKeys.Add(Scores.Hex(slot.Sample1));
        }

        if (slot.OffLookups > 2)
        {
            evidence.SampleEventKeys.Add(Scores.Hex(slot.Sample2));
        }

        var features = new List<AlertFeature>
        {
            new("off_hours_lookups_1h", slot.OffLookups, options.MinLookups - 1, "<="),
            new($"similar_days_{options.LookbackDays}d", similarDays, requiredDays, ">="),
            new($"active_hours_of_day_{options.LookbackDays}d", activeHours, options.RoundTheClockHours, ">="),
            new("agency_accounts_off_hours", peers, options.MinAgencyPeers, ">="),
            new("working_day", workingDay ? 1 : 0, 1, "=="),
        };
        var hours = string.Create(CultureInfo.InvariantCulture, $"{options.WorkStart:hh\\:mm}-{options.WorkEnd:hh\\:mm}");
        var en = string.Create(CultureInfo.InvariantCulture,
            $"Account {name} made {slot.OffLookups} lookups between {local:HH:mm} and {local.AddHours(1):HH:mm} on {local:dddd yyyy-MM-dd}, {kindEn} (working hours {hours} local time); in the previous {options.LookbackDays} days it was active at this time on {similarDays} day(s) ({requiredDays} would make it normal), in {activeHours} of 24 hours of the day (not a round-the-clock account), and {peers} account(s) of its agency worked then.");
        var vi = string.Create(CultureInfo.InvariantCulture,
            $"Tài khoản {name} thực hiện {slot.OffLookups} lượt tra cứu từ {local:HH:mm} đến {local.AddHours(1):HH:mm} ngày {local:dd/MM/yyyy}, {kindVi} (giờ làm việc {hours} giờ Việt Nam); trong {options.LookbackDays} ngày trước, tài khoản hoạt động vào khung giờ này {similarDays} ngày (cần {requiredDays} ngày để coi là bình thường), trong {activeHours}/24 khung giờ (không phải tài khoản hoạt động liên tục), và có {peers} tài khoản của cơ quan làm việc cùng lúc.");
        var score = Scores.Scale(slot.OffLookups, options.MinLookups, 40, 75) + (workingDay ? 0 : 5);
        context.Raise(new AlertCandidate(AlertTypes.OffHours, EntityKinds.Account, name, entities.AgencyOf(entity, state.Agency), hourStart,
            hourStart + WindowSizes.Hour, score, new AlertExplanation(features, en, vi), evidence, IncidentCategory.PolicyViolation));
        return true;
    }

    public override void OnOptionsChanged(DetectionContext context)
    {
        if (_calendar is not null)
        {
            _calendar = new WorkingCalendar(context.Options.OffHours, context.Options.LocalOffset);
        }
    }

    private WorkingCalendar Create(DetectionContext context)
    {
        var open = (int)Math.Ceiling(context.Options.AllowedLateness.TotalHours) + 2;
        _states = new EntityStates<OffHoursState>(() => new OffHoursState(open));
        _agencies = new EntityStates<AgencyHours>(() => new AgencyHours(open));
        return new WorkingCalendar(context.Options.OffHours, context.Options.LocalOffset);
    }
}
