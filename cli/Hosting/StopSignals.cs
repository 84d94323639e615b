using System.Runtime.InteropServices;

namespace LogSentinel.Cli.Hosting;

/// <summary>
/// Ctrl-C and SIGTERM as cancellation for the long-running roles. System.CommandLine does not turn them into
/// cancellation: without this the process would die at once, leaving its last batch, alerts and checkpoint
/// unwritten (a restart would redo them, but later).
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public StopSignals(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    /// <summary>Cancelled by the signals, by the command's own token, or by <see cref="CancelAsync"/>.</summary>
    public CancellationToken Token => _stop.Token;

    public Task CancelAsync() => _stop.CancelAsync();

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }
}
