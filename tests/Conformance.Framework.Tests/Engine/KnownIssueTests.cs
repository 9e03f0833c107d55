using Conformance.Checks;
using Conformance.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;
using Conformance.Tables;
using static Conformance.Framework.Tests.Engine.EngineHarness;

namespace Conformance.Framework.Tests.Engine;

/// <summary>A row marked <c>known:</c> (Engine/KnownIssue.cs) against the demo server, with and without the fault it tracks.</summary>
public sealed class KnownIssueTests
{
    private const string Known = "DEMO-7: 404 comes back as 400";
    private const string UnknownId = "demo / get_thing / unknown_id(param=id, value=999) -> 404";

    private static StatusRow KnownRow => Demo.Rows.Single(r => r.CaseName == UnknownId) with { Known = Known };

    [Test]
    public async Task RunAsync_KnownIssueStillThere_FailedMarkedKnownWithTheChecksMessage()
    {
        await using var server = await DemoServer.StartAsync(new DemoFaults { WrongStatus = true });

        var result = await RunRowAsync(server.BaseUri, KnownRow);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Failed));
            Assert.That(result.KnownIssue, Is.EqualTo(Known));
            Assert.That(result.Message, Does.StartWith($"Known issue: {Known}{Environment.NewLine}The table marks this failure as a known issue (known:): it is reported, and the run stays green.{Environment.NewLine}{Environment.NewLine}"));
            Assert.That(result.Message, Does.Contain("Status code mismatch /"));
            Assert.That(result.Failures.Select(c => c.CheckId), Does.Contain("status_code_conformance"));
        });
    }

    [Test]
    public async Task RunAsync_KnownIssuePastItsUntil_PlainFailureSayingTheToleranceEnded()
    {
        await using var server = await DemoServer.StartAsync(new DemoFaults { WrongStatus = true });
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

        var result = await RunRowAsync(server.BaseUri, KnownRow with { KnownUntil = yesterday });

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Failed));
            Assert.That(result.KnownIssue, Is.Null, "no longer a warning");
            Assert.That(result.Message, Does.StartWith(
                $"Known issue expired / Known: {Known} / Tolerated until: {yesterday:yyyy-MM-dd} / Now: still failing{Environment.NewLine}"
                + $"Fix the API, or give the row at {KnownRow.Location} a new until: if the fix is planned later."));
            Assert.That(result.Message, Does.Contain("Status code mismatch /"));
        });
    }

    [Test]
    public async Task RunAsync_KnownIssueBeforeItsUntil_StillKnown()
    {
        await using var server = await DemoServer.StartAsync(new DemoFaults { WrongStatus = true });

        var result = await RunRowAsync(server.BaseUri, KnownRow with { KnownUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1) });

        Assert.That(result.KnownIssue, Is.EqualTo(Known));
    }

    [Test]
    public async Task RunAsync_KnownIssueFixed_FailsSayingToRemoveTheMarker()
    {
        await using var server = await DemoServer.StartAsync();

        var result = await RunRowAsync(server.BaseUri, KnownRow);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Failed));
            Assert.That(result.KnownIssue, Is.Null);
            Assert.That(result.Failures, Is.Empty);
            Assert.That(result.Message, Is.EqualTo(
                $"Known issue no longer reproduces / Known: {Known} / Now: every check passes{Environment.NewLine}"
                + $"Remove 'known:' from the row at {KnownRow.Location} so that a regression fails the run again."));
        });
    }

    [Test]
    public async Task RunAsync_UnmarkedRowWithTheFault_PlainFailure()
    {
        await using var server = await DemoServer.StartAsync(new DemoFaults { WrongStatus = true });

        var result = await RunRowAsync(server.BaseUri, KnownRow with { Known = null });

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Failed));
            Assert.That(result.KnownIssue, Is.Null);
            Assert.That(result.Message, Does.Not.Contain("Known issue"));
        });
    }

    [Test]
    public async Task RunAsync_KnownRowWithoutAVerdict_LeftBroken()
    {
        using var closed = new ClosedPort();

        var result = await RunRowAsync(new Uri($"http://127.0.0.1:{closed.Port}/"), KnownRow);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.KnownIssue, Is.Null);
            Assert.That(result.Message, Does.StartWith("Target unreachable"));
        });
    }

    [Test]
    public async Task RunAsync_KnownIssueNamingTheFailingCheck_Known()
    {
        await using var server = await DemoServer.StartAsync(new DemoFaults { WrongStatus = true });

        var result = await RunRowAsync(server.BaseUri, KnownRow with { KnownChecks = ["status_code_conformance", "body_schema_conformance"] });

        Assert.That(result.KnownIssue, Is.EqualTo(Known), result.Message);
    }

    [Test]
    public async Task RunAsync_KnownIssueNamingOtherChecks_PlainFailureSayingSo()
    {
        await using var server = await DemoServer.StartAsync(new DemoFaults { WrongStatus = true });

        var result = await RunRowAsync(server.BaseUri, KnownRow with { KnownChecks = ["documented_status"] });

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Failed));
            Assert.That(result.KnownIssue, Is.Null);
            Assert.That(result.Message, Does.StartWith($"Not the known issue: {Known} covers documented_status, none of which fails now; this row fails status_code_conformance"));
        });
    }

    [Test]
    public void Apply_CoveredCheckAndAnotherFail_PlainFailureNamingTheOther()
    {
        var row = KnownRow;
        var failing = new CaseResult("demo", row.CaseName, row, Verdict.Failed, "the usual message", null,
            [CheckResult.Fail("status_code_conformance", "Status code mismatch / ..."), CheckResult.Fail("body_schema_conformance", "Body schema violation / ...")], [], null, DateTimeOffset.UnixEpoch, TimeSpan.Zero);

        var result = KnownIssue.Apply(failing, Known, ["status_code_conformance"]);

        Assert.Multiple(() =>
        {
            Assert.That(result.KnownIssue, Is.Null);
            Assert.That(result.Message, Is.EqualTo($"Not only the known issue: {Known} covers status_code_conformance; this row also fails body_schema_conformance.{Environment.NewLine}{Environment.NewLine}the usual message"));
        });
    }

    [Test]
    public async Task RunAsync_KnownTextQuotingTheToken_MessageMasksIt()
    {
        await using var server = await DemoServer.StartAsync(new DemoFaults { WrongStatus = true });

        var result = await RunRowAsync(server.BaseUri, KnownRow with { Known = "DEMO-8: fails even with demo-secret-token" });

        Assert.That(result.Message, Does.StartWith("Known issue: DEMO-8: fails even with ***").And.Not.Contain("demo-secret-token"));
    }
}
