using System.Text;
using Conformance.Checks;
using Conformance.Probing;
using Conformance.Reporting;

namespace Conformance.Framework.Tests.Reporting;

/// <summary>
/// The message of a failed case, as the console, TRX and the Allure status text show it: each failed check, the response
/// line, the start of the body (masked, on one line) and the curl line.
/// </summary>
public sealed class FailureMessageTests
{
    private const string Token = "tok-LEAK-7f3a9c12";

    private static readonly CheckResult[] Failed =
    [
        new("body_value_conformance", Outcome.Failed, "Body value mismatch / 1 of 1 assertion(s) failed", ["/errorCode: expected \"CMN-102\", received \"NOT_FOUND\""]),
    ];

    [Test]
    public void Format_FailedCheckWithJsonBody_BodyLineMaskedBetweenResponseAndCurl()
    {
        var body = "{\n  \"errorCode\": \"NOT_FOUND\",\n  \"echo\": \"Bearer " + Token + "\"\n}";

        var message = Format(Response(404, "Not Found", "application/json", body));

        Assert.That(message, Is.EqualTo(string.Join(Environment.NewLine,
            "ringcentral / get_extension / unknown_id -> 404  [contracts/ringcentral/tables/status.yaml(12,5)]",
            "FAILED body_value_conformance: Body value mismatch / 1 of 1 assertion(s) failed",
            "    /errorCode: expected \"CMN-102\", received \"NOT_FOUND\"",
            "Response: 404 Not Found, application/json, 68 bytes",
            "Body: { \"errorCode\": \"NOT_FOUND\", \"echo\": \"Bearer ***\" }",
            "Reproduce: curl -i -X GET 'http://127.0.0.1:5080/x' -H 'Authorization: ***'")));
    }

    [Test]
    public void Format_ExchangeWithANote_NoteBeforeTheResponse()
    {
        var request = new ProbeRequest("GET", "/old?again=1", [], [], null, null, null);
        var exchange = ProbeExchange.Of(new ProbeStep(request, Response(301, "Moved Permanently", "text/plain", string.Empty), null)) with { Note = "NOT FOLLOWED further: 301 after 5 redirects followed (maxHops 5): ..." };
        CheckResult[] failed = [new("status_code_conformance", Outcome.Failed, "Status code mismatch / Expected: 200 (OK) / Received: 301 (Moved Permanently)", [])];

        var message = FailureMessage.Format("tickets / legacy / follow_redirect -> 200", null, failed, exchange, [], "curl -i -X GET 'http://127.0.0.1:5080/old?again=1'", Redactor.None);

        Assert.That(message, Is.EqualTo(string.Join(Environment.NewLine,
            "tickets / legacy / follow_redirect -> 200",
            "FAILED status_code_conformance: Status code mismatch / Expected: 200 (OK) / Received: 301 (Moved Permanently)",
            "NOT FOLLOWED further: 301 after 5 redirects followed (maxHops 5): ...",
            "Response: 301 Moved Permanently, text/plain, 0 bytes",
            "Reproduce: curl -i -X GET 'http://127.0.0.1:5080/old?again=1'")));
    }

    [Test]
    public void Format_RedirectPastMaxHopsWithItsNote_NoSecondLocationLine()
    {
        // The note already says where the last redirect pointed; the line for a 3xx on a row that follows none must not
        // follow it, since this row did follow redirects (up to maxHops).
        var request = new ProbeRequest("GET", "/old?again=1", [], [], null, null, null);
        var moved = new ProbeResponse(301, "Moved Permanently", [new("Content-Type", "text/plain"), new("Location", "/old")], Array.Empty<byte>(), false, TimeSpan.Zero);
        var exchange = ProbeExchange.Of(new ProbeStep(request, moved, null)) with { Note = "NOT FOLLOWED further: 301 after 5 redirects followed (maxHops 5): Location: /old (hop 6, the answer to GET /old?again=1)" };
        CheckResult[] failed = [new("status_code_conformance", Outcome.Failed, "Status code mismatch / Expected: 200 (OK) / Received: 301 (Moved Permanently)", [])];

        var message = FailureMessage.Format("tickets / legacy / follow_redirect -> 200", null, failed, exchange, [], "curl -i -X GET 'http://127.0.0.1:5080/old?again=1'", Redactor.None);

        Assert.That(message, Is.EqualTo(string.Join(Environment.NewLine,
            "tickets / legacy / follow_redirect -> 200",
            "FAILED status_code_conformance: Status code mismatch / Expected: 200 (OK) / Received: 301 (Moved Permanently)",
            "NOT FOLLOWED further: 301 after 5 redirects followed (maxHops 5): Location: /old (hop 6, the answer to GET /old?again=1)",
            "Response: 301 Moved Permanently, text/plain, 0 bytes",
            "Reproduce: curl -i -X GET 'http://127.0.0.1:5080/old?again=1'")));
    }

    [Test]
    public void BodyLine_LongerThanTheCap_FirstCharactersAndTheWholeLength()
    {
        var line = FailureMessage.BodyLine(Response(500, "Internal Server Error", "text/html", new string('x', 1_000)), Redactor.None);

        Assert.That(line, Is.EqualTo(new string('x', FailureMessage.MaxBody) + "... (1,000 characters in all)"));
    }

    [Test]
    public void BodyLine_TerminalEscapeSequence_WrittenVisibly() =>
        Assert.That(FailureMessage.BodyLine(Response(500, "Internal Server Error", "text/plain", "\u001b[31mred\u001b[0m\tdone"), Redactor.None), Is.EqualTo("\\u001B[31mred\\u001B[0m done"));

    [TestCase("image/png", "PNG")]
    [TestCase("application/json", "")]
    public void BodyLine_BinaryOrEmptyBody_None(string type, string body) =>
        Assert.That(FailureMessage.BodyLine(Response(200, "OK", type, body), Redactor.None), Is.Null);

    [Test]
    public void BodyLine_NotUtf8_None()
    {
        var response = new ProbeResponse(400, "Bad Request", [new("Content-Type", "text/plain")], new byte[] { 0x66, 0xFF, 0x6F }, false, TimeSpan.Zero);

        Assert.That(FailureMessage.BodyLine(response, Redactor.None), Is.Null);
    }

    private static string Format(ProbeResponse response)
    {
        var request = new ProbeRequest("GET", "/x", [], [new("Authorization", "Bearer " + Token)], null, null, Token);
        return FailureMessage.Format("ringcentral / get_extension / unknown_id -> 404", "contracts/ringcentral/tables/status.yaml(12,5)", Failed,
            ProbeExchange.Of(new ProbeStep(request, response, null)), [], "curl -i -X GET 'http://127.0.0.1:5080/x' -H 'Authorization: ***'", new Redactor([Token], []));
    }

    private static ProbeResponse Response(int status, string reason, string type, string body) =>
        new(status, reason, [new("Content-Type", type)], Encoding.UTF8.GetBytes(body), false, TimeSpan.Zero);
}
