using LogSentinel.Cli.Hosting;

return await LogSentinelCli.RunAsync(args).ConfigureAwait(false);
