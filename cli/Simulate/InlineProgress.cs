namespace LogSentinel.Cli.Simulate;

/// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> would post and could reorder).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
