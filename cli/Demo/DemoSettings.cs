using System.Globalization;
using LogSentinel.Cli.Hosting;

namespace LogSentinel.Cli.Demo;

/// <summary>The demo's options, checked with errors that name the option.</summary>
internal sealed record DemoSettings(int Port, double Speed, int Days, int Accounts, bool Reset, int StatusIntervalSeconds)
{
    public TimeSpan StatusInterval => TimeSpan.FromSeconds(StatusIntervalSeconds);

    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture, $"--port must be between 0 and 65535; it is {Port}."));
        }

        if (!double.IsFinite(Speed) || Speed < 0)
        {
            throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture, $"--speed must be 0 (as fast as possible) or more; it is {Speed}."));
        }

        if (Days is < 1 or > 366)
        {
            throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture, $"--days must be between 1 and 366; it is {Days}."));
        }

        if (Accounts is < 20 or > 200_000)
        {
            throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture, $"--accounts must be between 20 and 200000; it is {Accounts}."));
        }

        if (StatusIntervalSeconds is < 1 or > 3600)
        {
            throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture, $"--status-interval must be between 1 and 3600 seconds; it is {StatusIntervalSeconds}."));
        }
    }
}
