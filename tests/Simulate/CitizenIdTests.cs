using LogSentinel.Simulate.Randomness;
using LogSentinel.Simulate.World;

namespace LogSentinel.Tests.Simulate;

public sealed class CitizenIdTests
{
    [Fact]
    public void Next_FollowsTheCccdStructure()
    {
        var rng = new Prng(9);
        Span<byte> digits = stackalloc byte[12];
        for (var i = 0; i < 20_000; i++)
        {
            var id = CitizenIds.Next(rng, 60);
            CitizenIds.Write(id, digits);
            var text = System.Text.Encoding.ASCII.GetString(digits);
            Assert.Null(SpecChecker.CitizenId(text));
        }
    }

    [Fact]
    public void Make_EncodesSexAndCentury()
    {
        Span<byte> digits = stackalloc byte[12];
        CitizenIds.Write(CitizenIds.Make(60, 2003, female: true, serial: 4512), digits);
        Assert.Equal("060303004512", System.Text.Encoding.ASCII.GetString(digits));
        CitizenIds.Write(CitizenIds.Make(1, 1985, female: false, serial: 7), digits);
        Assert.Equal("001085000007", System.Text.Encoding.ASCII.GetString(digits));
    }
}
