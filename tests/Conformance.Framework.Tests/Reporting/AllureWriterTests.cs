using System.Text.Json;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using Conformance.Targets;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

public sealed class AllureWriterTests
{
    private static readonly Conformance.Tables.StatusRow Unknown = Row("unknown-id", "get_thing", "unknown_id", 404);
    private static readonly Conformance.Tables.StatusRow Valid = Row("valid", "get_thing", "valid", 200);
    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = TempDir();

    [TearDown]
    public void TearDown() => DeleteResults(dir);

    /// <summary>What an earlier run left: one file of the writer's kinds and one file of the user's.</summary>
    private void PlantPreviousRun()
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "old-result.json"), "{}");
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "mine");
    }

    private AllureWriter Writer(TextWriter? errors = null) =>
        new(Scope(Unknown, Valid), new ReportLocation(dir, dir), env: _ => null, gitHead: () => "abc1234def", errors: errors);

    [Test]
    public void Write_FailedCase_AttachmentsWrittenAndReferenced()
    {
        var writer = Writer();
        writer.Write(SchemaViolation(Unknown, 404));

        var resultFile = Directory.GetFiles(dir, "*-result.json").Single();
        using var json = JsonDocument.Parse(File.ReadAllText(resultFile));
        var attachments = json.RootElement.GetProperty("attachments").EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Path.GetFileName(resultFile), Is.EqualTo(json.RootElement.GetProperty("uuid").GetString() + "-result.json"));
            Assert.That(attachments.Select(a => a.GetProperty("name").GetString()), Is.EqualTo(new[] { "Request", "Response 404", "Response body", "Schema violations", "Reproduce (curl)" }));
            Assert.That(attachments.Select(a => a.GetProperty("type").GetString()), Is.EqualTo(new[] { "text/plain", "text/plain", "application/json", "text/plain", "text/plain" }));
            Assert.That(attachments.All(a => File.Exists(Path.Combine(dir, a.GetProperty("source").GetString()!))), Is.True);
            Assert.That(Directory.GetFiles(dir, "*-attachment.*"), Has.Length.EqualTo(5));
        });
        var schema = File.ReadAllText(Path.Combine(dir, attachments[3].GetProperty("source").GetString()!));
        Assert.That(schema, Is.EqualTo(string.Join(Environment.NewLine,
            "Body schema violation / 2 error(s) against schemas/error.schema.json (for 404)",
            "  (root): required property 'message' is missing [schema /required]",
            "  /code: expected string, got integer [schema /properties/code/type]")));
    }

    [Test]
    public void Write_JsonBodies_PrettyPrintedInRequestAndResponse()
    {
        var writer = Writer();
        writer.Write(Result(Valid, Verdict.Failed, "failed", Step(200, "{\"id\":42}") with { Request = Request(body: "{\"name\":\"x\"}") }, []));

        var response = File.ReadAllText(Directory.GetFiles(dir, "*-attachment.txt").Select(f => (f, t: File.ReadAllText(f))).Single(x => x.t.StartsWith("HTTP ", StringComparison.Ordinal)).f);
        Assert.That(response, Is.EqualTo(string.Join(Environment.NewLine,
            "HTTP 200 Reason", "Content-Type: application/json", "Set-Cookie: ***", "(elapsed 12 ms, 9 bytes)", string.Empty, "{", "  \"id\": 42", "}")));
    }

    [Test]
    public void Write_RequestsCarryingTheToken_NoFileContainsTheSecret()
    {
        var writer = Writer();
        writer.Write(StatusMismatch(Unknown, 500));
        writer.Write(SchemaViolation(Unknown, 404));
        writer.Write(Passed(Valid, 200) with { Retried = [Step(503, $"{{\"token\":\"{Secret}\"}}", "2")] });
        writer.Write(Result(Valid, Verdict.Broken, $"Target unreachable (refused): connect to https://api.example.test/?api_key={Secret} refused", null, []));
        writer.Finish();

        var files = Directory.GetFiles(dir);
        var hits = files.Where(f => File.ReadAllText(f).Contains(Secret, StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(files, Has.Length.GreaterThan(20));
            Assert.That(hits, Is.Empty, "files leaking the secret");
        });
        var request = files.Select(File.ReadAllText).First(t => t.StartsWith("GET ", StringComparison.Ordinal));
        Assert.That(request, Is.EqualTo(string.Join(Environment.NewLine,
            "GET https://api.example.test/v1/things/42?api_key=***&limit=5&api_key=***", "Authorization: ***", "Accept: application/json", "Authorization: ***", string.Empty)));
    }

    [Test]
    public void Write_CleanPass_ExchangeInDescriptionAndNoAttachmentFile()
    {
        var writer = Writer();
        writer.Write(Result(Valid, Verdict.Passed, "ok", Step(200, "{\"id\":42}"), []));

        using var json = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(dir, "*-result.json").Single()));
        var description = json.RootElement.GetProperty("description").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("attachments").GetArrayLength(), Is.Zero);
            Assert.That(Directory.GetFiles(dir, "*-attachment.*"), Is.Empty);
            Assert.That(description, Does.Contain("\n\nRequest and response:\n\n```http\nGET https://api.example.test/v1/things/42?api_key=***&limit=5"));
            Assert.That(description, Does.Contain(string.Join(Environment.NewLine, "HTTP 200 Reason", "Content-Type: application/json", "Set-Cookie: ***", "(elapsed 12 ms, 9 bytes)", string.Empty, "{", "  \"id\": 42", "}")));
            Assert.That(description, Does.EndWith("\n```"));
        });
    }

    [Test]
    public void WithExchange_BackticksInsideExchange_FenceLongerThanAnyRun()
    {
        var text = AllureResultBuilder.WithExchange("Row `a`.", "body: ```x``` and ````y");

        Assert.That(text, Is.EqualTo("Row `a`.\n\nRequest and response:\n\n`````http\nbody: ```x``` and ````y\n`````"));
    }

    [Test]
    public void WithExchange_NoExchange_DescriptionUnchanged()
    {
        Assert.That(AllureResultBuilder.WithExchange("Row `a`.", null), Is.EqualTo("Row `a`."));
    }

    [Test]
    public void Write_HugeBody_CappedWithTruncatedMarker()
    {
        var writer = Writer();
        writer.Write(Result(Valid, Verdict.Failed, "failed", Step(200, new string('x', 100_000)), []));

        var response = Directory.GetFiles(dir, "*-attachment.txt").Select(File.ReadAllText).Single(t => t.StartsWith("HTTP ", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(response, Has.Length.LessThan(66_000));
            Assert.That(response, Does.EndWith("... (truncated: 100094 characters, 65536 shown)"));
        });
    }

    [Test]
    public void Finish_AfterCases_WritesRunFilesAndTheScorecardAsGlobalsNotAsAResult()
    {
        var writer = Writer();
        writer.Write(Passed(Valid, 200));
        writer.Finish();

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(dir, "environment.properties")), Does.StartWith("target.demo=https://api.example.test/v1/\nframework.version=").And.Contain("\ngit.commit=abc1234def\nos="));
            Assert.That(File.ReadAllText(Path.Combine(dir, "executor.json")), Does.Contain("\"type\": \"local\""));
            Assert.That(File.Exists(Path.Combine(dir, "categories.json")), Is.True);
            Assert.That(File.ReadAllText(Path.Combine(dir, "scorecard.md")), Does.StartWith("# Conformance scorecard").And.Contain("\nTarget: https://api.example.test/v1/\n"));
            Assert.That(File.Exists(Path.Combine(dir, "scorecard.json")), Is.True);
            Assert.That(Directory.GetFiles(dir, "*-result.json"), Has.Length.EqualTo(1), "the case's, no \"demo scorecard\" result");
            Assert.That(Directory.GetFiles(dir, "*-globals.json"), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void Finish_ApiWithNoCaseInThisRun_NoScorecardResultOnlyItsNoteInScorecardMd()
    {
        // A filtered run (--filter Category=other): a "demo scorecard" result would count as a passed test in the report.
        var writer = Writer();
        writer.Finish();

        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(dir, "*-result.json"), Is.Empty);
            Assert.That(File.ReadAllText(Path.Combine(dir, "scorecard.md")), Does.Contain("\nNot in this run: "));
        });
    }

    [Test]
    public void Finish_SecondRunIntoTheSameFolder_ScorecardSaysWhatChanged()
    {
        var first = Writer();
        first.Write(Passed(Valid, 200));
        first.Finish();
        var second = Writer();
        second.Write(StatusMismatch(Valid, 500));
        for (var i = 0; i < 20; i++)
        {
            second.Write(SchemaViolation(Row($"more{i}", "get_thing", $"more{i}", 404), 404)); // reuses every file the first run left, scorecard.json too
        }

        second.Finish();

        Assert.That(File.ReadAllText(Path.Combine(dir, "scorecard.md")), Does.Contain(
            "\n## Since the previous run\n\n1 case(s) in both runs: 1 newly failing, 0 fixed; 20 new.\n\nNewly failing:\n\n- demo / get_thing / valid -> 200 (passed -> failed)\n"));
    }

    [Test]
    public void Resolve_Off_WritesNothingButTheScorecardInTheResultsDirectory()
    {
        var settings = new SettingsSource(_ => null, name => name == "CONFORMANCE_CONFORMANCE_ALLURERESULTS" ? "off" : null);
        var location = ReportLocation.Resolve(settings, dir);
        var writer = new AllureWriter(Scope(Valid), location, env: _ => null, gitHead: () => null);
        writer.Write(Passed(Valid, 200));
        writer.Finish();

        Assert.Multiple(() =>
        {
            Assert.That(location.AllureEnabled, Is.False);
            Assert.That(Directory.Exists(Path.Combine(dir, "allure-results")), Is.False);
            Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "scorecard.md", "scorecard.json" }));
        });
    }

    [Test]
    public void Resolve_Unset_DefaultsToAllureResultsUnderTheTestResultsDirectory()
    {
        var location = ReportLocation.Resolve(new SettingsSource(_ => null, _ => null), dir);

        Assert.That(location, Is.EqualTo(new ReportLocation(Path.Combine(dir, "allure-results"), Path.Combine(dir, "allure-results"))));
    }

    [Test]
    public void Write_UnwritableFolder_ReportsOnceOnStderrAndNeverThrows()
    {
        Directory.CreateDirectory(dir);
        var blocker = Path.Combine(dir, "file");
        File.WriteAllText(blocker, "not a folder");
        var errors = new StringWriter();
        var writer = new AllureWriter(Scope(Valid), new ReportLocation(blocker, blocker), env: _ => null, gitHead: () => null, errors: errors);

        Assert.DoesNotThrow(() =>
        {
            writer.Write(Passed(Valid, 200));
            writer.Write(Passed(Valid, 200));
            writer.Finish();
        });
        Assert.That(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1).And.Some.StartsWith($"Conformance reporting: could not write to {blocker}: IOException"));
    }

    [Test]
    public void Write_PreviousRunFiles_MovedAsideReusedAndSurplusDeletedByFinish()
    {
        PlantPreviousRun();
        var longer = "{" + new string(' ', 20_000) + "}";
        foreach (var name in new[] { "a-result.json", "b-container.json", "c-attachment.txt" })
        {
            File.WriteAllText(Path.Combine(dir, name), longer);
        }

        var discarded = AllureWriter.Discarded(dir);

        var writer = Writer();
        writer.Write(Passed(Valid, 200));
        writer.Write(Passed(Valid, 200));
        var leftAside = Directory.GetFiles(discarded).Length;
        var oldInPlace = new[] { "old-result.json", "a-result.json", "b-container.json", "c-attachment.txt" }.Count(name => File.Exists(Path.Combine(dir, name)));
        writer.Finish();
        var results = Directory.GetFiles(dir, "*-result.json");

        Assert.Multiple(() =>
        {
            Assert.That(leftAside, Is.EqualTo(2), "4 files set aside, 2 reused for this run's 2 results");
            Assert.That(oldInPlace, Is.Zero);
            Assert.That(results, Has.Length.EqualTo(2), "2 cases, the scorecard in the globals");
            Assert.That(results.Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("status").GetString()), Is.All.EqualTo("passed"));
            Assert.That(results.Select(f => new FileInfo(f).Length), Is.All.LessThan(longer.Length), "a reused file is cut to its new content");
            Assert.That(Directory.Exists(discarded), Is.False);
            Assert.That(File.Exists(Path.Combine(dir, "keep.txt")), Is.True);
        });
    }

    [Test]
    public void Write_SiblingFolderCannotBeCreated_PreviousRunFilesDeletedInPlace()
    {
        PlantPreviousRun();
        var blocker = AllureWriter.Discarded(dir);
        File.WriteAllText(blocker, "a file where the folder would go");
        var errors = new StringWriter();
        try
        {
            var writer = Writer(errors);
            writer.Write(Passed(Valid, 200));
            writer.Finish();

            Assert.Multiple(() =>
            {
                Assert.That(File.Exists(Path.Combine(dir, "old-result.json")), Is.False);
                Assert.That(File.Exists(Path.Combine(dir, "keep.txt")), Is.True);
                Assert.That(Directory.GetFiles(dir, "*-result.json"), Is.Not.Empty, "this run's results are written");
                Assert.That(errors.ToString(), Is.Empty);
            });
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Test]
    public void Discarded_ResultsFolderWithTrailingSeparator_SiblingFolder()
    {
        Assert.That(AllureWriter.Discarded("/tmp/x/allure-results/"), Is.EqualTo("/tmp/x/allure-results.discarded"));
    }
}
