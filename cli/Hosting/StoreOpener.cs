using System.CommandLine;
using LogSentinel.Store;
using LogSentinel.Store.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LogSentinel.Cli.Hosting;

/// <summary>Reads and validates the store settings of a command line, then opens the store.</summary>
internal static class StoreOpener
{
    public static StoreOptions ReadOptions(ParseResult parse)
    {
        var configuration = CliConfiguration.Build(parse);
        var options = new StoreOptions();
        try
        {
            configuration.GetSection(StoreOptions.SectionName).Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException($"Invalid setting in section '{StoreOptions.SectionName}': {ex.Message}");
        }

        var result = new StoreOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(StoreOptions.SectionName, typeof(StoreOptions), result.Failures);
        }

        return options;
    }

    public static ILogStore Open(ParseResult parse) => StoreFactory.Open(ReadOptions(parse));
}
