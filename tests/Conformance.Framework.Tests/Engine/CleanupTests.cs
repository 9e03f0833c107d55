using Conformance.Checks;
using Conformance.Reporting;
using static Conformance.Framework.Tests.Engine.SetupTests;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// <c>cleanup:</c> (Packs/setup: get_note's setup creates a note and deletes it after the probe): the cleanup is sent
/// after the probe with the captured id whatever the verdict, is reported as the case's last step, and a cleanup that
/// fails is a warning that says what may remain and how to remove it, never a change of verdict.
/// </summary>
public sealed class CleanupTests
{
    [Test]
    public async Task RunAsync_SetupWithCleanup_CleanupDeletesTheCapturedIdAfterTheProbe()
    {
        var (results, seen, _) = await RunAsync([Row("get_note", "valid")]);

        var read = results.Single();
        var id = Id(read.Exchange!.Earlier[0]);
        Assert.Multiple(() =>
        {
            Assert.That(read.Verdict, Is.EqualTo(Verdict.Passed), read.Message);
            Assert.That(seen, Is.EqualTo(new[] { "POST /notes", $"GET /notes/{id}", $"DELETE /notes/{id}" }));
            Assert.That(read.Exchange.Later.Single().Label, Is.EqualTo("Cleanup (delete_note)"));
            Assert.That(read.Checks.Single(c => c.CheckId == "setup_cleanup").Message, Is.EqualTo("Cleanup delete_note answered 200 OK"));
            Assert.That(read.Curl!.Split(Environment.NewLine).Select(l => l[..l.IndexOf(" '", StringComparison.Ordinal)]), Is.EqualTo(new[] { "curl -i -X POST", "curl -i -X GET", "curl -i -X DELETE" }));
        });
    }

    [Test]
    public async Task RunAsync_ProbeFails_CleanupStillSent()
    {
        var (results, seen, _) = await RunAsync([Row("get_note", "valid")], getStatus: 500);

        var read = results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(read.Verdict, Is.EqualTo(Verdict.Failed));
            Assert.That(seen[^1], Does.StartWith("DELETE /notes/"));
            Assert.That(read.Checks.Single(c => c.CheckId == "setup_cleanup").Outcome, Is.EqualTo(Outcome.Passed));
        });
    }

    [Test]
    public async Task RunAsync_ProbeGetsNoResponse_BrokenAndCleanupStillSent()
    {
        var (results, seen, _) = await RunAsync([Row("get_note", "valid")], getStatus: 0, deleteStatus: 500);

        var read = results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(read.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(seen[^1], Does.StartWith("DELETE /notes/"));
            Assert.That(read.Exchange!.Later.Single().Response!.Status, Is.EqualTo(500));
            Assert.That(read.Message, Does.StartWith("Target unreachable (reset): "));
            Assert.That(read.Message, Does.Contain(Environment.NewLine + "WARNING setup_cleanup: Cleanup failed: DELETE /notes/"));
            Assert.That(read.Checks.Select(c => (c.CheckId, c.Outcome)), Is.EqualTo(new[] { ("setup_cleanup", Outcome.Warning) }));
        });
    }

    [TestCase(404)]
    [TestCase(410)]
    public async Task RunAsync_CleanupFindsItGone_Passes(int status)
    {
        var (results, _, _) = await RunAsync([Row("get_note", "valid")], deleteStatus: status);

        var cleanup = results.Single().Checks.Single(c => c.CheckId == "setup_cleanup");
        Assert.That((cleanup.Outcome, cleanup.Message), Is.EqualTo((Outcome.Passed, $"Cleanup delete_note answered {status} {(status == 404 ? "Not Found" : "Gone")} (already gone: the probe removed it)")));
    }

    [Test]
    public async Task RunAsync_CleanupAnswers500_PassWithAWarningSayingWhatRemains()
    {
        var (results, _, target) = await RunAsync([Row("get_note", "valid")], deleteStatus: 500);

        var read = results.Single();
        var id = Id(read.Exchange!.Earlier[0]);
        var cleanup = read.Checks.Single(c => c.CheckId == "setup_cleanup");
        Assert.Multiple(() =>
        {
            Assert.That(read.Verdict, Is.EqualTo(Verdict.Passed), "the probe's verdict stands");
            Assert.That(cleanup.Outcome, Is.EqualTo(Outcome.Warning));
            Assert.That(cleanup.Message, Is.EqualTo($$"""Cleanup failed: DELETE /notes/{{id}} (delete_note) / Expected: a 2xx, or 404/410 if the probe removed it / Received: 500 Internal Server Error, body {"error":"boom"}"""));
            Assert.That(cleanup.Details, Is.EqualTo(new[] { $"What the setup (create_note) made may still be on the target; remove it with: curl -i -X DELETE '{target}notes/{id}'" }));
            Assert.That(read.Message, Does.Contain("WARNING setup_cleanup: Cleanup failed: DELETE /notes/"));
        });
    }

    [Test]
    public async Task RunAsync_KnownRowWithAFailingCleanup_WarningKeptInTheMessage()
    {
        var (results, _, _) = await RunAsync([Row("get_note", "valid") with { Known = "NOTE-1" }], deleteStatus: 500);

        var read = results.Single();
        Assert.Multiple(() =>
        {
            Assert.That(read.Message, Does.StartWith("Known issue no longer reproduces"), read.Message);
            Assert.That(read.Message, Does.Contain(Environment.NewLine + "WARNING setup_cleanup: Cleanup failed: DELETE /notes/"));
            Assert.That(read.Message, Does.Contain("remove it with: curl -i -X DELETE"));
        });
    }

    [Test]
    public async Task RunAsync_SetupFails_NoCleanupSent()
    {
        var (results, seen, _) = await RunAsync([Row("get_note", "valid")], created: (401, "{}"));

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(new[] { "POST /notes" }));
            Assert.That(results.Single().Checks, Is.Empty);
        });
    }

    [Test]
    public async Task RunAsync_DryRun_ShowsTheCleanupLast()
    {
        var (results, seen, target) = await RunAsync([Row("get_note", "valid")], dryRun: true);

        Assert.Multiple(() =>
        {
            Assert.That(results.Single().Message, Does.EndWith($"then would send: curl -i -X GET '{target}notes/11301?ref=n-11301'; then cleanup 'delete_note': curl -i -X DELETE '{target}notes/11301'"));
            Assert.That(seen, Is.Empty);
        });
    }
}
