using System.Diagnostics;
using System.Text;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.QueryApi;

/// <summary>
/// A <c>logsentinel</c> role (<c>serve</c>, <c>run</c>) as a separate process, as an operator's would run: it holds its
/// own embedded data directory. <see cref="StartAsync"/> returns once a line of its output contains the ready text.
/// </summary>
internal sealed class RoleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RoleProcess(Process process) => _process = process;

    /// <summary>Everything it printed so far (standard output and error).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<RoleProcess> StartAsync(string ready, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryPaths.CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var cli = new RoleProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            cli.Append(e.Data);
            if (e.Data?.Contains(ready, StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => cli.Append(e.Data);
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException($"{args[0]} exited before it was ready: {cli.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // The timeout only guards against a hang; the process says when it is ready.
        await started.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return cli;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
