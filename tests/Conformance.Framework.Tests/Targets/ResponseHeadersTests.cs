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

    private static async Task<ProbeResponse> ProbeAsync(Func<HostileExchange, Task> handler, int maxBodyBytes = 1024 * 1024)
    {
        await using var server = HostileServer.Start(handler);
        var options = new TargetOptions("t", server.BaseUri, null, false, 1, 0, TimeSpan.FromSeconds(5), maxBodyBytes, false);
        using var client = new TargetClient(options, null, new RequestBudget(10));
        var step = await client.SendAsync(new ProbeRequest("GET", "/x", [], [new("Accept", "application/json")], null, null, null), CancellationToken.None);
        return step.Response ?? throw new AssertionException($"no response: {step.Failure?.Message}");
    }
}
