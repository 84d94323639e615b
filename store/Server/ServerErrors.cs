using System.Net.Http;
using ClickHouse.Driver;
using ClickHouse.Driver.Copy;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Server;

/// <summary>
/// Turns what the driver and the HTTP stack throw into <see cref="StoreException"/>s: ClickHouse's own code and
/// message when the server answered, and one sentence naming the server and the cause when it could not be reached.
/// </summary>
internal static class ServerErrors
{
    private static readonly HashSet<int> AuthenticationCodes = [192, 193, 194, 195, 516];

    public static StoreException From(Exception failure, string server, string user, int attempts, string? sql)
    {
        var tries = attempts > 1 ? $" (tried {attempts} times)" : string.Empty;
        switch (failure)
        {
            case ClickHouseServerException answered:
                var error = ClickHouseErrors.FromEngineMessage(answered.Message, sql);
                var code = error.Code ?? (answered.ErrorCode > 0 ? answered.ErrorCode : null);
                if (code is { } c && AuthenticationCodes.Contains(c))
                {
                    return new StoreException(
                        $"The ClickHouse server at {server} refused the credentials of user '{user}' (Store:Server:User and Store:Server:Password): {answered.Message.Trim()}",
                        code,
                        failure);
                }

                return new StoreException(error.Message + tries, code, failure);

            case ServerUnavailableException unavailable:
                return new StoreException(
                    $"The ClickHouse server at {server} could not take the request: {unavailable.Message}{tries}",
                    unavailable.Code,
                    failure);

            case HttpRequestException http:
                return new StoreException($"Cannot reach the ClickHouse server at {server}: {Cause(http)}{tries}{Statement(sql)}", null, failure);

            case OperationCanceledException:
                return new StoreException(
                    $"The ClickHouse server at {server} did not answer in time (Store:Server:ConnectTimeoutSeconds / QueryTimeoutSeconds){tries}{Statement(sql)}",
                    null,
                    failure);

            case IOException:
                return new StoreException($"The connection to the ClickHouse server at {server} broke: {failure.Message}{tries}{Statement(sql)}", null, failure);

            case ClickHouseBulkCopySerializationException serialization:
                return new StoreException($"A row could not be written in the column types of the table: {serialization.Message}{Statement(sql)}", null, failure);

            default:
                return new StoreException($"The request to the ClickHouse server at {server} failed: {failure.Message}{Statement(sql)}", null, failure);
        }
    }

    private static string Cause(HttpRequestException failure)
    {
        // The innermost message is the useful one ("Connection refused"); the outer ones repeat the address.
        Exception innermost = failure;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.TrimEnd('.');
    }

    private static string Statement(string? sql) => sql is null ? string.Empty : $" (statement: {ClickHouseErrors.Abbreviate(sql)})";
}
