namespace LogSentinel.Ingest.Privacy;

/// <summary>
/// The structure of a citizen identity number (CCCD): 12 ASCII digits, of which the first three are the province
/// code of the birth registration. Values never leave the parser in clear.
/// </summary>
internal static class CitizenId
{
    public const int Length = 12;
    public const int ProvinceLength = 3;

    /// <summary>Validates 12 ASCII digits and returns their numeric value (for the distance between looked-up ids).</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.Length != Length)
        {
            return false;
        }

        long v = 0;
        for (var i = 0; i < Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return false;
            }

            v = (v * 10) + digit;
        }

        value = v;
        return true;
    }
}
