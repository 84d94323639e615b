using System.Text;
using LogSentinel.Store.DeadLetters;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Store;

public sealed class DeadLetterStoreTests
{
    private static readonly DateTime At = new(2024, 1, 15, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Insert_ThenList_EveryFieldIncludingNonUtf8BytesSurvives()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        byte[] raw = [.. "{\"ts\":\"bad\",\"x\":\""u8, 0xC3, 0x28, .. "\"}"u8];
        var letter = new DeadLetter(Guid.NewGuid(), At, "gateway", "gateway-json", "2/1045", "invalid_utf8", "byte 20 is not valid UTF-8", raw, [1, 2, 3, 0, 255]);

        await store.DeadLetters.InsertAsync([letter]);
        var listed = await store.DeadLetters.ListAsync(new DeadLetterQuery());

        var back = Assert.Single(listed);
        Assert.Equal(letter with { Raw = [], Sealed = [] }, back with { Raw = [], Sealed = [] });
        Assert.Equal(raw, back.Raw);
        Assert.Equal(letter.Sealed, back.Sealed);
    }

    [Fact]
    public async Task List_FiltersByReasonAndSource_CountsByReason()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        await store.DeadLetters.InsertAsync(
        [
            Letter("a.log", "bad_timestamp"), Letter("a.log", "bad_timestamp"), Letter("b.log", "invalid_ip"), Letter("b.log", "bad_timestamp"),
        ]);

        var badTimestamps = await store.DeadLetters.ListAsync(new DeadLetterQuery(Reason: "bad_timestamp"));
        var fromB = await store.DeadLetters.ListAsync(new DeadLetterQuery(Source: "b.log"));
        var counts = await store.DeadLetters.CountByReasonAsync();

        Assert.Equal(3, badTimestamps.Count);
        Assert.Equal(2, fromB.Count);
        Assert.Equal(new Dictionary<string, ulong> { ["bad_timestamp"] = 3, ["invalid_ip"] = 1 }, counts);
    }

    [Fact]
    public async Task RecordRedrives_IngestedOnesLeaveTheList_StillFailingStay()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var fixedOne = Letter("a.log", "bad_timestamp");
        var stillBad = Letter("a.log", "bad_timestamp");
        await store.DeadLetters.InsertAsync([fixedOne, stillBad]);

        await store.DeadLetters.RecordRedrivesAsync(
        [
            new DeadLetterRedrive(fixedOne.Id, At.AddHours(1), DeadLetterRedrive.Ingested, string.Empty),
            new DeadLetterRedrive(stillBad.Id, At.AddHours(1), DeadLetterRedrive.StillFailing, "bad_timestamp"),
        ]);

        Assert.Equal([stillBad.Id], (await store.DeadLetters.ListAsync(new DeadLetterQuery())).Select(l => l.Id));
        Assert.Equal(2, (await store.DeadLetters.ListAsync(new DeadLetterQuery(IncludeRedriven: true))).Count);
        Assert.Equal(1UL, (await store.DeadLetters.CountByReasonAsync())["bad_timestamp"]);
    }

    private static DeadLetter Letter(string source, string reason) =>
        new(Guid.NewGuid(), At, source, "gateway-json", "line 1", reason, reason, Encoding.UTF8.GetBytes("{}"), []);
}
