namespace LogSentinel.Ingest.Reference;

/// <summary>One problem in a reference file, pointing at the file, line and field.</summary>
public sealed record ReferenceDataError(string File, int Line, string? Field, string Message)
{
    public override string ToString() =>
        Field is null ? $"{File} line {Line}: {Message}" : $"{File} line {Line}, field {Field}: {Message}";
}
