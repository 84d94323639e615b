using LogSentinel.Detect.Model;

namespace LogSentinel.Tests.Behaviour;

/// <summary>Feature windows of ordinary officers' days, and of a scripted bulk-lookup day.</summary>
internal static class SyntheticWindows
{
    public static List<float[]> Normal(int count, int seed)
    {
        var rng = new Random(seed);
        var windows = new List<float[]>(count);
        for (var n = 0; n < count; n++)
        {
            var level = 2.5 + rng.NextDouble() * 2;
            var today = (rng.NextDouble() - 0.5) * 0.8;
            var f = new float[BehaviourFeatures.Count];
            f[BehaviourFeatures.LookupsLog] = (float)(level + today);
            f[BehaviourFeatures.DistinctCitizensLog] = (float)(level + today - 0.02);
            f[BehaviourFeatures.SequentialIdShare] = (float)(rng.NextDouble() * 0.05);
            f[BehaviourFeatures.GapVariation] = (float)(1.2 + rng.NextDouble());
            f[BehaviourFeatures.ScriptClientShare] = 0;
            f[BehaviourFeatures.OffHoursShare] = (float)(rng.NextDouble() * 0.05);
            f[BehaviourFeatures.DistinctPeersLog] = 0.69f;
            f[BehaviourFeatures.NotFoundShare] = (float)(rng.NextDouble() * 0.06);
            f[BehaviourFeatures.ServerErrorShare] = (float)(rng.NextDouble() * 0.01);
            f[BehaviourFeatures.ProvincesLog] = (float)(1 + rng.NextDouble());
            f[BehaviourFeatures.LookupsVsBaseline] = (float)today;
            f[BehaviourFeatures.TodayZ] = (float)(today / 0.4);
            f[BehaviourFeatures.RecentZ] = (float)((rng.NextDouble() - 0.5) * 2);
            f[BehaviourFeatures.CitizensVsBaseline] = (float)today;
            windows.Add(f);
        }

        return windows;
    }

    /// <summary>A VBScript evening: many lookups, machine-regular, sequential ids, a scripting client, off-hours.</summary>
    public static float[] Scripted()
    {
        var f = Normal(1, 99)[0];
        f[BehaviourFeatures.LookupsLog] = 7.1f;
        f[BehaviourFeatures.DistinctCitizensLog] = 7.1f;
        f[BehaviourFeatures.SequentialIdShare] = 0.95f;
        f[BehaviourFeatures.GapVariation] = 0.05f;
        f[BehaviourFeatures.ScriptClientShare] = 0.95f;
        f[BehaviourFeatures.OffHoursShare] = 0.9f;
        f[BehaviourFeatures.LookupsVsBaseline] = 4;
        f[BehaviourFeatures.TodayZ] = 10;
        f[BehaviourFeatures.RecentZ] = 6;
        f[BehaviourFeatures.CitizensVsBaseline] = 4;
        return f;
    }
}
