using Conformance.Framework.Tests.Engine;
using Conformance.Reporting;
using static Conformance.Framework.Tests.Staging.StagingRun;

namespace Conformance.Framework.Tests.Staging;

/// <summary>
/// What a gateway in front of staging does to answers (every one with <c>Connection: close</c>): compressed, chunked,
/// HTTP/1.0 or slow bodies are read as the API's; an HTML 502/504 page, a body with a BOM and a 301 are judged, each
/// for its own case, and a redirect to another host is not followed.
/// </summary>
public sealed class StagingReplyTests
{
    [TestCase("gzip")]
    [TestCase("brotli")]
    [TestCase("chunked")]
    [TestCase("http10")]
    [TestCase("slow_first")]
    [TestCase("problem")]
    public async Task RunAsync_GatewayReply_ReadAsTheApisAndPasses(string operation)
    {
        await using var gateway = StagingGateway.Start();

        var result = (await RunAsync(Settings(gateway), new InstantTime(), Rows(operation))).Single();

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
    }

    [Test]
    public async Task RunAsync_ProblemJsonWithCharset_ItsContentTypeAndSchemaMet()
    {
        await using var gateway = StagingGateway.Start();

        var result = (await RunAsync(Settings(gateway), new InstantTime(), Rows("problem"))).Single();

        Assert.That(result.Message.Split(Environment.NewLine)[1], Is.EqualTo("Response: 404 Not Found, application/problem+json; charset=utf-8, 55 bytes"));
    }

    [Test]
    public async Task RunAsync_ConnectionCloseOnEveryAnswer_EachCaseOnItsOwnConnectionPasses()
    {
        await using var gateway = StagingGateway.Start();
        var settings = Settings(gateway);
        settings["staging.allowMutation"] = "true";

        var results = await RunAsync(settings, new InstantTime(), [.. Times(Valid("item"), 6), .. Rows("create_item"), .. Times(Valid("item"), 2)]);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Verdict), Is.All.EqualTo(Verdict.Passed), string.Join(Environment.NewLine, results.Select(r => r.Message)));
            Assert.That(gateway.Requests, Is.EqualTo(9), "nothing sent twice");
        });
    }

    [TestCase("html_502", 502, "Bad Gateway", 136)]
    [TestCase("html_504", 504, "Gateway Timeout", 120)]
    public async Task RunAsync_GatewayHtmlErrorPage_FailedAsAServerErrorWithThePageShown(string operation, int status, string reason, int bytes)
    {
        await using var gateway = StagingGateway.Start();

        var result = (await RunAsync(Settings(gateway), new InstantTime(), Rows(operation))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Failed));
            Assert.That(result.Message.Split(Environment.NewLine).Skip(1).Take(4), Is.EqualTo(new[]
            {
                $"FAILED status_code_conformance: Status code mismatch / Expected: 200 (OK) / Received: {status} (not in the documentation)",
                $"FAILED documented_status: Undocumented HTTP status code / Received: {status} / Documented: 200, 201, 204, 404, 405, 429 (api.yaml statuses, from the documentation)",
                $"FAILED not_a_server_error: Server error / Received: {status} (not in the documentation) / Expected: 200: the request was answered with a server fault where the documentation promises a success",
                $"Response: {status} {reason}, text/html, {bytes} bytes",
            }));
            Assert.That(gateway.Requests, Is.EqualTo(1), "a 502 or 504 is not one of the bounded retries (429, 503)");
        });
    }

    [Test]
    public async Task RunAsync_JsonBodyWithByteOrderMark_FailedSayingSo()
    {
        await using var gateway = StagingGateway.Start();

        var result = (await RunAsync(Settings(gateway), new InstantTime(), Rows("bom"))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Failed));
            Assert.That(result.Message.Split(Environment.NewLine)[1], Is.EqualTo(
                "FAILED body_schema_conformance: Body is not JSON / Expected: JSON meeting schemas/item.schema.json (for 200) / Received: application/json body starting \"\uFEFF{\"id\":\"1\",\"name\":\"widget\"}\" (the body starts with a UTF-8 byte order mark (EF BB BF), which a JSON text sent over a network must not (RFC 8259 8.1))"));
        });
    }

    [Test]
    public async Task RunAsync_MovedToHttpsOfAnotherHost_NotFollowedAndSaidSo()
    {
        await using var gateway = StagingGateway.Start();

        var results = await RunAsync(Settings(gateway), new InstantTime(), Rows("moved"));

        Assert.Multiple(() =>
        {
            Assert.That(results[0].Verdict, Is.EqualTo(Verdict.Failed), "a probe that does not follow redirects judges the 301");
            Assert.That(results[0].Message.Split(Environment.NewLine)[1], Is.EqualTo("FAILED status_code_conformance: Status code mismatch / Expected: 200 (OK) / Received: 301 (not in the documentation)"));
            Assert.That(results[0].Message.Split(Environment.NewLine)[3..5], Is.EqualTo(new[]
            {
                "Response: 301 Moved Permanently, text/html, 31 bytes",
                "Location: https://elsewhere.example.net/moved (not followed: probes follow redirects only on follow_redirect rows, up to maxHops, and only to the base URL's scheme, host and port)",
            }));
            Assert.That(results[1].Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(results[1].Message, Is.EqualTo(
                "Not followed (redirect): Redirect to another origin (scheme, host or port) not followed: Location: https://elsewhere.example.net/moved" + Environment.NewLine +
                $"Reproduce: curl -i -X GET '{gateway.BaseUri}moved' -H 'Authorization: ***'"));
            Assert.That(gateway.Requests, Is.EqualTo(2), "one request per case, none to elsewhere.example.net");
        });
    }
}
