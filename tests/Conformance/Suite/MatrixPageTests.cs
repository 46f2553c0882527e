using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Tests.Support;
using Conformance.Validator.Suite;
using Json.Schema;
using Microsoft.Playwright;

namespace Conformance.Tests.Suite;

/// <summary>
/// The compatibility matrix page, opened from <c>file://</c> in headless Chromium as a reader
/// would open it, and the suite result schema the page's data follows.
/// </summary>
public sealed class MatrixPageTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private const string FailingCase = "read:zarr-v3/valid/codecs/gzip-level-1";

    private const string FailingDiff = "2 of 12 values differ\n  element 3 [1, 0]: expected 4, got 5\n  element 7 [2, 1]: expected 8, got -8";

    private const string HostileCase = "read:zarr-v3/valid/data-types/string-utf8";

    private const string HostileMessage = "adapter stderr:\n</script><script>window.injected = true;</script>\n<!-- <script> {{DATA}} & \"quotes\"";

    private const string CrossDiff = "metadata differs\n  /fill_value: expected 0, got null";

    // Chromium tries to reach Google's services at start and stalls without a network.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    // Writes "<" as it is, as a result file from another tool may: the page must escape it itself.
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TempDirectory _pages = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;
    private readonly List<string> _pageErrors = [];

    /// <summary>Two implementations, two areas, every kind of cell a reader clicks, and a writer × reader table.</summary>
    private static JsonObject Sample() => JsonNode.Parse(
        $$"""
        {
          "implementations": [
            {"name": "reference", "version": "1.0.0", "language": "C#", "features": ["read", "write", "codec:gzip"]},
            {"name": "zarrita", "version": "0.7.5", "language": "JavaScript", "features": ["read", "codec:gzip"]}
          ],
          "cases": [
            {"id": "{{FailingCase}}", "kind": "read", "area": "codecs", "folder": "zarr-v3/valid/codecs/gzip-level-1", "description": "gzip at level 1", "scope": "core"},
            {"id": "must-fail:zarr-v3/invalid/codecs/gzip-truncated", "kind": "must-fail", "area": "codecs", "folder": "zarr-v3/invalid/codecs/gzip-truncated", "description": "a truncated gzip member", "scope": "core"},
            {"id": "write:zarr-v3/valid/codecs/gzip-level-1", "kind": "write", "area": "codecs", "folder": "zarr-v3/valid/codecs/gzip-level-1", "description": "gzip at level 1", "scope": "core"},
            {"id": "read:zarr-v3/valid/data-types/int16", "kind": "read", "area": "data-types", "folder": "zarr-v3/valid/data-types/int16", "description": "int16, little endian", "scope": "core"},
            {"id": "{{HostileCase}}", "kind": "read", "area": "data-types", "folder": "zarr-v3/valid/data-types/string-utf8", "description": "the string extension", "scope": "extension"}
          ],
          "results": [
            {"implementation": "reference", "case": "{{FailingCase}}", "outcome": "pass", "message": ""},
            {"implementation": "reference", "case": "must-fail:zarr-v3/invalid/codecs/gzip-truncated", "outcome": "pass", "message": ""},
            {"implementation": "reference", "case": "write:zarr-v3/valid/codecs/gzip-level-1", "outcome": "pass", "message": ""},
            {"implementation": "reference", "case": "read:zarr-v3/valid/data-types/int16", "outcome": "pass", "message": ""},
            {"implementation": "reference", "case": "{{HostileCase}}", "outcome": "pass", "message": ""},
            {"implementation": "zarrita", "case": "{{FailingCase}}", "outcome": "fail", "message": {{JsonSerializer.Serialize(FailingDiff)}}},
            {"implementation": "zarrita", "case": "must-fail:zarr-v3/invalid/codecs/gzip-truncated", "outcome": "known", "message": "read the truncated member without complaint"},
            {"implementation": "zarrita", "case": "write:zarr-v3/valid/codecs/gzip-level-1", "outcome": "skip", "message": "needs write"},
            {"implementation": "zarrita", "case": "read:zarr-v3/valid/data-types/int16", "outcome": "pass", "message": ""},
            {"implementation": "zarrita", "case": "{{HostileCase}}", "outcome": "error", "message": {{JsonSerializer.Serialize(HostileMessage)}}}
          ],
          "cross": [
            {"writer": "reference", "reader": "reference", "case": "zarr-v3/valid/codecs/gzip-level-1", "outcome": "pass", "message": ""},
            {"writer": "reference", "reader": "zarrita", "case": "zarr-v3/valid/codecs/gzip-level-1", "outcome": "fail", "message": {{JsonSerializer.Serialize(CrossDiff)}}},
            {"writer": "reference", "reader": "zarrita", "case": "zarr-v3/valid/data-types/int16", "outcome": "pass", "message": ""},
            {"writer": "zarrita", "reader": "reference", "case": "zarr-v3/valid/data-types/int16", "outcome": "pass", "message": ""}
          ]
        }
        """)!.AsObject();

    [OneTimeSetUp]
    public async Task StartBrowser()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        // One page for the fixture: each test navigates it to a fresh document, which resets every
        // bit of state, and skips starting a renderer per test.
        _page = await _browser.NewPageAsync();
        _page.PageError += (_, error) => _pageErrors.Add(error);
    }

    [OneTimeTearDown]
    public async Task StopBrowser()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        _pages.Dispose();
    }

    private async Task<IPage> OpenAsync(JsonObject result)
    {
        if (_page is null)
        {
            string why = $"{ChromiumPath} is not installed (Debian's chromium package; .ci/run installs it)";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("the matrix page cannot be checked in a browser in CI: " + why);
            }
            Assert.Ignore(why);
        }
        string path = Path.Combine(_pages.Path, Guid.NewGuid().ToString("N") + ".html");
        using (JsonDocument document = JsonDocument.Parse(result.ToJsonString(Unescaped)))
        {
            await File.WriteAllTextAsync(path, MatrixPage.Render(document.RootElement, "Zarr v3 <compatibility>"));
        }
        _pageErrors.Clear();
        await _page!.GotoAsync(new Uri(path).AbsoluteUri);
        Assert.That(_pageErrors, Is.Empty, "the page's script failed");
        Assert.That(await _page.GetAttributeAsync("body", "data-ready"), Is.EqualTo("true"));
        return _page;
    }

    private static EvaluationResults Evaluate(JsonNode result)
    {
        using JsonDocument document = JsonDocument.Parse(result.ToJsonString());
        return SuiteResultSchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static ILocator Cell(IPage page, string caseId, string implementation) =>
        page.Locator($"tr.case[data-case=\"{caseId}\"] td[data-implementation=\"{implementation}\"]");

    [Test]
    public void The_sample_follows_the_schema()
    {
        EvaluationResults results = Evaluate(Sample());
        Assert.That(results.IsValid, Is.True, JsonSerializer.Serialize(results));
    }

    [Test]
    public void A_single_run_with_no_cross_results_follows_the_schema()
    {
        JsonObject single = Sample();
        single["implementations"]!.AsArray().RemoveAt(1);
        single["cross"] = new JsonArray();
        Assert.That(Evaluate(single).IsValid, Is.True);
    }

    [TestCase("results", "outcome", "flaky")]
    [TestCase("cross", "outcome", "passed")]
    [TestCase("cases", "kind", "append")]
    [TestCase("cases", "scope", "optional")]
    [TestCase("cases", "id", "zarr-v3/valid/codecs/gzip-level-1")]
    public void The_schema_refuses_an_unknown_value(string list, string property, string value)
    {
        JsonObject result = Sample();
        result[list]![0]![property] = value;
        Assert.That(Evaluate(result).IsValid, Is.False);
    }

    [Test]
    public void The_schema_refuses_a_missing_or_unknown_member()
    {
        JsonObject missing = Sample();
        missing.Remove("cross");
        JsonObject extra = Sample();
        extra["results"]![0]!["elapsed"] = 1.5;
        Assert.That((Evaluate(missing).IsValid, Evaluate(extra).IsValid), Is.EqualTo((false, false)));
    }

    [Test]
    public void Nothing_in_the_data_or_title_ends_the_script_or_adds_markup()
    {
        using JsonDocument document = JsonDocument.Parse(Sample().ToJsonString(Unescaped));
        string html = MatrixPage.Render(document.RootElement, "</title><b>x</b>");
        Assert.That(html.Split("</script>").Length - 1, Is.EqualTo(2), "only the page's own two scripts close");
        Assert.That(html, Does.Not.Contain("<b>x</b>").And.Not.Contain("<!-- <script>"));
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://").And.Not.Contain(" src="));
    }

    [Test]
    public async Task The_page_has_a_summary_and_one_table_per_area()
    {
        IPage page = await OpenAsync(Sample());
        Assert.That(await page.TitleAsync(), Is.EqualTo("Zarr v3 <compatibility>"));
        Assert.That(await page.Locator("#summary tbody tr").CountAsync(), Is.EqualTo(2));
        ILocator zarrita = page.Locator("#summary tr[data-implementation=\"zarrita\"]");
        string[] counts = await Task.WhenAll(new[] { "pass", "fail", "error", "skip", "known", "fixed", "stale", "total" }
            .Select(outcome => zarrita.Locator($"td[data-outcome=\"{outcome}\"]").InnerTextAsync()));
        Assert.That(counts, Is.EqualTo(new[] { "1", "1", "1", "1", "1", "0", "0", "5" }));

        Assert.That(await page.Locator("table.matrix").CountAsync(), Is.EqualTo(2));
        ILocator codecs = page.Locator("table.matrix[data-area=\"codecs\"]");
        ILocator dataTypes = page.Locator("table.matrix[data-area=\"data-types\"]");
        Assert.That(await codecs.Locator("tbody tr").CountAsync(), Is.EqualTo(3));
        Assert.That(await dataTypes.Locator("tbody tr").CountAsync(), Is.EqualTo(2));
        Assert.That(await codecs.Locator("thead th").AllInnerTextsAsync(), Is.EqualTo(new[] { "case", "reference", "zarrita" }));
        Assert.That(await codecs.Locator("tbody tr").First.Locator("td").CountAsync(), Is.EqualTo(2));

        ILocator failing = Cell(page, FailingCase, "zarrita");
        Assert.That(await failing.InnerTextAsync(), Is.EqualTo("fail"));
        Assert.That(await failing.GetAttributeAsync("class"), Does.Contain("cell fail"));
        Assert.That(await page.Locator($"tr.case[data-case=\"{FailingCase}\"] th").GetAttributeAsync("title"), Is.EqualTo("gzip at level 1"));
    }

    [Test]
    public async Task The_area_filter_hides_the_other_areas()
    {
        IPage page = await OpenAsync(Sample());
        Assert.That(await page.Locator("#area-filter option").AllInnerTextsAsync(), Is.EqualTo(new[] { "all", "codecs", "data-types" }));
        ILocator codecs = page.Locator("section.area[data-area=\"codecs\"]");
        ILocator dataTypes = page.Locator("section.area[data-area=\"data-types\"]");

        await page.SelectOptionAsync("#area-filter", "codecs");
        Assert.That((await codecs.IsVisibleAsync(), await dataTypes.IsVisibleAsync()), Is.EqualTo((true, false)));
        await page.SelectOptionAsync("#area-filter", "data-types");
        Assert.That((await codecs.IsVisibleAsync(), await dataTypes.IsVisibleAsync()), Is.EqualTo((false, true)));
        await page.SelectOptionAsync("#area-filter", "all");
        Assert.That((await codecs.IsVisibleAsync(), await dataTypes.IsVisibleAsync()), Is.EqualTo((true, true)));
    }

    [Test]
    public async Task The_kind_filter_hides_other_kinds_and_areas_left_empty()
    {
        IPage page = await OpenAsync(Sample());
        await page.SelectOptionAsync("#kind-filter", "must-fail");
        Assert.That(await page.Locator("tr.case:visible").CountAsync(), Is.EqualTo(1));
        Assert.That(await page.Locator("section.area[data-area=\"data-types\"]").IsVisibleAsync(), Is.False);
    }

    [Test]
    public async Task Clicking_a_failing_cell_shows_its_diff()
    {
        IPage page = await OpenAsync(Sample());
        Assert.That(await page.Locator("#detail").IsVisibleAsync(), Is.False);
        await Cell(page, FailingCase, "zarrita").ClickAsync();
        Assert.That(await page.Locator("#detail").IsVisibleAsync(), Is.True);
        Assert.That(await page.Locator("#detail").TextContentAsync(), Is.EqualTo(FailingDiff));
        Assert.That(await page.Locator("#detail-title").TextContentAsync(), Does.Contain(FailingCase).And.Contain("zarrita"));
    }

    [Test]
    public async Task A_passing_cell_shows_nothing()
    {
        IPage page = await OpenAsync(Sample());
        await Cell(page, FailingCase, "reference").ClickAsync();
        Assert.That(await page.Locator("#detail-panel").IsVisibleAsync(), Is.False);
    }

    [Test]
    public async Task Clicking_a_writer_reader_cell_lists_its_failures()
    {
        IPage page = await OpenAsync(Sample());
        Assert.That(await page.Locator("#cross thead th").AllInnerTextsAsync(), Is.EqualTo(new[] { "writer \\ reader", "reference", "zarrita" }));
        Assert.That(await page.Locator("#cross tbody tr").CountAsync(), Is.EqualTo(2));
        ILocator pair = page.Locator("#cross td[data-writer=\"reference\"][data-reader=\"zarrita\"]");
        Assert.That(await pair.InnerTextAsync(), Is.EqualTo("1/2"));
        Assert.That(await page.Locator("#cross td[data-writer=\"zarrita\"][data-reader=\"zarrita\"]").InnerTextAsync(), Is.EqualTo("—"));

        await pair.ClickAsync();
        string detail = (await page.Locator("#detail").TextContentAsync())!;
        Assert.That(detail, Does.Contain("zarr-v3/valid/codecs/gzip-level-1: fail").And.Contain("/fill_value: expected 0, got null"));
        Assert.That(detail, Does.Not.Contain("int16"));
        Assert.That(await page.Locator("#detail-title").TextContentAsync(), Does.Contain("reference").And.Contain("zarrita"));
    }

    [Test]
    public async Task A_single_run_has_no_writer_reader_table()
    {
        JsonObject single = Sample();
        single["cross"] = new JsonArray();
        IPage page = await OpenAsync(single);
        Assert.That(await page.Locator("#cross-section").IsVisibleAsync(), Is.False);
        Assert.That(await page.Locator("table.matrix").CountAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_message_holding_a_script_end_tag_is_shown_as_text()
    {
        IPage page = await OpenAsync(Sample());
        Assert.That(await page.EvaluateAsync<bool>("() => window.injected === true"), Is.False);
        Assert.That(await page.Locator("script").CountAsync(), Is.EqualTo(2));
        await Cell(page, HostileCase, "zarrita").ClickAsync();
        Assert.That(await page.Locator("#detail").TextContentAsync(), Is.EqualTo(HostileMessage));
    }
}
