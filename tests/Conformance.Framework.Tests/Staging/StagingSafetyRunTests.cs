using Conformance.Framework.Tests.Engine;
using Conformance.Reporting;
using static Conformance.Framework.Tests.Staging.StagingRun;

namespace Conformance.Framework.Tests.Staging;

/// <summary>
/// The staging pack's every row under the staging template: with allowMutation false no POST, PUT, PATCH or DELETE
/// reaches the gateway and each row that would send one is skipped saying why; a dry run sends nothing at all.
/// </summary>
public sealed class StagingSafetyRunTests
{
    [Test]
    public async Task RunAsync_AllowMutationFalse_NoMutatingRequestSentAndEachSuchRowSkippedSayingWhy()
    {
        await using var gateway = StagingGateway.Start();

        var results = await RunAsync(Settings(gateway), new InstantTime(), Pack.Rows);

        Assert.Multiple(() =>
        {
            Assert.That(gateway.Mutating, Is.Zero);
            Assert.That(gateway.Seen.Keys.Select(k => k.Split(' ')[0]).Distinct(), Is.EqualTo(new[] { "GET" }));
            Assert.That(results.Where(r => r.Verdict == Verdict.Skipped).Select(r => r.Message), Is.EqualTo(new[]
            {
                "Skipped: operation 'create_item' mutates and staging.allowMutation is not true for 127.0.0.1; to send it, set staging.allowMutation=true (or CONFORMANCE_STAGING_ALLOWMUTATION=true) where the run may change the target's data",
                "Skipped: operation 'replace_item' mutates and staging.allowMutation is not true for 127.0.0.1; to send it, set staging.allowMutation=true (or CONFORMANCE_STAGING_ALLOWMUTATION=true) where the run may change the target's data",
                "Skipped: operation 'patch_item' mutates and staging.allowMutation is not true for 127.0.0.1; to send it, set staging.allowMutation=true (or CONFORMANCE_STAGING_ALLOWMUTATION=true) where the run may change the target's data",
                "Skipped: operation 'delete_item' mutates and staging.allowMutation is not true for 127.0.0.1; to send it, set staging.allowMutation=true (or CONFORMANCE_STAGING_ALLOWMUTATION=true) where the run may change the target's data",
                "Skipped: DELETE would mutate 127.0.0.1, and staging.allowMutation is not true; to send it, set staging.allowMutation=true (or CONFORMANCE_STAGING_ALLOWMUTATION=true) where the run may change the target's data",
            }));
        });
    }

    [Test]
    public async Task RunAsync_DryRun_NothingSentAndEachCaseSaysWhatItWouldSend()
    {
        await using var gateway = StagingGateway.Start();
        var settings = Settings(gateway);
        settings["conformance.dryRun"] = "true";
        settings["staging.allowMutation"] = "true";

        var results = await RunAsync(settings, new InstantTime(), Pack.Rows);

        Assert.Multiple(() =>
        {
            Assert.That(gateway.Requests, Is.Zero);
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Skipped));
            Assert.That(results.Where(r => r.Row!.OperationId != "made_item").Select(r => r.Message), Is.All.StartWith("Dry run (conformance.dryRun=true): nothing sent; would send: curl -i -X "));
            Assert.That(results.Single(r => r.Row!.OperationId == "made_item").Message, Is.EqualTo($"Dry run (conformance.dryRun=true): nothing sent; setup 'item' first: curl -i -X GET '{gateway.BaseUri}items/1' -H 'Authorization: ***'; it would capture made_id from /id (at their defaults in the probe shown); then would send: curl -i -X GET '{gateway.BaseUri}made/1' -H 'Authorization: ***'"));
            Assert.That(results[^3].Message, Is.EqualTo($"Dry run (conformance.dryRun=true): nothing sent; would send: curl -i -X PATCH '{gateway.BaseUri}items/1' -H 'Authorization: ***' -H 'Content-Type: application/json' --data-raw '{{\"name\":\"widget\"}}'"));
        });
    }
}
