using Conformance.Probing;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>A broken case as a QA reader sees it in Allure: its message, its trace and the names of its files.</summary>
public sealed class AllureBrokenResultTests
{
    private const string Curl = "curl -i -X GET 'https://api.example.test/v1/things/42' -H 'Authorization: ***'";
    private static readonly Conformance.Tables.StatusRow Valid = Row("valid", "get_thing", "valid", 200);

    private static AllureResult Build(CaseResult result) => new AllureResultBuilder(Scope(Valid), "host1").Build(result, "7@host1.3").Result;

    private static CaseResult Broken(string message, ProbeStep? final) => Result(Valid, Verdict.Broken, message, final, []) with { Curl = Curl };

    [TestCase("breaker", "Not sent (breaker)")]
    [TestCase("budget", "Not sent (budget)")]
    [TestCase("request", "Not sent (request)")]
    [TestCase("precondition", "Not sent (precondition)")]
    public void Build_RequestNotSent_FilesSayItWasNotSentNotUnanswered(string kind, string heading)
    {
        var notSent = new ProbeStep(Request(), null, new ProbeFailure(kind, "The run's request budget (8) is spent; no request was sent."));

        var result = Build(Broken($"{heading}: The run's request budget (8) is spent; no request was sent.\nReproduce: {Curl}", notSent));

        Assert.That(result.Attachments.Select(a => a.Name), Is.EqualTo(new[] { "Request (not sent)", heading, "Reproduce (curl)" }));
    }

    [Test]
    public void Build_NoResponse_FilesNameTheRequestAndNoResponse()
    {
        var timedOut = new ProbeStep(Request(), null, new ProbeFailure("timeout", "No complete response from 127.0.0.1:8080 within 2 s. Check demo.baseUrl (CONFORMANCE_DEMO_BASEURL), or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow."));

        var result = Build(Broken($"Target unreachable (timeout): No complete response from 127.0.0.1:8080 within 2 s. Check demo.baseUrl (CONFORMANCE_DEMO_BASEURL), or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow.\nReproduce: {Curl}", timedOut));

        Assert.That(result.Attachments.Select(a => a.Name), Is.EqualTo(new[] { "Request", "No response", "Reproduce (curl)" }));
    }

    [Test]
    public void Build_BrokenCaseWithItsReproduceLine_MessageWithoutTheCurlLineAndTraceWithTheWholeText()
    {
        var timedOut = new ProbeStep(Request(), null, new ProbeFailure("timeout", "No complete response from 127.0.0.1:8080 within 2 s. Check demo.baseUrl (CONFORMANCE_DEMO_BASEURL), or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow."));
        var text = "Target unreachable (timeout): No complete response from 127.0.0.1:8080 within 2 s. Check demo.baseUrl (CONFORMANCE_DEMO_BASEURL), or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow.\n"
            + "RETRIED after timeout: No complete response from 127.0.0.1:8080 within 2 s. Check demo.baseUrl (CONFORMANCE_DEMO_BASEURL), or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow. (that attempt is kept in the report; the first line is the last attempt's)\n"
            + $"Reproduce: {Curl}";

        var details = Build(Broken(text, timedOut)).StatusDetails!;

        Assert.Multiple(() =>
        {
            Assert.That(details.Message, Is.EqualTo(
                "Target unreachable (timeout): No complete response from 127.0.0.1:8080 within 2 s. Check demo.baseUrl (CONFORMANCE_DEMO_BASEURL), or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow.\n"
                + "RETRIED after timeout: No complete response from 127.0.0.1:8080 within 2 s. Check demo.baseUrl (CONFORMANCE_DEMO_BASEURL), or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow. (that attempt is kept in the report; the first line is the last attempt's)"));
            Assert.That(details.Trace, Is.EqualTo(text));
        });
    }

    [Test]
    public void Build_TwoBrokenCasesOfOneCause_OneMessageForBoth()
    {
        var one = Build(Broken("Target unreachable (refused): Connection refused by 127.0.0.1:9: nothing listens there. Check demo.baseUrl (CONFORMANCE_DEMO_BASEURL).\nReproduce: curl -i -X GET 'http://127.0.0.1:9/things/1'", null));
        var two = Build(Broken("Target unreachable (refused): Connection refused by 127.0.0.1:9: nothing listens there. Check demo.baseUrl (CONFORMANCE_DEMO_BASEURL).\nReproduce: curl -i -X GET 'http://127.0.0.1:9/things/2'", null));

        Assert.That(two.StatusDetails!.Message, Is.EqualTo(one.StatusDetails!.Message).And.EqualTo("Target unreachable (refused): Connection refused by 127.0.0.1:9: nothing listens there. Check demo.baseUrl (CONFORMANCE_DEMO_BASEURL)."));
    }

    [Test]
    public void Build_TwoSetupsFailedAlikeWithOtherBodies_OneMessageForBothAndTheBodyInTheTrace()
    {
        string Text(int id) => "Setup failed, no probe was sent: create_thing answered 500 Internal Server Error, expected a 2xx\n"
            + $"Body: {{\"error\":\"db down\",\"request\":\"r-{id}\"}}\n"
            + "RETRIED setup (create_thing) after 503 Service Unavailable (Retry-After: none)\n"
            + $"Reproduce: {Curl}";

        var one = Build(Broken(Text(1), null)).StatusDetails!;
        var two = Build(Broken(Text(2), null)).StatusDetails!;

        Assert.Multiple(() =>
        {
            Assert.That(two.Message, Is.EqualTo(one.Message).And.EqualTo(
                "Setup failed, no probe was sent: create_thing answered 500 Internal Server Error, expected a 2xx\n"
                + "RETRIED setup (create_thing) after 503 Service Unavailable (Retry-After: none)"));
            Assert.That(two.Trace, Is.EqualTo(Text(2)));
        });
    }

    [Test]
    public void Build_BrokenCaseWithoutAReproduceLine_MessageWholeAndNoTrace()
    {
        var invalid = new CaseResult("demo", "contracts/demo/tables/things.yaml:14 (invalid)", null, Verdict.Broken,
            "Invalid contract: contracts/demo/tables/things.yaml(14,9): error CT0103: Unknown check 'x'", null, [], [], null, Started, TimeSpan.Zero);

        var details = Build(invalid).StatusDetails!;

        Assert.Multiple(() =>
        {
            Assert.That(details.Message, Is.EqualTo("Invalid contract: contracts/demo/tables/things.yaml(14,9): error CT0103: Unknown check 'x'"));
            Assert.That(details.Trace, Is.Null);
        });
    }

    [Test]
    public void Build_BrokenCaseEchoingTheSecret_NeitherMessageNorTraceHoldsIt()
    {
        var details = Build(Broken($"Target unreachable (reset): reset after 'Bearer {Secret}'\nReproduce: curl -H 'Authorization: Bearer {Secret}'", null)).StatusDetails!;

        Assert.Multiple(() =>
        {
            Assert.That(details.Message, Is.EqualTo("Target unreachable (reset): reset after 'Bearer ***'"));
            Assert.That(details.Trace, Does.Not.Contain(Secret));
        });
    }
}
