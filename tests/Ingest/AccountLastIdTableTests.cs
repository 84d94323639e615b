using System.Text;
using LogSentinel.Ingest.Privacy;

namespace LogSentinel.Tests.Ingest;

public sealed class AccountLastIdTableTests
{
    [Fact]
    public void Exchange_ReturnsPreviousIdOfSameAccountOnly()
    {
        var table = new AccountLastIdTable(16);

        Assert.False(table.Exchange("a"u8, 10, out _));
        Assert.False(table.Exchange("b"u8, 20, out _));
        Assert.True(table.Exchange("a"u8, 15, out var previous));
        Assert.Equal(10, previous);
        Assert.True(table.Exchange("b"u8, 1, out previous));
        Assert.Equal(20, previous);
    }

    [Fact]
    public void Exchange_ManyMoreAccountsThanCapacity_StaysBoundedAndKeepsRecentOnes()
    {
        var table = new AccountLastIdTable(64);

        for (var i = 0; i < 10_000; i++)
        {
            table.Exchange(Encoding.ASCII.GetBytes("acct" + i), i, out _);
        }

        Assert.Equal(64, table.Capacity);
        Assert.True(table.Exchange(Encoding.ASCII.GetBytes("acct9999"), 1, out var previous));
        Assert.Equal(9999, previous);
    }

    [Fact]
    public void Exchange_HotAccountSurvivesChurnInItsSet()
    {
        var table = new AccountLastIdTable(4);
        table.Exchange("hot"u8, 1, out _);

        for (var i = 0; i < 100; i++)
        {
            table.Exchange(Encoding.ASCII.GetBytes("cold" + i), i, out _);
            table.Exchange("hot"u8, 1, out _);
        }

        Assert.True(table.Exchange("hot"u8, 2, out var previous));
        Assert.Equal(1, previous);
    }

    [Fact]
    public void Clear_ForgetsEveryAccount()
    {
        var table = new AccountLastIdTable(8);
        table.Exchange("a"u8, 1, out _);

        table.Clear();

        Assert.False(table.Exchange("a"u8, 2, out _));
    }
}
