using System.Text.Json;
using System.Text.RegularExpressions;
using Conformance.Checks;
using Conformance.Framework.Tests.Checks;
using Conformance.Reporting;
using Conformance.Reporting.Allure;
using static Conformance.Framework.Tests.Reporting.ReportFixture;

namespace Conformance.Framework.Tests.Reporting;

public sealed class AllureCategoriesTests
{
    [Test]
    public void Json_Always_ListsCategoriesInMatchOrder()
    {
        using var json = JsonDocument.Parse(AllureCategories.Json());
        var entries = json.RootElement.EnumerateArray().Select(e => $"{e.GetProperty("name").GetString()} [{e.GetProperty("matchedStatuses")[0].GetString()}]").ToList();

        Assert.That(entries, Is.EqualTo(new[]
        {
            "Known issue (tracked by known:) [failed]", "Known issue no longer reproduces (remove known:) [failed]",
            "Invalid contract [broken]", "Invalid settings or no credential [broken]", "Target unreachable [broken]",
            "Request not sent or redirect not followed [broken]",
            "Token request failed [broken]", "Setup failed (no probe sent) [broken]", "Inconclusive (throttled or unavailable) [broken]", "Response too large [broken]",
            "Undocumented status [failed]", "Status mismatch [failed]", "Body schema violation [failed]", "Header violation [failed]",
            "Body value mismatch [failed]", "Server error [failed]", "Slow response [failed]",
        }));
    }

    [Test]
    public void Json_StatusMismatch_RegexPinned()
    {
        using var json = JsonDocument.Parse(AllureCategories.Json());

        Assert.That(json.RootElement[11].GetProperty("messageRegex").GetString(), Is.EqualTo("[\\s\\S]*Status code mismatch /[\\s\\S]*"));
    }

    [TestCase("status_code_conformance", 500, "Status mismatch")]
    [TestCase("documented_status", 418, "Undocumented status")]
    [TestCase("www_authenticate_on_401", 401, "Header violation")]
    [TestCase("retry_after_on_429_503", 429, "Header violation")]
    [TestCase("no_body_on_204_304", 204, "Body value mismatch")]
    public void Match_RealCheckFailure_FallsInItsCategory(string checkId, int status, string expected)
    {
        var row = CheckFixture.Row(status == 500 ? [200] : [status]);
        var check = CheckFixture.Run(CheckFixture.Check(checkId), CheckFixture.Context(row, status, body: status == 204 ? "{}" : null));
        Assert.That(check.Outcome, Is.EqualTo(Outcome.Failed), check.Message);

        Assert.That(Category("failed", Message(check)), Is.EqualTo(expected));
    }

    [TestCase("Invalid contract: contracts/demo/api.yaml(3,1): error CT0101: ...", "Invalid contract")]
    [TestCase("Target unreachable (timeout): no answer within 10 s", "Target unreachable")]
    [TestCase("Target unreachable: no target is configured for 'demo'", "Target unreachable")]
    [TestCase("Not sent (budget): The run's request budget (3) is spent; no request was sent.", "Request not sent or redirect not followed")]
    [TestCase("Not followed (redirect): Redirect to another origin (scheme, host or port) not followed: Location: https://sso.example.com/", "Request not sent or redirect not followed")]
    [TestCase("Inconclusive: still 429 after 2 bounded retries; the target is throttling or unavailable", "Inconclusive (throttled or unavailable)")]
    [TestCase("Inconclusive: still 502 after 2 bounded retries; a gateway or proxy in front of the target answered, not the API: 502 Bad Gateway, ...", "Inconclusive (throttled or unavailable)")]
    [TestCase("Inconclusive: 429 Too Many Requests with Retry-After: 120, longer than conformance.maxRetryWaitSeconds (10 s), so it was not sent again before the target allows; the target is throttling or unavailable", "Inconclusive (throttled or unavailable)")]
    [TestCase("Not sent (breaker): The last 3 cases of notes ended 429 Too Many Requests (a, b, c); conformance.circuitBreaker=3 stops sending ..., and no request was sent: not this case's setup (create_note), nor its probe. Rerun later, or raise it (0 turns it off).", "Request not sent or redirect not followed")]
    [TestCase("Invalid run settings, no probe was sent:\nrunsettings:conformance.dryRun(1,1): error CT0303: ...", "Invalid settings or no credential")]
    [TestCase("Invalid target settings, no probe was sent:\nrunsettings:demo.baseUrl(1,1): error CT0302: ...", "Invalid settings or no credential")]
    [TestCase("No credential, no probe was sent: runsettings:demo.token(1,1): error CT0304: ...", "Invalid settings or no credential")]
    [TestCase("Setup failed, no probe was sent: create_note answered 201 without a value at /id to capture as deletable_note_id\nBody: {\"ok\":true}", "Setup failed (no probe sent)")]
    [TestCase("Setup failed, no probe was sent: create_note answered 500 Internal Server Error, expected a 2xx\nBody: {}", "Setup failed (no probe sent)")]
    [TestCase("Setup failed, no probe was sent: create_note: Target unreachable (refused): Connection refused by 127.0.0.1:9", "Target unreachable")]
    [TestCase("Token request failed: POST https://auth.example.test/token answered 401 Unauthorized: invalid_client\nReproduce: curl ...", "Token request failed")]
    [TestCase("Token request failed after 3 attempts: POST https://auth.example.test/token got no answer (refused): Connection refused", "Token request failed")]
    [TestCase("No verdict: the target answered 401 Unauthorized to the fetched token, and a new one could not be fetched: Token request failed: POST ...", "Token request failed")]
    [TestCase("Setup failed, no probe was sent: create_note answered 401 Unauthorized to the fetched token, and a new one could not be fetched: Token request failed: POST ...", "Token request failed")]
    public void Match_BrokenMessage_FallsInItsCategory(string message, string expected) =>
        Assert.That(Category("broken", message), Is.EqualTo(expected));

