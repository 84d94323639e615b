using System.Globalization;
using LogSentinel.Simulate.Randomness;
using LogSentinel.Simulate.Rhythm;

namespace LogSentinel.Simulate.World;

/// <summary>
/// Builds the benign world from the seed: provinces, agencies, networks, staff and service accounts, leave,
/// staff transfers and retirements, and delegations. Draws from one stream in a fixed order.
/// </summary>
internal static class WorldBuilder
{
    private static readonly string[] DelegationReasons = ["Nghỉ phép năm", "Đi công tác", "Đi học tập trung", "Nghỉ ốm"];

    public static WorldModel Build(ulong seed, SimCalendar calendar, int staffAccounts)
    {
        var rng = SeedMixer.Stream(seed, StreamPurpose.World);
        var world = new WorldModel(seed, calendar);
        var provinceCount = Math.Clamp((staffAccounts + 799) / 800, 1, ProvinceCatalog.All.Count);
        for (var p = 0; p < provinceCount; p++)
        {
            world.Provinces.Add(ProvinceCatalog.All[p]);
        }

        AddAgencies(world, staffAccounts);
        AddStaff(world, rng, staffAccounts);
        world.HumanCount = world.Accounts.Count;
        AddServices(world, rng);
        AddLeave(world, rng);
        AddChurn(world, rng);
        AddDelegations(world, rng);
        return world;
    }

    private static void AddAgencies(WorldModel world, int staffAccounts)
    {
        var kinds = AgencyKinds.District;
        for (var p = 0; p < world.Provinces.Count; p++)
        {
            var province = world.Provinces[p];
            var districtCount = Math.Clamp(staffAccounts / (world.Provinces.Count * kinds.Length * 10), 2, province.Districts.Count);
            var local = 0;
            for (var d = 0; d < districtCount; d++)
            {
                var district = province.Districts[d];
                foreach (var kind in kinds)
                {
                    var code = string.Join('-', province.Prefix, AgencyKinds.Code(kind), district.Code);
                    var agency = new Agency(world.Agencies.Count, code, kind, province, district);
                    AddNetwork(world, agency, Ipv4.Make(10, 20 + p, local, 0), 24, "office LAN");
                    if (kind == AgencyKind.Police)
                    {
                        AddNetwork(world, agency, Ipv4.Make(10, 20 + p, 128 + local, 0), 26, "duty station");
                    }

                    world.Agencies.Add(agency);
                    local++;
                }
            }

            var centre = new Agency(world.Agencies.Count, province.Prefix + "-TTDL-TINH", AgencyKind.DataCentre, province, null);
            AddNetwork(world, centre, Ipv4.Make(10, 250, p, 0), 24, "provincial data centre");
            world.Agencies.Add(centre);
        }
    }

    private static void AddNetwork(WorldModel world, Agency agency, uint baseAddress, int prefix, string label)
    {
        var range = new NetworkRange(agency.Index, baseAddress, prefix, label);
        agency.Networks.Add(range);
        world.Networks.Add(range);
    }

    private static void AddStaff(WorldModel world, Prng rng, int staffAccounts)
    {
        var districtAgencies = new List<Agency>();
        foreach (var a in world.Agencies)
        {
            if (a.Kind != AgencyKind.DataCentre)
            {
                districtAgencies.Add(a);
            }
        }

        var weights = new double[districtAgencies.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = AgencyKinds.StaffWeight[(int)districtAgencies[i].Kind];
        }

        ReadOnlySpan<double> browserWeights = [45, 15, 15, 8, 12, 5];
        for (var n = 0; n < staffAccounts; n++)
        {
            // Every agency gets a supervisor first; the rest of the staff follows the kind's weight.
            var first = n < districtAgencies.Count;
            var agency = first ? districtAgencies[n] : districtAgencies[rng.Pick(weights)];
            var pattern = agency.Kind switch
            {
                AgencyKind.OneStop => WorkPattern.OneStop,
                AgencyKind.Police when !first && rng.Chance(0.35) => WorkPattern.NightShift,
                _ => WorkPattern.Office,
            };
            var role = first ? "supervisor" : rng.Chance(0.03) ? "admin" : "officer";
            var name = UniqueName(world, string.Concat(agency.District!.Short, ".", AgencyKinds.AccountPart(agency.Kind), ".", PersonNames.Next(rng)));
            var host = 10 + ((agency.NextHost++ - 10) % 190);
            var account = new Account(world.Accounts.Count, name, agency, role, pattern, agency.Networks[0].Host(host),
                rng.Pick(browserWeights), world.Calendar.Days)
            {
                DailyMean = Math.Clamp(rng.LogNormal(11, 1.0) * AgencyKinds.VolumeFactor(agency.Kind) * (first ? 0.4 : 1.0), 0.5, 350),
                TypoRate = rng.Uniform(0.01, 0.06),
                SessionOverLunch = rng.Chance(0.35),
                Rotation = rng.Next(3),
                Status = AccountStatus.Active,
                StatusSince = world.Calendar.Start.AddDays(-rng.Next(60, 2000)),
                PasswordPeriod = rng.Next(14, 20),
            };
            account.PasswordChangedOn = -rng.Next(0, account.PasswordPeriod);
            world.AddAccount(account);
        }
    }

