using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;
using LogSentinel.Simulate;
using LogSentinel.Simulate.Output;
using LogSentinel.Simulate.Scenarios;
using Spectre.Console;

namespace LogSentinel.Cli.Simulate;

/// <summary>
/// <c>logsentinel simulate</c>: writes the gateway and application logs of a simulated province, its reference data
/// and the ground truth of injected misuse, deterministically from <c>--seed</c>.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random choice; same seed, same bytes.", DefaultValueFactory = _ => 1 };
        var start = new Option<string>("--start") { Description = "First simulated local day (yyyy-MM-dd).", DefaultValueFactory = _ => "2024-01-01" };
        var days = new Option<int>("--days") { Description = "Number of simulated days.", DefaultValueFactory = _ => 30 };
        var accounts = new Option<int>("--accounts") { Description = "Staff accounts (service accounts come on top).", DefaultValueFactory = _ => 2000 };
        var format = new Option<string>("--format") { Description = "Gateway log format.", DefaultValueFactory = _ => "gateway-json" };
        format.AcceptOnlyFromAmong("gateway-json", "gateway-combined");
        var output = new Option<string>("--out") { Description = "Output directory.", Required = true };
        var gzip = new Option<bool>("--gzip") { Description = "Gzip the log files." };
        var scenarios = new Option<string>("--scenarios")
        {
            Description = "all, none, or a comma list of name[:low|medium|high][@yyyy-MM-ddTHH:mm][#account-or-ip], "
                + "e.g. scripted_bulk_lookup:high,brute_force:low. Names: " + string.Join(", ", ScenarioNames.All) + ".",
            DefaultValueFactory = _ => "all",
        };
        var parallelism = new Option<int>("--parallelism")
        {
            Description = "Days generated at once; does not change the output.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };

        var kafka = new Option<string?>("--kafka")
        {
            Description = "Produce the logs to Kafka at these brokers (host:port[,...]) instead of files; reference data and labels still go to --out.",
        };
        var gatewayTopic = new Option<string>("--gateway-topic") { Description = "Topic of the gateway log.", DefaultValueFactory = _ => "gateway-access" };
        var appTopic = new Option<string>("--app-topic") { Description = "Topic of the application log.", DefaultValueFactory = _ => "app-events" };
        var speed = new Option<double>("--speed")
        {
            Description = "With --kafka: event time per wall-clock time (1 real time, 60 a minute a second); 0 sends as fast as possible.",
            DefaultValueFactory = _ => 0,
        };

        var command = new Command("simulate", "Generate realistic gateway and application traffic, reference data and labelled misuse scenarios.")
        {
            seed, start, days, accounts, format, output, gzip, scenarios, parallelism, kafka, gatewayTopic, appTopic, speed,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SimulationOptions
            {
                Seed = parse.GetValue(seed),
                Start = ParseDate(parse.GetValue(start)),
                Days = parse.GetValue(days),
                Accounts = parse.GetValue(accounts),
                GatewayFormat = parse.GetValue(format) == "gateway-combined" ? GatewayFormat.Combined : GatewayFormat.Json,
                Scenarios = ParseScenarios(parse.GetValue(scenarios)),
                Parallelism = parse.GetValue(parallelism),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new ConfigurationException(ex.Message);
            }

            var directory = Path.GetFullPath(parse.GetValue(output)!);
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(parse.InvocationConfiguration.Output) });
            if (!console.Profile.Capabilities.Interactive)
            {
                // Redirected output defaults to 80 columns, which wraps the scenario table beyond reading.
                console.Profile.Width = Math.Max(console.Profile.Width, 150);
            }

            var brokers = parse.GetValue(kafka);
            IEventSink sink = string.IsNullOrWhiteSpace(brokers)
                ? new FileEventSink(directory, options.GatewayFormat, parse.GetValue(gzip))
                : new KafkaEventSink(brokers, parse.GetValue(gatewayTopic)!, parse.GetValue(appTopic)!, parse.GetValue(speed), TimeProvider.System);
            var summary = await RunAsync(console, options, directory, sink, cancellationToken).ConfigureAwait(false);
            SimulationReport.Write(console, summary, directory);
            return 0;
        });
        return command;
    }

    private static async Task<SimulationSummary> RunAsync(IAnsiConsole console, SimulationOptions options, string directory, IEventSink sink,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await using (sink.ConfigureAwait(false))
        {
            try
            {
                return await console.Progress()
                    .AutoClear(false)
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("Simulating", maxValue: options.Days);
                        var progress = new InlineProgress<SimulationProgress>(p =>
                        {
                            task.Value = p.DaysDone;
                            task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Date:yyyy-MM-dd}  {p.Events:N0} events");
                        });
                        return await TrafficSimulator.RunAsync(options, sink, directory, TimeProvider.System, progress, cancellationToken)
                            .ConfigureAwait(false);
                    }).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                throw new ConfigurationException(ex.Message);
            }
        }
    }

    private static DateOnly ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ConfigurationException($"--start '{text}' is not a date like 2024-01-01.");

    private static IReadOnlyList<ScenarioRequest> ParseScenarios(string? text)
    {
        try
        {
            return ScenarioSelection.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new ConfigurationException("--scenarios: " + ex.Message);
        }
    }
}
