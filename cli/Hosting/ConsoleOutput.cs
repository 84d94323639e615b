using System.CommandLine;
using Spectre.Console;

namespace LogSentinel.Cli.Hosting;

/// <summary>A Spectre console writing to the invocation's output, so tests can capture what users see.</summary>
internal static class ConsoleOutput
{
    public static IAnsiConsole For(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        if (ReferenceEquals(output, Console.Out))
        {
            return AnsiConsole.Console;
        }

        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
    }
}
