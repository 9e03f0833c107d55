using System.IO.Compression;
using Conformance.Framework.Tests.Hostile;
using Conformance.Probing;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// The headers a probe reports are the ones the target sent: the body the client re-buffers must not add a
/// Content-Length of its own (shown beside Transfer-Encoding: chunked it reads as a protocol violation in a report).
/// </summary>
public sealed class ResponseHeadersTests
{
    [Test]
    public async Task SendAsync_ChunkedBody_NoContentLengthReported()
    {
        var response = await ProbeAsync(async x =>
        {
            await x.WriteAsync("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            await x.WriteAsync("7\r\n{\"a\":1}\r\n0\r\n\r\n");
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.Header("Content-Length"), Is.Null);
            Assert.That(response.Header("Transfer-Encoding"), Is.EqualTo("chunked"));
            Assert.That(response.Body.Length, Is.EqualTo(7));
        });
    }

    [Test]
    public async Task SendAsync_DeclaredLength_ReportedAsSent()
    {
        var response = await ProbeAsync(x => x.RespondAsync(200, "OK", "application/json", "{\"id\":\"1\"}"));

        Assert.That(response.Header("Content-Length"), Is.EqualTo("10"));
    }

    [Test]
    public async Task SendAsync_BodyOverTheCap_DeclaredLengthNotTheCappedOne()
    {
        var response = await ProbeAsync(x => x.RespondAsync(200, "OK", "application/json", new string(' ', 300)), maxBodyBytes: 100);

        Assert.Multiple(() =>
        {
            Assert.That(response.Truncated, Is.True);
            Assert.That(response.Header("Content-Length"), Is.EqualTo("300"));
        });
    }

    [Test]
    public async Task SendAsync_GzipBody_DecodedWithoutTheCompressedLength()
    {
        using var packed = new MemoryStream();
        await using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync("{\"id\":\"1\",\"name\":\"widget\"}"u8.ToArray());
        }

        var response = await ProbeAsync(x => x.RespondAsync(200, "OK", "application/json", packed.ToArray(), "Content-Encoding: gzip"));

        Assert.Multiple(() =>
        {
            Assert.That(System.Text.Encoding.UTF8.GetString(response.Body.Span), Is.EqualTo("{\"id\":\"1\",\"name\":\"widget\"}"));
            Assert.That(response.Header("Content-Length"), Is.Null, "the decoded body has no length on the wire");
        });
    }

    [TestCase("Retry-After", "Sun, 06 Nov 1994 08:49:37 UTC")]
    [TestCase("Retry-After", "Sun, 06 Nov 1994 08:49:37 +0000")]
    [TestCase("Allow", "GET,HEAD")]
    [TestCase("Location", "https://example.test/a b")]
    [TestCase("Content-Type", "application/json;charset=UTF-8")]
    [TestCase("Cache-Control", "no-cache,max-age=0")]
    [TestCase("Expires", "Thu, 01 Dec 1994 16:00:00 UTC")]
    public async Task SendAsync_HeaderDotNetWouldRewrite_ReportedAsSent(string name, string value)
    {
        var contentType = name == "Content-Type" ? value : "application/json";
        string[] extra = name == "Content-Type" ? [] : [$"{name}: {value}"];
        var response = await ProbeAsync(x => x.RespondAsync(503, "Service Unavailable", contentType, "{}", extra));

        Assert.That(response.Header(name), Is.EqualTo(value));
    }

    [Test]
    public async Task SendAsync_RetryAfterDateInUtc_FailsTheFormatRule()
    {
        var response = await ProbeAsync(x => x.RespondAsync(503, "Service Unavailable", "application/json", "{}", "Retry-After: Sun, 06 Nov 1994 08:49:37 UTC"));

        Assert.That(Conformance.Checks.HeaderFormats.IsRetryAfter(response.Header("Retry-After")!), Is.False, "RFC 9110 5.6.7: an HTTP-date ends in GMT");
    }

    [Test]
    public async Task SendAsync_RepeatedHeader_JoinedInOrder()
    {
        var response = await ProbeAsync(x => x.RespondAsync(401, "Unauthorized", "application/json", "{}", "WWW-Authenticate: Bearer realm=\"a\"", "WWW-Authenticate: Basic realm=\"b\""));

        Assert.That(response.Header("WWW-Authenticate"), Is.EqualTo("Bearer realm=\"a\", Basic realm=\"b\""));
    }

    [Test]
    public async Task SendAsync_SameContentLengthTwice_AResponseWithThatLength()
    {
        // RFC 9110 8.6: a recipient may take a repeated identical length as one; only values that disagree are a framing fault.
        var response = await ProbeAsync(x => x.RespondAsync(200, "OK", "application/json", "{\"id\":\"1\"}", "Content-Length: 10"));

        Assert.That(response.Header("Content-Length"), Is.EqualTo("10"));
    }

    [Test]
    public async Task SendAsync_TwoLengthsBesideChunked_AResponseFramedByTheChunks()
    {
        // RFC 9112 6.3: Transfer-Encoding overrides Content-Length, so the body's length is known.
        var response = await ProbeAsync(async x =>
        {
            await x.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 40\r\nContent-Length: 7\r\nConnection: close\r\n\r\n");
            await x.WriteAsync("7\r\n{\"a\":1}\r\n0\r\n\r\n");
        });

        Assert.That(response.Body.Length, Is.EqualTo(7));
    }

    private static async Task<ProbeResponse> ProbeAsync(Func<HostileExchange, Task> handler, int maxBodyBytes = 1024 * 1024)
    {
        await using var server = HostileServer.Start(handler);
        var options = new TargetOptions("t", server.BaseUri, null, false, 1, 0, TimeSpan.FromSeconds(5), maxBodyBytes, false);
        using var client = new TargetClient(options, null, new RequestBudget(10));
        var step = await client.SendAsync(new ProbeRequest("GET", "/x", [], [new("Accept", "application/json")], null, null, null), CancellationToken.None);
        return step.Response ?? throw new AssertionException($"no response: {step.Failure?.Message}");
    }
}
