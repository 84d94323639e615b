using LogSentinel.Store;
using LogSentinel.Store.Activity;

namespace LogSentinel.Tests.Store;

/// <summary>The store's first/last seen and timelines of every entity of a world against what its events say.</summary>
internal static class EntityActivityAssert
{
    public static async Task AgreesWithEventsAsync(ILogStore store, ActivityWorld world)
    {
        var first = world.Events.Min(e => e.At);
        var last = world.Events.Max(e => e.At);
        foreach (var (kind, name) in world.Entities)
        {
            Assert.Equal(world.Seen(kind, name), await store.Activity.GetSeenAsync(kind, name));
            foreach (var bucket in new[] { ActivityBucket.Minute, ActivityBucket.Hour, ActivityBucket.Day })
            {
                var timeline = await store.Activity.GetTimelineAsync(kind, name, first.AddMinutes(-1), last.AddMinutes(1), bucket);
                Assert.Equal(world.Timeline(kind, name, bucket), timeline);
            }
        }
    }
}
