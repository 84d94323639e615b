namespace LogSentinel.Simulate.World;

/// <summary>Codes and traits of each <see cref="AgencyKind"/>.</summary>
internal static class AgencyKinds
{
    /// <summary>The kinds present in every district, in a fixed order.</summary>
    public static readonly AgencyKind[] District =
    [
        AgencyKind.OneStop, AgencyKind.LandRegistration, AgencyKind.Tax, AgencyKind.Police, AgencyKind.Labour, AgencyKind.Justice,
    ];

    /// <summary>Relative share of staff accounts per district kind (same order as <see cref="District"/>).</summary>
    public static ReadOnlySpan<double> StaffWeight => [3.0, 1.6, 1.4, 2.2, 0.9, 0.9];

    /// <summary>Relative daily lookup volume of an officer of each kind.</summary>
    public static double VolumeFactor(AgencyKind kind) => kind switch
    {
        AgencyKind.OneStop => 1.6,
        AgencyKind.Police => 1.2,
        AgencyKind.LandRegistration => 1.0,
        AgencyKind.Tax => 0.9,
        _ => 0.6,
    };

    public static string Code(AgencyKind kind) => kind switch
    {
        AgencyKind.OneStop => "BPMC",
        AgencyKind.LandRegistration => "VPDK",
        AgencyKind.Tax => "CCT",
        AgencyKind.Police => "CA",
        AgencyKind.Labour => "LDTBXH",
        AgencyKind.Justice => "TUPHAP",
        _ => "TTDL",
    };

    public static string AccountPart(AgencyKind kind) => kind switch
    {
        AgencyKind.OneStop => "bpmc",
        AgencyKind.LandRegistration => "vpdk",
        AgencyKind.Tax => "cct",
        AgencyKind.Police => "ca",
        AgencyKind.Labour => "ldtbxh",
        AgencyKind.Justice => "tuphap",
        _ => "svc",
    };

    /// <summary>Procedure codes (national public service portal style) the kind's lookups serve.</summary>
    public static string[] Purposes(AgencyKind kind) => kind switch
    {
        AgencyKind.OneStop => ["1.004227", "1.001612", "2.000986", "1.000894", "1.003583"],
        AgencyKind.LandRegistration => ["1.003003", "1.004193", "2.000889", "1.005398"],
        AgencyKind.Tax => ["1.007838", "2.001955", "1.010661"],
        AgencyKind.Police => ["2.001159", "1.004194", "2.001023", "1.010036"],
        AgencyKind.Labour => ["1.001776", "2.000286", "1.010801"],
        AgencyKind.Justice => ["1.001193", "1.004884", "1.000656"],
        _ => ["2.002154", "1.010007"],
    };
}
