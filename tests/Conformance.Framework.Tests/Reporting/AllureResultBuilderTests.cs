using Conformance.Checks;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

public sealed class AllureResultBuilderTests
{
    private static readonly Conformance.Tables.StatusRow Unknown = Row("unknown-id", "get_thing", "unknown_id", 404);
    private static readonly Conformance.Tables.StatusRow Valid = Row("valid", "get_thing", "valid", 200);

    private static AllureResult Build(CaseResult result) => new AllureResultBuilder(Scope(Unknown, Valid), "host1").Build(result, "7@host1.3").Result;

    [Test]
    public void Build_SameRowTwice_KeepsIdentityAndChangesUuid()
    {
        var first = Build(Passed(Unknown, 404));
        var second = Build(StatusMismatch(Unknown, 500));

        Assert.Multiple(() =>
        {
            Assert.That(second.TestCaseId, Is.EqualTo(first.TestCaseId));
            Assert.That(second.HistoryId, Is.EqualTo(first.HistoryId));
            Assert.That(second.FullName, Is.EqualTo(first.FullName));
            Assert.That(second.Uuid, Is.Not.EqualTo(first.Uuid));
            Assert.That(first.FullName, Is.EqualTo("Conformance.Suites.demo.get_thing.unknown_id#unknown-id"));
            Assert.That(first.Name, Is.EqualTo("demo / get_thing / unknown_id -> 404"));
            Assert.That(first.TestCaseId, Does.Match("^[0-9a-f]{32}$"));
        });
    }

    [Test]
    public void Build_DistinctRows_DistinctIdentities()
    {
        var a = Build(Passed(Unknown, 404));
        var b = Build(Passed(Valid, 200));

        Assert.Multiple(() =>
        {
            Assert.That(b.TestCaseId, Is.Not.EqualTo(a.TestCaseId));
            Assert.That(b.HistoryId, Is.Not.EqualTo(a.HistoryId));
            Assert.That(b.FullName, Is.Not.EqualTo(a.FullName));
        });
    }

    [Test]
    public void Build_AnyRow_ParametersNameApiOperationScenarioAndExpectedStatus()
    {
        var result = Build(Passed(Unknown, 404));

        Assert.That(result.Parameters.Select(p => $"{p.Name}={p.Value}"), Is.EqualTo(new[] { "api=demo", "operation=get_thing", "scenario=unknown_id", "expected status=404" }));
    }

