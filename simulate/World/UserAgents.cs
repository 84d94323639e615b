using System.Text;

namespace LogSentinel.Simulate.World;

/// <summary>User-Agent headers, pre-encoded once as UTF-8 (none needs JSON escaping).</summary>
internal static class UserAgents
{
    public static readonly string[] All =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0.196 Chrome/111.0.5563.196 Safari/537.36",
        "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36",
        "Apache-HttpClient/4.5.13 (Java/11.0.20)",
        "okhttp/4.9.3",
        "Go-http-client/1.1",
        "Mozilla/4.0 (compatible; Win32; WinHttp.WinHttpRequest.5)",
        "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; Win64; x64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16)",
        "python-requests/2.31.0",
        "Mozilla/5.0",
        "curl/8.4.0",
    ];

    public const int BrowserCount = 6;
    public const int FirstService = 6;
    public const int ServiceCount = 3;
    public const int WinHttp = 9;
    public const int MsOffice = 10;
    public const int FirstBot = 11;
    public const int BotCount = 3;

    public static readonly byte[][] Utf8 = Encode();

    /// <summary>The user agents of scripted clients (Excel VBScript loops).</summary>
    public static bool IsScripted(int index) => index is WinHttp or MsOffice;

    private static byte[][] Encode()
    {
        var result = new byte[All.Length][];
        for (var i = 0; i < All.Length; i++)
        {
            result[i] = Encoding.UTF8.GetBytes(All[i]);
        }

        return result;
    }
}