    private static void AddServices(WorldModel world, Prng rng)
    {
        string[] systems = ["dvc", "motcua", "hotich"];
        foreach (var centre in world.Agencies)
        {
            if (centre.Kind != AgencyKind.DataCentre)
            {
                continue;
            }

            var staff = 0;
            foreach (var a in world.Accounts)
            {
                staff += a.Agency.Province == centre.Province ? 1 : 0;
            }

            for (var s = 0; s < systems.Length; s++)
            {
                var name = string.Concat("svc.", centre.Province.Short, ".", systems[s]);
                var account = new Account(world.Accounts.Count, name, centre, "service", WorkPattern.Service,
                    centre.Networks[0].Host(10 + s), UserAgents.FirstService + s, world.Calendar.Days)
                {
                    // Requests per day at full rate, in proportion to the province's staff: integrations carry a
                    // steady share of the load around the clock, well below what the officers do by day.
                    DailyMean = Math.Max(300, staff * rng.Uniform(1.0, 2.5)),
                    Status = AccountStatus.Active,
                    StatusSince = world.Calendar.Start.AddDays(-rng.Next(200, 1500)),
                    PasswordPeriod = 25,
                };
                account.PasswordChangedOn = -rng.Next(0, 20);
                world.AddAccount(account);
            }
        }
    }

    private static void AddLeave(WorldModel world, Prng rng)
    {
        var days = world.Calendar.Days;
        for (var i = 0; i < world.HumanCount; i++)
        {
            var account = world.Accounts[i];

            // About one block of annual leave per six weeks, kept clear of public holidays so nobody is away
            // longer than the password policy tolerates.
            var blocks = rng.Poisson(days / 45.0);
            for (var b = 0; b < blocks; b++)
            {
                var from = rng.Next(days);
                var length = rng.Next(1, 6);
                if (NearHoliday(world.Calendar, from, length))
                {
                    continue;
                }

                for (var d = from; d < Math.Min(days, from + length); d++)
                {
                    account.Leave[d] = true;
                }
            }

            for (var d = 0; d < days; d++)
            {
                if (rng.Chance(0.012))
                {
                    account.Leave[d] = true;
                }
            }
        }
    }

    private static bool NearHoliday(SimCalendar calendar, int from, int length)
    {
        for (var d = from - 3; d < from + length + 3; d++)
        {
            if (calendar.IsHoliday(d))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddChurn(WorldModel world, Prng rng)
    {
        var days = world.Calendar.Days;

        // Roughly 4 % of staff change position or leave per month, plus a few accounts closed before the period.
        var during = Math.Max(1, (int)Math.Round(world.HumanCount * 0.04 * days / 30.0));
        var before = Math.Max(1, world.HumanCount / 60);
        for (var n = 0; n < during + before; n++)
        {
            var account = world.Accounts[rng.Next(world.HumanCount)];
            if (account.Claimed || account.Role == "supervisor")
            {
                continue;
            }

            var status = rng.Pick([0.5, 0.35, 0.15]) switch
            {
                0 => AccountStatus.Transferred,
                1 => AccountStatus.Retired,
                _ => AccountStatus.Disabled,
            };
            var day = n < during ? rng.Next(2, Math.Max(3, days)) : -rng.Next(10, 200);
            account.Status = status;
            account.StatusSince = world.Calendar.Date(day);
            account.LastWorkDay = day - 1;
            account.Claimed = true;
        }
    }

    private static void AddDelegations(WorldModel world, Prng rng)
    {
        var days = world.Calendar.Days;
        var count = Math.Max(1, (int)Math.Round(world.HumanCount / 60.0 * days / 30.0));
        for (var n = 0; n < count; n++)
        {
            var account = world.Accounts[rng.Next(world.HumanCount)];
            if (account.Claimed || account.Pattern == WorkPattern.NightShift)
            {
                continue;
            }

            var colleague = Colleague(world, account, rng);
            if (colleague is null)
            {
                continue;
            }

            var from = rng.Next(Math.Max(1, days - 3));
            var to = Math.Min(days - 1, from + rng.Next(2, 7));
            var delegation = new Delegation(account, colleague, from, to, rng.Pick(DelegationReasons));
            account.DelegatedTo.Add(delegation);
            world.Delegations.Add(delegation);
            account.Claimed = true;
            for (var d = from; d <= to; d++)
            {
                account.Leave[d] = true;
            }
        }
    }

    private static Account? Colleague(WorldModel world, Account account, Prng rng)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var other = world.Accounts[rng.Next(world.HumanCount)];
            if (other != account && other.Agency == account.Agency && other.Status == AccountStatus.Active && !other.Claimed)
            {
                return other;
            }
        }

        return null;
    }

    private static string UniqueName(WorldModel world, string name)
    {
        if (!world.HasAccount(name))
        {
            return name;
        }

        for (var i = 2; ; i++)
        {
            var candidate = string.Concat(name, i.ToString(CultureInfo.InvariantCulture));
            if (!world.HasAccount(candidate))
            {
                return candidate;
            }
        }
    }
}
