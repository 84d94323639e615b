using LogSentinel.Detect.Baselines;

namespace LogSentinel.Tests.Behaviour;

public sealed class BaselineJudgeTests
{
    private static readonly BaselineOptions Options = new();

    [Fact]
    public void Judge_NoOwnHistory_ExpectsThePeersLevel_WithLowConfidence()
    {
        var peers = PeersAt(20, out var group);
        var ring = new ActiveDayRing(28);
        ring.Add(100, (float)Math.Log(1 + 60));

        var j = BaselineJudge.Judge(ring, 100, 7, peers, group, Options, new double[600]);

        Assert.Equal(0, j.OwnWeight);
        Assert.Equal(20, j.ExpectedLookups, 0.5);
        // Three times the peers' level on day one is notable, not yet beyond doubt.
        Assert.InRange(j.TodayZ, 1, 6);
    }

    [Fact]
    public void Judge_LongSteadyHistory_OwnBaselineDominates_AndAJumpStandsOut()
    {
        var peers = PeersAt(200, out var group);
        var ring = new ActiveDayRing(28);
        for (var d = 0; d < 20; d++)
        {
            ring.Add(d, (float)Math.Log(1 + (d % 2 == 0 ? 18 : 22)));
        }

        for (var d = 20; d < 25; d++)
        {
            ring.Add(d, (float)Math.Log(1 + 60));
        }

        var j = BaselineJudge.Judge(ring, 24, 5, peers, group, Options, new double[600]);

        Assert.True(j.OwnWeight > 0.85, $"own weight {j.OwnWeight}");
        Assert.InRange(j.ExpectedLookups, 15, 40);
        Assert.Equal(5, j.RecentDays);
        Assert.True(j.SustainedZ > 5, $"sustained z {j.SustainedZ}");
    }

    [Fact]
    public void Judge_NoHistoryNoPeers_NoExpectation()
    {
        var ring = new ActiveDayRing(28);
        ring.Add(5, 3);

        var j = BaselineJudge.Judge(ring, 5, 7, new PeerGroups(16), -1, Options, new double[64]);

        Assert.True(double.IsNaN(j.Expected));
    }

    private static PeerGroups PeersAt(int level, out int group)
    {
        var peers = new PeerGroups(512);
        group = peers.Intern("officer/CCT");
        var rng = new Random(3);
        for (var i = 0; i < 400; i++)
        {
            peers.Learn(group, i / 20, (float)Math.Log(1 + (level * Math.Exp((rng.NextDouble() - 0.5) * 0.6))));
        }

        return peers;
    }
}
