using Conformance.Reporting;

namespace Conformance.Framework.Tests.Hostile;

/// <summary>Every fault of <see cref="HostileRoutes"/> costs its own case alone a clear verdict, in one run.</summary>
public sealed class HostileTargetTests
{
    private const string Cap = "Response body larger than the cap of 262144 bytes (conformance.maxBodyBytes); no verdict on a partial body";
    private const string Timeout = "Target unreachable (timeout): No complete response from {target} within 2 s. Check hostile.baseUrl (CONFORMANCE_HOSTILE_BASEURL), or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow.";
    private const string NotJsonStart = "FAILED body_schema_conformance: Body is not JSON / Expected: JSON meeting schemas/thing.schema.json (for 200) / Received: ";
    private const string NotJson = NotJsonStart + "application/json body starting ";
    private const string Reproduce = "\nReproduce: curl -i -X GET '";
    private const string Switched = "Target unreachable (protocol): The target at {target} switched protocols ";
    private const string TwoLengths = "Target unreachable (protocol): The reply from {target} is not valid HTTP: two Content-Length values that disagree ";
    private IReadOnlyList<CaseResult> results = [];
    private string authority = string.Empty;

    [OneTimeSetUp]
    public async Task RunAllRoutesOnce()
    {
        await using var server = HostileServer.Start(HostileRoutes.HandleAsync);
        authority = server.BaseUri.Authority;
        results = await HostileRun.RunAsync(server.BaseUri);
    }

