namespace LogSentinel.Simulate.Randomness;

/// <summary>Distinct salts per generator, so no two generators ever share a random stream.</summary>
internal static class StreamPurpose
{
    public const ulong World = 0x57_4F_52_4C_44;
    public const ulong Human = 0x48_55_4D_41_4E;
    public const ulong Service = 0x53_45_52_56;
    public const ulong Scenario = 0x53_43_45_4E;
    public const ulong ScenarioPlan = 0x50_4C_41_4E;
    public const ulong RequestId = 0x52_45_51;
}
