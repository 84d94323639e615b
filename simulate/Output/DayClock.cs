using System.Text;
using LogSentinel.Simulate.Rhythm;

namespace LogSentinel.Simulate.Output;

/// <summary>
/// Writes local (+07:00) timestamps of one day: the date part is encoded once per day, the time of day per line.
/// </summary>
internal sealed class DayClock
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private readonly byte[] _rfcDate;
    private readonly byte[] _clfDate;

    public DayClock(DateOnly date, long dayStartMs)
    {
        DayStartMs = dayStartMs;
        _rfcDate = Encoding.ASCII.GetBytes(date.ToString("yyyy-MM-dd'T'", System.Globalization.CultureInfo.InvariantCulture));
        _clfDate = Encoding.ASCII.GetBytes(string.Concat(
            date.Day.ToString("00", System.Globalization.CultureInfo.InvariantCulture), "/", Months[date.Month - 1], "/",
            date.Year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), ":"));
    }

    public long DayStartMs { get; }

    /// <summary>RFC 3339 with milliseconds and offset: <c>2024-01-15T09:12:33.123+07:00</c>.</summary>
    public void WriteRfc3339(Span<byte> dest, ref int pos, long unixMs)
    {
        var ms = (int)(unixMs - DayStartMs);
        Utf8Text.Append(dest, ref pos, _rfcDate);
        WriteTime(dest, ref pos, ms);
        dest[pos++] = (byte)'.';
        Utf8Text.ThreeDigits(dest, ref pos, ms % 1000);
        Utf8Text.Append(dest, ref pos, "+07:00"u8);
    }

    /// <summary>NGINX <c>$time_local</c>: <c>15/Jan/2024:09:12:33 +0700</c>.</summary>
    public void WriteCommonLog(Span<byte> dest, ref int pos, long unixMs)
    {
        Utf8Text.Append(dest, ref pos, _clfDate);
        WriteTime(dest, ref pos, (int)(unixMs - DayStartMs));
        Utf8Text.Append(dest, ref pos, " +0700"u8);
    }

    private static void WriteTime(Span<byte> dest, ref int pos, int msOfDay)
    {
        var seconds = msOfDay / 1000;
        Utf8Text.TwoDigits(dest, ref pos, seconds / 3600);
        dest[pos++] = (byte)':';
        Utf8Text.TwoDigits(dest, ref pos, seconds / 60 % 60);
        dest[pos++] = (byte)':';
        Utf8Text.TwoDigits(dest, ref pos, seconds % 60);
    }

    /// <summary>Guards the assumption that every event of a day lies inside it.</summary>
    public bool Contains(long unixMs) => unixMs >= DayStartMs && unixMs < DayStartMs + SimCalendar.MsPerDay;
}
