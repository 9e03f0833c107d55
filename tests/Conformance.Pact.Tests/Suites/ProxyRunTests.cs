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

    [Test]
    public async Task Run_ProxyWithAPasswordRefusesTheTunnel_BrokenWithoutThePassword()
    {
        // .NET's own message names the proxy as HTTPS_PROXY wrote it, user:password included.
        const string Password = "proxy-LEAK-4d2a";
        await using var proxy = HostileServer.Start(x => x.RespondAsync(407, "Proxy Authentication Required", "text/plain", "no", "Proxy-Authenticate: Basic realm=\"corp\""));
        using var folder = new TempFolder();

        var (_, cases, output) = await SuitesApp.RunAsync("Category=notes&Category=smoke", Path.Combine(folder.Path, "results"), new Dictionary<string, string>
        {
            ["HTTPS_PROXY"] = $"http://qa:{Password}@{proxy.BaseUri.Authority}/",
            ["CONFORMANCE_NOTES_BASEURL"] = "https://staging.example.test/",
            ["CONFORMANCE_NOTES_TOKEN"] = "notes-token-7c1e",
        });

        Assert.Multiple(() =>
        {
            Assert.That(cases.Select(c => c.Message).Single(), Does.StartWith(
                $"BROKEN (no verdict): Target unreachable (proxy): The proxy would not open a tunnel to staging.example.test (The proxy tunnel request to proxy 'http://***@{proxy.BaseUri.Authority}/' failed with status code '407'). Check HTTPS_PROXY (its user and password) and NO_PROXY."
                + Environment.NewLine + "Reproduce: curl -i -X GET 'https://staging.example.test/"), output);
            Assert.That(output, Does.Not.Contain("LEAK"));
            Assert.That(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories).Where(f => File.ReadAllText(f).Contains("LEAK", StringComparison.Ordinal)), Is.Empty);
        });
    }
}