    [TestCase(Verdict.Passed, "passed")]
    [TestCase(Verdict.Failed, "failed")]
    [TestCase(Verdict.Broken, "broken")]
    [TestCase(Verdict.Skipped, "skipped")]
    public void Build_Verdict_MapsToAllureStatus(Verdict verdict, string expected)
    {
        var result = Build(Result(Valid, verdict, "Target unreachable (timeout): no answer in 10 s", null, []));

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(expected));
            Assert.That(result.Stage, Is.EqualTo("finished"));
            Assert.That(result.Stop - result.Start, Is.EqualTo(250));
            Assert.That(result.Start, Is.EqualTo(Started.ToUnixTimeMilliseconds()));
        });
    }

    [Test]
    public void Build_FailedCase_MessageListsFailedChecksAndTraceKeepsTheWholeText()
    {
        var result = Build(StatusMismatch(Unknown, 500));

        Assert.Multiple(() =>
        {
            Assert.That(result.StatusDetails!.Message, Is.EqualTo("status_code_conformance: Status code mismatch / Expected: 404 / Received: 500"));
            Assert.That(result.StatusDetails.Trace, Does.StartWith("demo / get_thing / unknown_id -> 404\nFAILED status_code_conformance"));
            Assert.That(result.StatusDetails.Trace, Does.Not.Contain(Secret));
            Assert.That(result.StatusDetails.Flaky, Is.False);
        });
    }

    [Test]
    public void Build_Checks_OneStepPerCheckWithItsStatus()
    {
        var result = Build(Result(Valid, Verdict.Failed, "x", Step(200, "{}"),
            [CheckResult.Pass("status_code_conformance", "Received 200 as expected."), CheckResult.Fail("header_conformance", "Header violation / 1 of 1 header assertion(s) failed", ["ETag: expected present, but missing"]),
             new CheckResult("documented_status", Outcome.Warning, "Undocumented HTTP status code / Received: 200", []), CheckResult.Skip("allow_on_405", "Not a 405.")]));

        Assert.Multiple(() =>
        {
            Assert.That(result.Steps.Select(s => $"{s.Status} {s.Name}"), Is.EqualTo(new[]
            {
                "passed status_code_conformance: Received 200 as expected.",
                "failed header_conformance: Header violation / 1 of 1 header assertion(s) failed",
                "unknown documented_status: Undocumented HTTP status code / Received: 200",
                "skipped allow_on_405: Not a 405.",
            }));
            Assert.That(result.Steps[1].StatusDetails!.Message, Is.EqualTo("Header violation / 1 of 1 header assertion(s) failed" + Environment.NewLine + "ETag: expected present, but missing"));
        });
    }

    [Test]
    public void Build_FailedChecks_LabelsGroupByApiOperationScenarioWithTagsAndSeverity()
    {
        var result = Build(StatusMismatch(Unknown, 500));
        var labels = result.Labels.Select(l => $"{l.Name}={l.Value}").ToList();

        Assert.That(labels, Is.EqualTo(new[]
        {
            "parentSuite=demo", "suite=get_thing", "subSuite=unknown_id", "feature=demo", "story=unknown_id", "severity=critical",
            "tag=status_code_conformance", "host=host1", "thread=7@host1.3", "framework=nunit", "language=csharp",
        }));
    }

    [Test]
    public void Build_SchemaFailure_SeverityNormalAndDocsLink()
    {
        var result = Build(SchemaViolation(Unknown, 404));

        Assert.Multiple(() =>
        {
            Assert.That(result.Labels.Single(l => l.Name == "severity").Value, Is.EqualTo("normal"));
            Assert.That(result.Links.Single(), Is.EqualTo(new AllureLink("Demo API documentation", "https://docs.example.test/errors", "link")));
        });
    }

    [Test]
    public void Build_RetriedCase_FlakyWithEveryResponseAttached()
    {
        var result = Build(Passed(Unknown, 404) with { Retried = [Step(429, "{\"error\":\"slow down\"}", "1")] });

        Assert.Multiple(() =>
        {
            Assert.That(result.StatusDetails!.Flaky, Is.True);
            Assert.That(result.Attachments.Select(a => a.Name), Is.EqualTo(new[]
            {
                "Retried attempt 1: Request", "Retried attempt 1: Response 429", "Request", "Response 404", "Response body", "Reproduce (curl)",
            }));
        });
    }

    [Test]
    public void Build_CaseWithARenewedSetup_TheRefusedSetupNamedAsTheSetupAndAttachedFirst()
    {
        var refused = Step(401, "{\"code\":\"UNAUTHORIZED\"}") with { Label = "Setup (create_thing)" };
        var setup = Step(201, "{\"id\":7}") with { Label = "Setup (create_thing)" };
        var passed = Passed(Unknown, 404);

        var result = Build(passed with { Exchange = passed.Exchange! with { Earlier = [setup] }, Retried = [refused] });

        Assert.That(result.Attachments.Select(a => a.Name), Is.EqualTo(new[]
        {
            "Setup (create_thing), retried attempt 1: Request", "Setup (create_thing), retried attempt 1: Response 401",
            "Setup (create_thing): Request", "Setup (create_thing): Response 201", "Request", "Response 404", "Response body", "Reproduce (curl)",
        }));
    }

    [Test]
    public void Build_CaseWithASetupStep_TheStepNamedAsTheSetup()
    {
        var setup = Step(201, "{\"id\":7}", null) with { Label = "Setup (create_thing)" };
        var failed = StatusMismatch(Unknown, 500);
        var passed = Passed(Unknown, 404);

        var failedResult = Build(failed with { Exchange = failed.Exchange! with { Earlier = [setup] } });
        var passedResult = Build(passed with { Exchange = passed.Exchange! with { Earlier = [setup] } });

        Assert.Multiple(() =>
        {
            Assert.That(failedResult.Attachments.Select(a => a.Name).Take(2), Is.EqualTo(new[] { "Setup (create_thing): Request", "Setup (create_thing): Response 201" }));
            Assert.That(passedResult.Description, Does.Contain("Setup (create_thing):" + Environment.NewLine));
        });
    }

    [Test]
    public void Build_SetupFailedNoProbeSent_FilesNamedAsTheSetupNotAsTheProbe()
    {
        var setup = Step(201, "{\"ok\":true}") with { Label = "Setup (create_thing)" };
        var broken = Result(Unknown, Verdict.Broken, "Setup failed, no probe was sent: create_thing answered 201 without a value at /id to capture as thing_id", setup, []);

        var result = Build(broken with { Curl = "curl -i -X POST 'https://api.example.test/v1/things'" });

        Assert.That(result.Attachments.Select(a => a.Name), Is.EqualTo(new[]
        {
            "Setup (create_thing): Request", "Setup (create_thing): Response 201", "Setup (create_thing): Response body", "Reproduce (curl)",
        }));
    }

    [Test]
    public void Build_CaseWithACleanupStep_TheStepLastAndNamedAsTheCleanup()
    {
        var cleanup = Step(404, "{}", null) with { Label = "Cleanup (delete_thing)" };
        var failed = StatusMismatch(Unknown, 500);
        var passed = Passed(Unknown, 404);

        var failedResult = Build(failed with { Exchange = failed.Exchange! with { Later = [cleanup] } });
        var passedResult = Build(passed with { Exchange = passed.Exchange! with { Later = [cleanup] } });

        Assert.Multiple(() =>
        {
            Assert.That(failedResult.Attachments.Select(a => a.Name).SkipWhile(n => !n.StartsWith("Cleanup", StringComparison.Ordinal)).Take(3),
                Is.EqualTo(new[] { "Cleanup (delete_thing): Request", "Cleanup (delete_thing): Response 404", "Reproduce (curl)" }));
            Assert.That(passedResult.Description, Does.Contain("Cleanup (delete_thing):" + Environment.NewLine));
            Assert.That(passedResult.Description!.IndexOf("Cleanup (delete_thing):", StringComparison.Ordinal), Is.LessThan(passedResult.Description.IndexOf("Reproduce (curl):", StringComparison.Ordinal)));
        });
    }

    [Test]
    public void Build_InvalidEntry_BrokenUnderInvalidSuite()
    {
        var invalid = new CaseResult("demo", "contracts/demo/tables/things.yaml:14 (invalid)", null, Verdict.Broken,
            "Invalid contract: contracts/demo/tables/things.yaml(14,9): error CT0103: Unknown check 'x'", null, [], [], null, Started, TimeSpan.Zero);

        var result = Build(invalid);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("broken"));
            Assert.That(result.FullName, Is.EqualTo("Conformance.Suites.demo.(invalid_contract).demo/tables/things_yaml#contracts/demo/tables/things.yaml:14 (invalid)"));
            Assert.That(result.StatusDetails!.Message, Does.StartWith("Invalid contract: "));
            Assert.That(result.Parameters.Select(p => p.Value), Is.EqualTo(new[] { "demo", "(invalid contract)", "demo/tables/things.yaml", "(invalid)" }));
        });
    }

    [Test]
    public void Build_KnownIssueNamingAddresses_AnIssueLinkEachNamedByItsLastSegment()
    {
        var row = Row("r", "get_thing", "unknown_id", 404) with { Known = "https://jira.example.test/browse/NOTES-41: unknown ids answer 400 (see https://wiki.example.test/x)." };

        var result = new AllureResultBuilder(Scope(row), "h").Build(StatusMismatch(row, 400) with { KnownIssue = row.Known }, "t").Result;

        Assert.That(result.Links.Select(l => $"{l.Type} {l.Name} {l.Url}"), Is.EqualTo(new[]
        {
            "link Demo API documentation https://docs.example.test/errors",
            "issue NOTES-41 https://jira.example.test/browse/NOTES-41",
            "issue x https://wiki.example.test/x",
        }));
    }

    [Test]
    public void Build_KnownIssueWithoutAddress_DocumentationLinkOnly()
    {
        var row = Row("r", "get_thing", "unknown_id", 404) with { Known = "NOTES-41: unknown ids answer 400" };

        var result = new AllureResultBuilder(Scope(row), "h").Build(StatusMismatch(row, 400) with { KnownIssue = row.Known }, "t").Result;

        Assert.That(result.Links.Select(l => l.Type), Is.EqualTo(new[] { "link" }));
    }

    [Test]
    public void Build_KnownIssueStillFailing_TraceSaysItIsReportedAndTheRunStaysGreen()
    {
        var row = Unknown with { Known = "DEMO-7: 404 comes back as 400" };
        var failing = Result(row, Verdict.Failed, "the usual message", Step(400, "{}"), [CheckResult.Fail("status_code_conformance", "Status code mismatch / Expected: 404 / Received: 400")]);

        var result = Build(Conformance.Engine.KnownIssue.Apply(failing, row.Known!, []));

        Assert.That(result.StatusDetails!.Trace, Is.EqualTo(string.Join(Environment.NewLine,
            "Known issue: DEMO-7: 404 comes back as 400",
            "The table marks this failure as a known issue (known:): it is reported, and the run stays green.",
            string.Empty,
            "the usual message")));
    }

    [TestCase("https://github.com/acme/api/issues/41", "acme/api#41")]
    [TestCase("https://gitlab.example.test/group/proj/-/issues/7", "group/proj#7")]
    [TestCase("https://dev.azure.example.test/org/proj/_workitems/edit/1234", "#1234")]
    [TestCase("https://jira.example.test/browse/NOTES-41", "NOTES-41")]
    [TestCase("https://tracker.example.test/", "https://tracker.example.test/")]
    public void Build_KnownIssueAddress_LinkNamedForPeople(string address, string expected)
    {
        var row = Row("r", "get_thing", "unknown_id", 404) with { Known = $"tracked in {address}" };

        var result = new AllureResultBuilder(Scope(row), "h").Build(StatusMismatch(row, 400) with { KnownIssue = row.Known }, "t").Result;

        Assert.That(result.Links.Single(l => l.Type == "issue").Name, Is.EqualTo(expected));
    }
}
