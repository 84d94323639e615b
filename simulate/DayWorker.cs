using LogSentinel.Simulate.Events;
using LogSentinel.Simulate.Output;
using LogSentinel.Simulate.Rhythm;
using LogSentinel.Simulate.Scenarios;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate;

/// <summary>
/// Produces one day's lines: every account's benign day in account order, then each scenario in kind order, then
/// scenario rewrites; sorts; encodes. Holds per-worker scratch state, so one instance per concurrent day.
/// </summary>
internal sealed class DayWorker(WorldModel world, IReadOnlyList<IScenario> scenarios, GatewayFormat format)
{
    private readonly EventBuffer _buffer = new();
    private readonly HumanDayGenerator _humans = new(world);
    private readonly ServiceDayGenerator _services = new(world);
    private readonly DayEncoder _encoder = new(world, format);

    public DayOutput Produce(int day)
    {
        Fill(day);
        return _encoder.Encode(_buffer);
    }

    /// <summary>Generates and sorts the events of <paramref name="day"/> without encoding them.</summary>
    public EventBuffer Fill(int day)
    {
        _buffer.Reset(day, world.Calendar.DayStartMs(day));
        foreach (var account in world.Accounts)
        {
            if (account.IsService)
            {
                _services.Generate(account, _buffer);
            }
            else
            {
                _humans.Generate(account, _buffer);
            }
        }

        foreach (var scenario in scenarios)
        {
            scenario.Generate(_buffer);
        }

        foreach (var scenario in scenarios)
        {
            scenario.Rewrite(_buffer);
        }

        _buffer.Sort();
        return _buffer;
    }
}
