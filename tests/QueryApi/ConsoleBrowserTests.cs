using LogSentinel.QueryApi.Alerts;
using LogSentinel.QueryApi.Paging;
using LogSentinel.QueryApi.Security;
using Microsoft.Playwright;

namespace LogSentinel.Tests.QueryApi;

/// <summary>
/// The console in Debian's headless Chromium: sign in, filter the queue, open an alert, see its chart, close it
/// with a disposition, reload and see it kept. Screenshots are left in the test output's <c>screenshots</c> folder.
/// </summary>
[Collection(ApiWorldCollectionDefinition.Name)]
public sealed class ConsoleBrowserTests(ApiWorld world)
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task Analyst_FiltersOpensChartsAndClosesAnAlert_AndItPersists()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package.");
        Directory.CreateDirectory(Screenshots);
        var target = (await world.Server.GetAsync<ListPage<AlertSummary>>(Roles.Analyst, "/api/alerts?state=new&entity_kind=account&sort=score&page_size=1")).Items.Single();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 }, Locale = "vi-VN" });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} {message.Location}");
            }
        };

        await page.GotoAsync(world.Server.Address.ToString());
        await page.FillAsync("#api-key", world.Server.Keys[Roles.Analyst]);
        await page.ClickAsync("#login");
        await page.WaitForSelectorAsync("#queue tbody tr");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "1-queue.png"), FullPage = true });

        await page.SelectOptionAsync("#filter-type", target.Type);
        await page.SelectOptionAsync("#filter-state", "new");
        await page.ClickAsync("#apply");
        await page.WaitForFunctionAsync("t => [...document.querySelectorAll('#queue td.type')].length > 0 && [...document.querySelectorAll('#queue td.type')].every(td => td.textContent === t)", target.Type);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "2-queue-filtered.png"), FullPage = true });

        await page.ClickAsync($"#queue tr[data-id='{target.Id:D}'] td.why");
        await page.WaitForSelectorAsync("#chart svg path.obs");
        var points = await page.GetAttributeAsync("#chart svg", "data-points");
        Assert.True(int.Parse(points!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "3-alert.png"), FullPage = true });

        await page.SelectOptionAsync("#disposition", "true_positive");
        await page.ClickAsync("#close");
        await page.WaitForSelectorAsync("#state [data-state='closed']");
        await page.ReloadAsync();
        var state = await page.WaitForSelectorAsync("#state [data-state='closed']");
        Assert.Contains("Vi phạm thật", await state!.TextContentAsync(), StringComparison.Ordinal);

        await page.SelectOptionAsync("#lang", "en");
        await page.WaitForSelectorAsync("#state [data-state='closed']:text('True positive')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "4-alert-closed-en.png"), FullPage = true });

        await page.GotoAsync(new Uri(world.Server.Address, "/#/tuning").ToString());
        await page.WaitForSelectorAsync("h1:text('Tuning')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "5-tuning-en.png"), FullPage = true });

        var stored = await world.Server.GetAsync<AlertDetail>(Roles.Analyst, $"/api/alerts/{target.Id:D}");
        Assert.Equal(("closed", "true_positive"), (stored.Alert.State, stored.Alert.Disposition));
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }

    [Fact]
    public async Task Leader_ListsReportsAndOpensOne_ItsChartsShowInTheFrame()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package.");
        Directory.CreateDirectory(Screenshots);
        var stored = await world.ReportAsync();
        var day = stored.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 }, Locale = "vi-VN" });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} {message.Location}");
            }
        };

        await page.GotoAsync(world.Server.Address.ToString());
        await page.FillAsync("#api-key", world.Server.Keys[Roles.Leader]);
        await page.ClickAsync("#login");
        // A leader lands on the reports: they are what the role is for.
        var row = await page.WaitForSelectorAsync($"#reports tr[data-date='{day}'][data-lang='vi']");
        Assert.Contains("Toàn tỉnh", await row!.TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "6-reports.png"), FullPage = true });

        await page.ClickAsync($"#reports tr[data-date='{day}'][data-lang='vi'] a.open-report");
        await page.WaitForSelectorAsync("#report-frame[data-loaded='true']");
        var report = page.FrameLocator("#report-frame");
        await report.Locator("img").First.WaitForAsync();
        // The report's own stylesheet applied (the frame allows its inline styles) and its charts decoded (data: images allowed).
        var styled = await page.EvaluateAsync<bool>("() => { const d = document.getElementById('report-frame').contentDocument; return d.styleSheets.length > 0 && d.styleSheets[0].cssRules.length > 0; }");
        var chartsDrawn = await page.EvaluateAsync<bool>("() => [...document.getElementById('report-frame').contentDocument.images].every(i => i.complete && i.naturalWidth > 0)");
        Assert.True(styled, "the report's styles did not apply inside the frame");
        Assert.True(chartsDrawn, "the report's charts did not load inside the frame");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "7-report-open.png"), FullPage = true });

        var audit = await world.Server.Store.Audit.SearchAsync(new LogSentinel.Store.Audit.AuditSearch { Actor = "leader-user", Action = "report.read", Limit = 100 });
        Assert.Contains(audit.Items, e => e.Detail == "html" && e.Target.Contains(day, StringComparison.Ordinal));
        Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
    }

    [Fact]
    public async Task Operator_PreviewsAThreshold_AndTheAuditorSeesItInTheTrail()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package.");
        Directory.CreateDirectory(Screenshots);
        using var expected = await world.Server.PostAsync(Roles.Admin, "/api/tuning/preview", new LogSentinel.QueryApi.Tuning.TuningPreviewRequest(
            [new LogSentinel.Store.Tuning.ThresholdOverride("BruteForce:IpFailures", "1000")], null, 30));
        var counts = System.Text.Json.JsonSerializer.Deserialize<LogSentinel.QueryApi.Tuning.TuningPreviewView>(await expected.Content.ReadAsStringAsync(), ApiServer.Json)!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 }, Locale = "vi-VN" });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} {message.Location}");
            }
        };

        await page.GotoAsync(new Uri(world.Server.Address, "/#/tuning").ToString());
        await page.FillAsync("#api-key", world.Server.Keys[Roles.Operator]);
        await page.ClickAsync("#login");
        await page.WaitForSelectorAsync("#preview-key");
        await page.SelectOptionAsync("#preview-key", "BruteForce:IpFailures");
        await page.FillAsync("#preview-value", "1000");
        await page.FillAsync("#preview-days", "30");
        await page.ClickAsync("#preview-run");
        var says = await page.WaitForSelectorAsync("#preview-says");
        Assert.Equal(
            $"Ngưỡng này sẽ tạo {counts.ProposedAlerts} cảnh báo trong 30 ngày qua (tinh chỉnh hiện tại: {counts.CurrentAlerts}).",
            await says!.TextContentAsync());
        Assert.True(counts.ProposedAlerts < counts.CurrentAlerts);
        Assert.NotNull(await page.QuerySelectorAsync("#preview-result tr[data-type='brute_force']"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "8-tuning-preview.png"), FullPage = true });

        // A wrong value is refused by the server, naming the threshold.
        await page.FillAsync("#preview-value", "many");
        await page.ClickAsync("#preview-run");
        var refused = await page.WaitForSelectorAsync("#preview-error");
        Assert.Contains("BruteForce:IpFailures", await refused!.TextContentAsync(), StringComparison.Ordinal);

        // The auditor's only page is the trail, where the operator's preview is.
        await page.ClickAsync("#logout");
        await page.FillAsync("#api-key", world.Server.Keys[Roles.Auditor]);
        await page.ClickAsync("#login");
        await page.WaitForSelectorAsync("td:text-is('tuning.preview')");
        Assert.Equal(["audit"], await page.EvalOnSelectorAllAsync<string[]>("#nav a", "links => links.map(a => a.getAttribute('href').slice(2))"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "9-audit.png"), FullPage = true });
        // The browser logs the refused preview (400) itself; nothing else may have gone wrong.
        var unexpected = consoleErrors.Where(e => !e.Contains("400", StringComparison.Ordinal) || !e.Contains("/api/tuning/preview", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
    }
}