    [TestCase("body_schema_conformance: Body names a member twice / Expected: JSON meeting schemas/thing.schema.json (for 200), each name once per object (RFC 8259 4; I-JSON, RFC 7493 2.3) / Received: the name \"k\" twice in the object at /meta/tags/0; readers disagree which value counts")]
    [TestCase("body_schema_conformance: Body is not JSON / Expected: JSON meeting schemas/thing.schema.json (for 200) / Received: application/json body starting \"{\" (a string at line 2, byte 9 holds \\uD800, an escaped lone surrogate ...)")]
    public void Match_UnreadableOrAmbiguousBody_BodySchemaViolation(string message) =>
        Assert.That(Category("failed", message), Is.EqualTo("Body schema violation"));

    [Test]
    public void Match_UndocumentedStatusBesideStatusMismatch_UndocumentedWins()
    {
        // A row may only expect a documented code (CT0123), so every undocumented answer is also a status mismatch.
        var row = CheckFixture.Row([404]);
        var context = CheckFixture.Context(row, 418);
        var checks = new[] { CheckFixture.Run(CheckFixture.Check("status_code_conformance"), context), CheckFixture.Run(CheckFixture.Check("documented_status"), context) };
        var result = Row("r", "get_thing", "valid", 404);
        var allure = new AllureResultBuilder(Scope(result), "h").Build(Result(result, Verdict.Failed, "x", null, checks), "t").Result;

        Assert.That(Category("failed", allure.StatusDetails!.Message!), Is.EqualTo("Undocumented status"));
    }

    [Test]
    public void Match_SchemaViolationBesideHeaderFailure_SchemaWins()
    {
        var row = Row("r", "get_thing", "unknown_id", 404);
        var allure = new AllureResultBuilder(Scope(row), "h").Build(SchemaViolation(row, 404), "t").Result;

        Assert.That(Category("failed", allure.StatusDetails!.Message!), Is.EqualTo("Body schema violation"));
    }

    [Test]
    public void Match_KnownIssueFailure_KnownCategoryAndTagBeforeItsCheck()
    {
        var row = Row("r", "get_thing", "unknown_id", 404);
        var known = StatusMismatch(row, 400) with { KnownIssue = "DEMO-7: 404 comes back as 400" };

        var allure = new AllureResultBuilder(Scope(row), "h").Build(known, "t").Result;

        Assert.Multiple(() =>
        {
            Assert.That(allure.Status, Is.EqualTo("failed"));
            Assert.That(allure.StatusDetails!.Known, Is.True);
            Assert.That(new AllureResultBuilder(Scope(row), "h").Build(StatusMismatch(row, 400), "t").Result.StatusDetails!.Known, Is.False);
            Assert.That(allure.StatusDetails!.Message, Does.StartWith("Known issue: DEMO-7: 404 comes back as 400" + Environment.NewLine + "status_code_conformance: "));
            Assert.That(Category("failed", allure.StatusDetails!.Message!), Is.EqualTo("Known issue (tracked by known:)"));
            Assert.That(allure.Labels.Where(l => l.Name == "tag").Select(l => l.Value), Does.Contain("known-issue").And.Contain("status_code_conformance"));
            Assert.That(Category("failed", new AllureResultBuilder(Scope(row), "h").Build(StatusMismatch(row, 400), "t").Result.StatusDetails!.Message!), Is.EqualTo("Status mismatch"));
        });
    }

    [Test]
    public void Match_KnownIssueFixed_FixedCategoryWithTheRunnersMessage()
    {
        var row = Row("r", "get_thing", "unknown_id", 404);
        const string Fixed = "Known issue no longer reproduces / Known: DEMO-7 / Now: every check passes\nRemove 'known:' from the row at t.yaml(2,5) so that a regression fails the run again.";

        var allure = new AllureResultBuilder(Scope(row), "h").Build(Result(row, Verdict.Failed, Fixed, null, []), "t").Result;

        Assert.Multiple(() =>
        {
            Assert.That(allure.StatusDetails!.Message, Is.EqualTo(Fixed));
            Assert.That(Category("failed", allure.StatusDetails!.Message!), Is.EqualTo("Known issue no longer reproduces (remove known:)"));
        });
    }

    private static string Message(CheckResult check)
    {
        var row = Row("r", "get_thing", "valid", 200);
        var allure = new AllureResultBuilder(Scope(row), "h").Build(Result(row, Verdict.Failed, "x", null, [check]), "t").Result;
        return allure.StatusDetails!.Message!;
    }

    /// <summary>First match wins, with the whole message matched as Allure 2 (Java) does.</summary>
    private static string? Category(string status, string message) =>
        AllureCategories.All.FirstOrDefault(c => c.MatchedStatuses.Contains(status) && Regex.IsMatch(message, $"^(?:{c.MessageRegex})$"))?.Name;
}