    [TestCase("ok", Verdict.Passed, "hostile / ok / valid -> 200")]
    [TestCase("reset", Verdict.Broken, "Target unreachable (reset): The connection to {target} was reset before a complete response (Connection reset by peer). Check hostile.baseUrl (CONFORMANCE_HOSTILE_BASEURL); if resets come and go, conformance.transportRetries sends a GET, HEAD or OPTIONS again.")]
    [TestCase("stall", Verdict.Broken, Timeout)]
    [TestCase("drip", Verdict.Broken, Timeout)]
    [TestCase("endless", Verdict.Broken, Cap)]
    [TestCase("huge", Verdict.Broken, Cap)]
    [TestCase("gzip_bomb", Verdict.Broken, Cap)]
    [TestCase("not_json", Verdict.Failed, NotJson + "\"{\"id\": \"1\", \"name\": wid\" ('w' is an invalid start of a value, at line 1, byte 21)")]
    [TestCase("bad_utf8", Verdict.Failed, NotJson + "\"{\"id\":\"1\",\"name\":\"\uFFFD\uFFFD\uFFFD\"}\" (invalid UTF-8 at byte 18; JSON text must be UTF-8)")]
    [TestCase("lone_surrogate", Verdict.Failed, NotJson + "\"{\"id\":\"1\",  \"name\":\"wid\\uD800get\"}\" (a string at line 2, byte 9 holds \\uD800, an escaped lone surrogate: it names no Unicode character, so the text cannot be read (RFC 8259 8.2))")]
    [TestCase("lone_surrogate_key", Verdict.Failed, NotJson + "\"{\"id\":\"1\",\"name\":\"widget\",\"\\uDC00\\uD800\":1}\" (a property name at line 1, byte 27 holds \\uDC00, an escaped lone surrogate: it names no Unicode character, so the text cannot be read (RFC 8259 8.2))")]
    [TestCase("surrogate_pair", Verdict.Passed, "hostile / surrogate_pair / valid -> 200")]
    [TestCase("deep", Verdict.Failed, NotJson + "\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[...\" (The maximum configured depth of 256 has been exceeded.")]
    [TestCase("loop", Verdict.Failed, "FAILED status_code_conformance: Status code mismatch / Expected: 200 (OK) / Received: 302 (not in the documentation)")]
    [TestCase("short", Verdict.Broken, "Target unreachable (incomplete): The connection to {target} closed before the response was complete (The response ended prematurely, with at least 490 additional bytes expected. (ResponseEnded)).")]
    [TestCase("ssh", Verdict.Broken, "Target unreachable (protocol): The reply from {target} is not valid HTTP (Received an invalid status line: 'SSH-2.0-OpenSSH_9.6').")]
    [TestCase("bad_gzip", Verdict.Broken, "Target unreachable (protocol): The reply from {target} is not valid HTTP (the 404 response's compressed body (Content-Encoding) could not be decoded after 0 bytes: ")]
    [TestCase("bad_location", Verdict.Broken, "Not followed (redirect): 307 with a Location that is not a valid URI, not followed: Location: http://exa mple.com/[x" + "\nReproduce: curl -i -X GET '")]
    [TestCase("chain", Verdict.Broken, "Not followed (redirect): 307 with a Location that is not a valid URI, not followed: Location: http://exa mple.com/[x (hop 2, the answer to GET /bad-location)" + "\nReproduce: curl -i -X GET '")]
    [TestCase("status_999", Verdict.Failed, "FAILED status_code_conformance: Status code mismatch / Expected: 200 (OK) / Received: 999 (not in the documentation)")]
    [TestCase("closed_post", Verdict.Broken, "Target unreachable (incomplete): The connection to {target} closed before the response was complete (The response ended prematurely. (ResponseEnded)). If this comes and goes, the target may close keep-alive connections without 'Connection: close'; a POST is never sent again automatically (conformance.transportRetries repeats GET, HEAD and OPTIONS only).\nReproduce: curl -i -X POST '")]
    [TestCase("dot_dot", Verdict.Broken, "Setup failed, no probe was sent: make answered 201 with \"..\" at /id to capture as made_id: in the probe's path it would name another resource (an empty, \".\" or \"..\" segment is removed from the URL, RFC 3986 5.2.4), so no probe was sent\nBody: {\"id\":\"..\"}")]
    [TestCase("lone_capture", Verdict.Broken, "Setup failed, no probe was sent: make_lone answered 201 with a body whose text cannot be read (a string at line 1, byte 7 holds \\uDFFF, an escaped lone surrogate: it names no Unicode character, so the text cannot be read (RFC 8259 8.2)), nothing to capture lone_id from\nBody: {\"id\":\"a\\uDFFFb\"}")]
    [TestCase("huge_headers", Verdict.Broken, "Target unreachable (protocol): The reply from {target} is not valid HTTP (The HTTP response headers length exceeded the set limit of 65536 bytes).")]
    [TestCase("bad_chunk", Verdict.Broken, "Target unreachable (protocol): The reply from {target} is not valid HTTP (Received chunk header length could not be parsed: '5A-5A'. (InvalidResponse)).")]
    [TestCase("dup_keys", Verdict.Failed, "FAILED body_schema_conformance: Body names a member twice / Expected: JSON meeting schemas/thing.schema.json (for 200), each name once per object (RFC 8259 4; I-JSON, RFC 7493 2.3) / Received: the name \"k\" twice in the object at /meta/tags/0; readers disagree which value counts\nResponse: 200 OK, application/json, 62 bytes")]
    [TestCase("early_hints", Verdict.Passed, "hostile / early_hints / valid -> 200")]
    [TestCase("bare_status", Verdict.Failed, "FAILED status_code_conformance: Status code mismatch / Expected: 200 (OK) / Received: 404 (Not Found)\nResponse: 404, application/json, 26 bytes\n")]
    [TestCase("http10_close", Verdict.Passed, "hostile / http10_close / valid -> 200")]
    [TestCase("utf16", Verdict.Failed, NotJsonStart + "application/json; charset=utf-16 body starting " + "\"{\\u0000\"\\u0000i\\u0000d\\u0000\"\\u0000:\\u0000\"\\u00001\\u0000\"\\u0...\" (the body is UTF-16 (a 0x00 byte among its first two); JSON text sent over a network must be UTF-8 (RFC 8259 8.1))")]
    [TestCase("latin1", Verdict.Failed, NotJsonStart + "application/json; charset=iso-8859-1 body starting " + "\"{\"id\":\"1\",\"name\":\"caf\uFFFD\"}\" (invalid UTF-8 at byte 21; JSON text must be UTF-8)")]
    [TestCase("switch", Verdict.Broken, Switched + "(101, Upgrade: websocket) though the probe asked for no upgrade: it sent no Upgrade header, and a server may switch only to a protocol the request offers (RFC 9110 7.8)." + Reproduce)]
    [TestCase("switch_bare", Verdict.Broken, Switched + "(101, without an Upgrade header) though the probe asked for no upgrade: it sent no Upgrade header, and a server may switch only to a protocol the request offers (RFC 9110 7.8)." + Reproduce)]
    [TestCase("switch_asked", Verdict.Broken, Switched + "(101, Upgrade: websocket) as the probe's Upgrade header (websocket) offered; a probe judges an HTTP response, and none follows a switch." + Reproduce)]
    [TestCase("tls_alert", Verdict.Broken, "Target unreachable (tls): The reply from {target} is not HTTP but looks like TLS (first byte 0x15, a TLS alert record); it may serve HTTPS on this port. Check the scheme of hostile.baseUrl: use https:// for this port." + Reproduce)]
    [TestCase("tls_hello", Verdict.Broken, "Target unreachable (tls): The reply from {target} is not HTTP but looks like TLS (first byte 0x16, a TLS handshake record); it may serve HTTPS on this port. Check the scheme of hostile.baseUrl: use https:// for this port." + Reproduce)]
    [TestCase("two_lengths", Verdict.Broken, TwoLengths + "(40 and 26), so the body's length is unknown (RFC 9112 6.3: invalid framing)." + Reproduce)]
    [TestCase("two_lengths_first", Verdict.Broken, TwoLengths + "(26 and 40), so the body's length is unknown (RFC 9112 6.3: invalid framing)." + Reproduce)]
    [TestCase("two_lengths_open", Verdict.Broken, TwoLengths + "(40 and 26), so the body's length is unknown (RFC 9112 6.3: invalid framing)." + Reproduce)]
    public void RunAsync_HostileRoute_ThatCaseAloneGetsItsVerdict(string operation, Verdict verdict, string messageStart)
    {
        var result = results.Single(r => r.Row!.Api == "hostile" && r.Row.OperationId == operation);
        Assert.That(result.Verdict, Is.EqualTo(verdict), result.Message);
        var text = verdict == Verdict.Failed ? string.Join("\n", result.Message.Split('\n').Skip(1)) : result.Message;
        Assert.That(text, Does.StartWith(messageStart.Replace("{target}", authority, StringComparison.Ordinal)), result.Message);
        Assert.That(result.Duration, Is.LessThan(TimeSpan.FromSeconds(HostileRun.TimeoutSeconds + 3)), "bounded by the configured timeout");
    }

