using System.Text.Json;
using Conformance.Framework.Tests.Engine;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// Each API's scorecard as Allure 3 global attachments (<c>&lt;uuid&gt;-globals.json</c>), not as a result: a result per API
/// was a passed test in the report's totals (146 Allure results for 141 cases in the audit of 2026-12-01).
/// </summary>
public sealed class AllureGlobalsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly Conformance.Tables.StatusRow Unknown = Row("unknown-id", "get_thing", "unknown_id", 404);
    private static readonly Conformance.Tables.StatusRow Valid = Row("valid", "get_thing", "valid", 200);
    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = TempDir();

    [TearDown]
    public void TearDown() => DeleteResults(dir);

    private AllureWriter Writer(ReportScope? scope = null) =>
        new(scope ?? Scope(Unknown, Valid), new ReportLocation(dir, dir), new InstantTime { Now = Now }, env: _ => null, gitHead: () => null);

    private static void Run(AllureWriter writer)
    {
        writer.Write(Passed(Valid, 200));
        writer.Write(StatusMismatch(Unknown, 400));
        writer.Write(SchemaViolation(Unknown, 404));
        writer.Finish();
    }

    private JsonElement Globals() => JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(dir, "*-globals.json").Single())).RootElement;

    [Test]
    public void Finish_ThreeCases_AsManyResultFilesAsCases()
    {
        Run(Writer());

        Assert.That(Directory.GetFiles(dir, "*-result.json"), Has.Length.EqualTo(3), "one per case, no scorecard result");
    }

    [Test]
    public void Finish_AfterCases_OneGlobalsFileListingTheApisCard()
    {
        Run(Writer());

        var attachments = Globals().GetProperty("attachments").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(dir, "*-globals.json"), Has.Length.EqualTo(1));
            Assert.That(attachments.Select(a => $"{a.GetProperty("name").GetString()} | {a.GetProperty("type").GetString()} | {a.GetProperty("timestamp").GetInt64()}"), Is.EqualTo(new[]
            {
                $"demo scorecard.md | text/markdown | {Now.ToUnixTimeMilliseconds()}",
                $"demo scorecard.json | application/json | {Now.ToUnixTimeMilliseconds()}",
            }));
            Assert.That(attachments.Select(a => a.GetProperty("source").GetString()), Is.All.Matches<string?>(s => s!.EndsWith("-attachment.md", StringComparison.Ordinal) || s.EndsWith("-attachment.json", StringComparison.Ordinal)));
            Assert.That(Globals().GetProperty("errors").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public void Finish_AfterCases_GlobalAttachmentsHoldTheCard()
    {
        Run(Writer());

        var files = Globals().GetProperty("attachments").EnumerateArray().Select(a => Path.Combine(dir, a.GetProperty("source").GetString()!)).ToList();
        Assert.That(files.All(File.Exists), Is.True, "each attachment the globals list is in the folder");
        var markdown = File.ReadAllText(files[0]);
        using var json = JsonDocument.Parse(File.ReadAllText(files[1]));
        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.StartWith("# Conformance scorecard\n\n## demo (Demo API)\n\nDocumentation: <https://docs.example.test/errors>\n\nTarget: https://api.example.test/v1/\n\n3 case(s): 1 passed, 2 failed, 0 broken, 0 skipped\n\n| Status |"));
            Assert.That(json.RootElement.GetProperty("apis").EnumerateArray().Select(a => a.GetProperty("api").GetString()), Is.EqualTo(new[] { "demo" }));
        });
    }

    /// <summary>
    /// Allure 3's markdown view keeps a cell on one line and scrolls a wide table sideways: with the pack's meaning (a
    /// sentence or a paragraph) second, the report showed Status and Meaning and no verdict (the audit's screenshot).
    /// </summary>
    [Test]
    public void Finish_AfterCases_GlobalCardListsTheVerdictsBeforeTheMeaning()
    {
        Run(Writer());

        var markdown = File.ReadAllText(Path.Combine(dir, Globals().GetProperty("attachments")[0].GetProperty("source").GetString()!));
        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("\n\n| Status | Probed | Honored | Observed | Meaning | Unprovokable |\n| --- | --- | --- | --- | --- | --- |\n"));
            Assert.That(markdown, Does.Contain("| 404 | 1 row | no (1 of 1 failed) | 1 | Not Found |  |\n"));
        });
    }

    [Test]
    public void Finish_ApiWithNoCaseInThisRun_NoGlobalsFile()
    {
        Writer().Finish();

        Assert.That(Directory.GetFiles(dir, "*-globals.json"), Is.Empty);
    }

    [Test]
    public void Finish_SecondRunIntoTheSameFolder_OneRunsGlobalsLeft()
    {
        Run(Writer());
        Run(Writer());

        var sources = Globals().GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("source").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(dir, "*-globals.json"), Has.Length.EqualTo(1));
            Assert.That(Directory.GetFiles(dir, "*-attachment.md").Select(Path.GetFileName), Is.EqualTo(sources.Where(s => s!.EndsWith(".md", StringComparison.Ordinal))));
            Assert.That(sources.All(s => File.Exists(Path.Combine(dir, s!))), Is.True);
        });
    }

    [Test]
    public void Finish_CardQuotingTheToken_GlobalsAndTheirFilesMaskIt()
    {
        var pack = Pack with { Title = $"Demo API ({Secret})", DocsUrl = $"https://docs.example.test/errors?api_key={Secret}" };
        var scope = new ReportScope([pack], [Unknown, Valid], new Dictionary<string, Uri> { ["demo"] = new("https://api.example.test/v1/") }, ReportFixture.Redactor);
        Run(Writer(scope));

        var globals = Directory.GetFiles(dir, "*-globals.json").Single();
        var files = Globals().GetProperty("attachments").EnumerateArray().Select(a => Path.Combine(dir, a.GetProperty("source").GetString()!)).Prepend(globals).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(files.Where(f => File.ReadAllText(f).Contains(Secret, StringComparison.Ordinal)).Select(Path.GetFileName), Is.Empty, "files leaking the secret");
            Assert.That(File.ReadAllText(files[1]), Does.Contain("## demo (Demo API (***))\n\nDocumentation: <https://docs.example.test/errors?api_key=***>\n"));
        });
    }
}
