using System.Globalization;

namespace LogSentinel.Tests.Infrastructure;

/// <summary>A failure the test endpoint answers the way ClickHouse does: an HTTP status, the code header and <c>Code: N. DB::Exception: ...</c>.</summary>
internal sealed class EndpointException(int code, int status, string message) : Exception(message)
{
    public int Code { get; } = code;

    public int Status { get; } = status;

    public string Body => string.Create(CultureInfo.InvariantCulture, $"Code: {Code}. DB::Exception: {Message}\n");
}
