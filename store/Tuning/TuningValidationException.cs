namespace LogSentinel.Store.Tuning;

/// <summary>A tuning document or change is invalid; the message names the field (<c>suppressions[1].network</c>) and what is wrong.</summary>
public sealed class TuningValidationException(string field, string problem) : StoreException($"{field}: {problem}.")
{
    public string Field { get; } = field;
}
