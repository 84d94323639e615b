using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace LogSentinel.Cli.Hosting;

/// <summary>A section of the settings bound strictly (an unknown key is an error) and validated.</summary>
internal static class SettingsSection
{
    /// <summary>
    /// Binds <paramref name="section"/>, lets <paramref name="complete"/> fill what comes from elsewhere, then runs
    /// <paramref name="validate"/>; any problem becomes a <see cref="ConfigurationException"/> naming the section.
    /// </summary>
    public static T Read<T>(ParseResult parse, string section, Action<T> validate, Action<T>? complete = null)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(validate);
        var options = new T();
        try
        {
            CliConfiguration.Build(parse).GetSection(section).Bind(options, o => o.ErrorOnUnknownConfiguration = true);
            complete?.Invoke(options);
            validate(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException($"Invalid setting in section '{section}': {ex.Message}");
        }

        return options;
    }
}
