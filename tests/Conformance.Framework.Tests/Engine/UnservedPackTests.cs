using Conformance.Contracts;
using Conformance.Engine;
using Conformance.ReferenceApi;
using Conformance.Reporting;
using Conformance.Targets;

namespace Conformance.Framework.Tests.Engine;

/// <summary>
/// A pack of one's own (here <c>demo</c>) with no base URL set goes nowhere: the embedded reference API hosts only the
/// shipped packs, so its 404s would fail every row and blame an API that was never probed. The cases are broken with
/// CT0301 naming the pack's own setting and variable (it said <c>&lt;api&gt;.baseUrl or CONFORMANCE_&lt;API&gt;_BASEURL</c>,
/// left to the reader to fill in; found by the contract-author audit), and nothing is sent.
/// </summary>
public sealed class UnservedPackTests
{
    [Test]
    public async Task RunAsync_PackTheReferenceApiDoesNotHostWithoutBaseUrl_BrokenWithCT0301()
    {
        await using var server = await ReferenceServer.StartAsync();
        var pack = PackLoader.Load(Path.Combine(AppContext.BaseDirectory, "Packs", "demo"), AppContext.BaseDirectory);
        using var run = new ConformanceRun(new ContractSet([pack]), new SettingsSource(_ => null, _ => null), server.BaseUriFor);

        var result = await run.Runner.RunAsync(pack.Rows[0], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message, Is.EqualTo(
                "Invalid target settings, no probe was sent:" + Environment.NewLine +
                "runsettings:demo.baseUrl(1,1): error CT0301: No base URL is set for 'demo', the embedded reference API, which a pack without one is probed against, hosts only the packs shipped with Conformance, so every probe would be answered 404 and blamed on the API. Fix: Set demo.baseUrl (a TestRunParameters entry of the runsettings, or --test-parameter demo.baseUrl=<url>) or the environment variable CONFORMANCE_DEMO_BASEURL to the API's base URL, such as https://staging.example.com/api."));
            Assert.That(result.Exchange, Is.Null, "nothing is sent");
        });
    }

    [Test]
    public async Task BaseUriFor_ShippedAndOwnPack_PrefixForTheShippedOneOnly()
    {
        await using var server = await ReferenceServer.StartAsync();

        Assert.That(new[] { "notes", "demo" }.Select(a => server.BaseUriFor(a)?.ToString()), Is.EqualTo(new[] { server.BaseUri + "notes", null }));
    }
}
