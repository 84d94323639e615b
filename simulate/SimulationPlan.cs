using LogSentinel.Simulate.Rhythm;
using LogSentinel.Simulate.Scenarios;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate;

/// <summary>The world and the planned scenarios of a run: everything decided before the first event is generated.</summary>
internal sealed class SimulationPlan
{
    private SimulationPlan(WorldModel world, IReadOnlyList<IScenario> scenarios, IReadOnlyList<GroundTruthLabel> labels)
    {
        World = world;
        Scenarios = scenarios;
        Labels = labels;
    }

    public WorldModel World { get; }

    public IReadOnlyList<IScenario> Scenarios { get; }

    public IReadOnlyList<GroundTruthLabel> Labels { get; }

    public static SimulationPlan Create(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var calendar = new SimCalendar(options.Start, options.Days);
        var world = WorldBuilder.Build(options.Seed, calendar, options.Accounts);

        // Planned in kind order whatever order they were asked in, so targets do not depend on the command line.
        var requests = new List<ScenarioRequest>(options.Scenarios);
        requests.Sort((a, b) => a.Kind.CompareTo(b.Kind));
        var labels = new List<GroundTruthLabel>();
        var scenarios = new List<IScenario>();
        foreach (var request in requests)
        {
            var scenario = ScenarioFactory.Create(request.Kind);
            scenario.Plan(new ScenarioPlanner(world, request, labels));
            scenarios.Add(scenario);
        }

        WorkScheduler.Schedule(world);
        labels.Sort((a, b) =>
        {
            var c = a.Start.CompareTo(b.Start);
            c = c != 0 ? c : string.CompareOrdinal(a.Scenario, b.Scenario);
            return c != 0 ? c : string.CompareOrdinal(a.Entity, b.Entity);
        });
        return new SimulationPlan(world, scenarios, labels);
    }
}