    [TestCase("switch")]
    [TestCase("switch_bare")]
    [TestCase("switch_asked")]
    [TestCase("two_lengths_open")]
    [TestCase("two_lengths")]
    public void RunAsync_UnframedReply_BrokenWithoutWaitingForTheTimeout(string operation)
    {
        var result = results.Single(r => r.Row!.Api == "hostile" && r.Row.OperationId == operation);
        Assert.That(result.Duration, Is.LessThan(TimeSpan.FromSeconds(HostileRun.TimeoutSeconds)), result.Message);
    }

    [Test]
    public void RunAsync_StatusOutsideTheRanges_NotCalledAServerError()
    {
        var result = results.Single(r => r.Row!.Api == "hostile" && r.Row.OperationId == "status_999");
        Assert.That(result.Checks.Single(c => c.CheckId == "not_a_server_error").Outcome, Is.EqualTo(Conformance.Checks.Outcome.Passed));
    }

    [Test]
    public void RunAsync_ClosedPort_RefusedPromptly()
    {
        var result = results.Single(r => r.Row!.Api == "closed");
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
        Assert.That(result.Message, Does.StartWith("Target unreachable (refused): Connection refused by 127.0.0.1:"));
    }

    [Test]
    public void RunAsync_EveryRoute_HasExactlyOneVerdict()
    {
        var operations = results.Where(r => r.Row!.Api == "hostile").Select(r => "/" + r.Row!.OperationId.Replace('_', '-'));
        Assert.That(operations, Is.EquivalentTo(HostileRoutes.Paths));
        Assert.That(results, Has.Count.EqualTo(HostileRoutes.Paths.Count + 1));
    }
}
