using System.Runtime.InteropServices;

namespace LogSentinel.Store.Embedded;

/// <summary>
/// chdb_connect installs its own handlers for SIGSEGV, SIGBUS, SIGABRT, SIGINT and others. The .NET runtime
/// turns SIGSEGV into NullReferenceException and SIGINT into Ctrl-C handling; with chDB's handlers in place the
/// first managed null dereference kills the process (exit 139). Saving every handler with sigaction before
/// connecting and restoring it afterwards keeps the runtime's behaviour; chdb_set_signal_handlers_enabled(0)
/// does not (measured on .NET 10).
/// </summary>
internal static unsafe partial class SignalHandlerGuard
{
    // struct sigaction on x86_64 glibc is 152 bytes; a larger opaque buffer stays safe on other layouts.
    private const int SigactionSize = 256;
    private const int MaxSignal = 31;
    private const int SigKill = 9;
    private const int SigStop = 19;

    /// <summary>Runs <paramref name="action"/> and puts back every signal disposition it changed.</summary>
    public static T Preserving<T>(Func<T> action)
    {
        var saved = new byte[(MaxSignal + 1) * SigactionSize];
        fixed (byte* buffer = saved)
        {
            for (var signal = 1; signal <= MaxSignal; signal++)
            {
                if (signal is SigKill or SigStop)
                {
                    continue;
                }

                _ = Sigaction(signal, null, buffer + (signal * SigactionSize));
            }

            try
            {
                return action();
            }
            finally
            {
                for (var signal = 1; signal <= MaxSignal; signal++)
                {
                    if (signal is SigKill or SigStop)
                    {
                        continue;
                    }

                    _ = Sigaction(signal, buffer + (signal * SigactionSize), null);
                }
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "sigaction")]
    private static partial int Sigaction(int signal, byte* newAction, byte* oldAction);
}
