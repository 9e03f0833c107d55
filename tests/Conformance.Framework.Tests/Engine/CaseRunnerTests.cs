using Conformance.Checks;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;
using static Conformance.Framework.Tests.Engine.EngineHarness;

namespace Conformance.Framework.Tests.Engine;

public sealed class CaseRunnerTests
{
    [Test]
    public async Task RunAsync_FaithfulServer_AllRowsPass()
    {
        await using var server = await DemoServer.StartAsync();
        var results = await RunAsync(server.BaseUri);
        Assert.That(results.Where(r => r.Verdict != Verdict.Passed).Select(r => r.Message), Is.Empty);
        Assert.That(results, Has.Count.EqualTo(7));
    }

    [TestCase("demo / get_thing / unknown_id(param=id, value=999) -> 404", "status_code_conformance", nameof(DemoFaults.WrongStatus))]
    [TestCase("demo / get_thing / unknown_id(param=id, value=999) -> 404", "content_type_conformance", nameof(DemoFaults.HtmlNotFound))]
    [TestCase("demo / get_thing / unknown_id(param=id, value=999) -> 404", "body_schema_conformance", nameof(DemoFaults.HtmlNotFound))]
    [TestCase("demo / get_thing / unknown_id(param=id, value=999) -> 404", "body_schema_conformance", nameof(DemoFaults.MissingMessage))]
    [TestCase("demo / get_thing / unknown_id(param=id, value=999) -> 404", "body_schema_conformance", nameof(DemoFaults.CodeOutsideEnum))]
    [TestCase("demo / get_thing / valid -> 200", "body_schema_conformance", nameof(DemoFaults.WrongType))]
    [TestCase("demo / get_thing / valid -> 200", "documented_status", nameof(DemoFaults.Undocumented))]
    [TestCase("demo / get_thing / no_auth -> 401", "www_authenticate_on_401", nameof(DemoFaults.NoWwwAuthenticate))]
    [TestCase("demo / get_thing / wrong_method(method=DELETE) -> 405", "allow_on_405", nameof(DemoFaults.AllowListsRejected))]
    [TestCase("demo / create_thing / missing_field(field=name) -> 400", "body_value_conformance", nameof(DemoFaults.WrongField))]
    public async Task RunAsync_PlantedFault_CaughtByItsCheck(string caseName, string checkId, string fault)
    {
        var faults = new DemoFaults();
        typeof(DemoFaults).GetProperty(fault)!.SetValue(faults, true);
        await using var server = await DemoServer.StartAsync(faults);
        var results = await RunAsync(server.BaseUri);
        var result = Case(results, caseName);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Failed), result.Message);
        Assert.That(result.Failures.Select(c => c.CheckId), Does.Contain(checkId), result.Message);
    }

    [Test]
    public async Task RunAsync_SchemaViolation_MessageNamesBodyPathAndSchemaPath()
    {
        await using var server = await DemoServer.StartAsync(new DemoFaults { WrongType = true });
        var result = Case(await RunAsync(server.BaseUri), "demo / get_thing / valid -> 200");
        var check = result.Failures.Single(c => c.CheckId == "body_schema_conformance");
        Assert.That(check.Message, Is.EqualTo("Body schema violation / 1 error(s) against schemas/thing.schema.json (for 200)"));
        Assert.That(check.Details, Has.Count.EqualTo(1));
        Assert.That(check.Details[0], Does.StartWith("/name: ").And.Contain("[schema /properties/name/type]"));
    }

    [Test]
    public async Task RunAsync_InvalidRunSettings_EveryCaseBrokenListingEachErrorAndNoRequestSent()
    {
        await using var server = await DemoServer.StartAsync();
        var results = await RunAsync(server.BaseUri, new() { ["conformance.timeoutSeconds"] = "-5", ["conformance.maxRetries"] = "two" });
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Broken));
            Assert.That(results[0].Message, Does.StartWith("Invalid run settings, no probe was sent:"));
            Assert.That(results[0].Message, Does.Contain("CT0303").And.Contain("'-5' is not a non-negative number").And.Contain("'two' is not a non-negative number"));
            Assert.That(server.Requests, Is.Zero);
        });
    }

    [Test]
    public async Task RunAsync_NothingListens_EveryCaseBrokenPromptly()
    {
        using var closed = new ClosedPort();
        var port = closed.Port;
        var results = await RunAsync(new Uri($"http://127.0.0.1:{port}/"));
        Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Broken));
        Assert.That(results[0].Message, Does.StartWith($"Target unreachable (refused): Connection refused by 127.0.0.1:{port}"));
    }

    [Test]
    public async Task RunAsync_UnexpectedThrottle_RetriedAndFirstResponseKept()
    {
        var faults = new DemoFaults { ThrottleFirst = 1 };
        await using var server = await DemoServer.StartAsync(faults);
        var values = new Dictionary<string, string> { ["demo.concurrency"] = "1" };
        var results = await RunAsync(server.BaseUri, values);
        Assert.That(results.Where(r => r.Verdict != Verdict.Passed).Select(r => r.Message), Is.Empty);
        var retried = results.Single(r => r.Retried.Count > 0);
        Assert.That(retried.Retried[0].Response!.Status, Is.EqualTo(429));
    }

    [Test]
    public async Task RunAsync_MutationNotAllowed_MutatingRowsSkippedWithoutRequests()
    {
        await using var server = await DemoServer.StartAsync();
        var results = await RunAsync(server.BaseUri, new() { ["demo.allowMutation"] = "false" });
        var skipped = results.Where(r => r.Verdict == Verdict.Skipped).Select(r => r.CaseName).ToList();
        Assert.That(skipped, Is.EquivalentTo(new[] { "demo / get_thing / wrong_method(method=DELETE) -> 405", "demo / create_thing / missing_field(field=name) -> 400", "demo / create_thing / valid -> 201" }));
        Assert.That(server.Requests, Is.EqualTo(4));
    }

    [Test]
    public async Task RunAsync_Timeout_CaseBrokenWithReason()
    {
        await using var server = await DemoServer.StartAsync(new DemoFaults { Slow = TimeSpan.FromSeconds(3) });
        var results = await RunAsync(server.BaseUri, new() { ["conformance.timeoutSeconds"] = "0.5" });
        var result = Case(results, "demo / get_thing / valid -> 200");
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
        Assert.That(result.Message, Is.EqualTo($"Target unreachable (timeout): No complete response from {server.BaseUri.Authority} within 0.5 s. Check demo.baseUrl (CONFORMANCE_DEMO_BASEURL), or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow." + Environment.NewLine + "Reproduce: curl -i -X GET '" + server.BaseUri + "things/1' -H 'Accept: application/json' -H 'Authorization: ***'"));
    }

    [Test]
    public async Task RunAsync_SecretToken_NeverInMessagesOrCurl()
    {
        await using var server = await DemoServer.StartAsync(new DemoFaults { WrongStatus = true });
        var results = await RunAsync(server.BaseUri);
        Assert.That(results.Select(r => r.Message + r.Curl), Has.None.Contains("demo-secret-token"));
        Assert.That(Case(results, "demo / get_thing / valid -> 200").Curl, Does.Contain("-H 'Authorization: ***'"));
    }
}
