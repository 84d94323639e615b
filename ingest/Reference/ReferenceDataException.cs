namespace LogSentinel.Ingest.Reference;

/// <summary>A reference file did not validate; nothing from it was loaded. <see cref="Errors"/> lists every problem found.</summary>
public sealed class ReferenceDataException(IReadOnlyList<ReferenceDataError> errors)
    : Exception(Describe(errors))
{
    public IReadOnlyList<ReferenceDataError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<ReferenceDataError> errors)
    {
        const int Shown = 20;
        var lines = errors.Take(Shown).Select(e => "  " + e);
        var more = errors.Count > Shown ? $"\n  ... and {errors.Count - Shown} more" : string.Empty;
        return $"{errors.Count} problem(s) in reference data; nothing was loaded:\n{string.Join('\n', lines)}{more}";
    }
}
