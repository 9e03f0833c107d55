using System.Collections.Concurrent;
using Conformance.Framework.Tests.Hostile;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// HTTPS_PROXY/HTTP_PROXY, as a corporate CI sets them: a remote target is reached through the proxy, the embedded
/// reference API on loopback never is (a proxy cannot reach this machine's loopback).
/// </summary>
[NonParallelizable]
public sealed class ProxyRunTests
{
    [Test]
    public async Task Run_ProxyNowhere_EmbeddedReferenceApiStillReached()
    {
        using var folder = new TempFolder();

        var (exitCode, cases, output) = await SuitesApp.RunAsync("Category=smoke", Path.Combine(folder.Path, "results"), new Dictionary<string, string>
        {
            ["HTTP_PROXY"] = "http://127.0.0.1:9",
            ["HTTPS_PROXY"] = "http://127.0.0.1:9",
        });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(cases, Is.Not.Empty);
            Assert.That(cases.Select(c => c.Outcome), Has.All.EqualTo("Passed"), output);
        });
    }

    [Test]
    public async Task Run_ProxyAndRemoteTarget_SentThroughTheProxy()
    {
        var seen = new ConcurrentQueue<string>();
        await using var proxy = HostileServer.Start(x =>
        {
            seen.Enqueue($"{x.Request.Method} {x.Request.Path}");
            return x.RespondAsync(200, "OK", "application/json", "{}");
        });
        using var folder = new TempFolder();

        await SuitesApp.RunAsync("Category=smoke", Path.Combine(folder.Path, "results"), new Dictionary<string, string>
        {
            ["HTTP_PROXY"] = proxy.BaseUri.AbsoluteUri,
            ["CONFORMANCE_NOTES_BASEURL"] = "http://staging.example.test/",
            ["CONFORMANCE_NOTES_TOKEN"] = "notes-token-7c1e",
        });

        Assert.That(seen, Has.Some.StartsWith("GET http://staging.example.test/v1/notes/"), string.Join(Environment.NewLine, seen));
    }
}
