using System.Collections.Concurrent;
using Conformance.Framework.Tests.Hostile;
using Conformance.Probing;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// The Content-Type a probe names is the one on the wire: with parameters, malformed when a row writes it so, and a form
/// without the charset RestSharp adds; a plain JSON body keeps RestSharp's <c>; charset=utf-8</c>.
/// </summary>
public sealed class RequestContentTypeTests
{
    [TestCase("application/json; charset=utf-8", "application/json; charset=utf-8")]
    [TestCase("application/x-www-form-urlencoded; charset=utf-8", "application/x-www-form-urlencoded; charset=utf-8")]
    [TestCase("application/x-www-form-urlencoded", "application/x-www-form-urlencoded")]
    [TestCase("text/plain;format=flowed", "text/plain;format=flowed")]
    [TestCase("not a media type", "not a media type")]
    [TestCase(null, "application/json; charset=utf-8")]
    public async Task SendAsync_ContentType_OnTheWireAsNamed(string? contentType, string expected)
    {
        var seen = new ConcurrentQueue<string>();
        await using var server = HostileServer.Start(x =>
        {
            seen.Enqueue(x.Request.Headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? "(none)");
            return x.RespondAsync(200, "OK", "application/json", "{}");
        });
        var options = new TargetOptions("t", server.BaseUri, null, false, 1, 0, TimeSpan.FromSeconds(5), 1 << 20, false);
        using var client = new TargetClient(options, null, new RequestBudget(10));

        var step = await client.SendAsync(new ProbeRequest("POST", "/x", [], [], "a=1", contentType, null), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(step.Failure, Is.Null, step.Failure?.Message);
            Assert.That(seen, Is.EqualTo(new[] { expected }));
        });
    }
}
