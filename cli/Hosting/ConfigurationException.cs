namespace LogSentinel.Cli.Hosting;

/// <summary>A setting is missing or wrong; the message names the key and what is expected.</summary>
internal sealed class ConfigurationException(string message) : Exception(message);
