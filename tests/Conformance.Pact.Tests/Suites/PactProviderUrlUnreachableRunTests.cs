using Conformance.Framework.Tests.Hostile;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// A pact verified at <c>pact.providerBaseUrl</c> where nothing listens: the BROKEN case names that host and port and that
/// setting with its variable, not the pack's <c>&lt;api&gt;.baseUrl</c>, which the verifier was not given.
/// </summary>
[NonParallelizable]
public sealed class PactProviderUrlUnreachableRunTests
{
    [Test]
    public async Task Run_NothingListensAtTheProviderBaseUrl_BrokenNamingThatSetting()
    {
        using var folder = new TempFolder();
        using var closed = new ClosedPort();
        var pact = PactFolderRun.ANotePact();

        var run = await PactFolderRun.RunAsync(
            folder,
            "FullyQualifiedName~PactSuite",
            new Dictionary<string, string> { ["notes-web-notes.json"] = pact },
            new Dictionary<string, string> { ["CONFORMANCE_PACT_PROVIDERBASEURL"] = $"http://127.0.0.1:{closed.Port}/" });

        Assert.That(run.Cases.Single().Message, Is.EqualTo(
            $"BROKEN (no verdict): the verifier got no response to compare from 127.0.0.1:{closed.Port}: error sending request for url (http://127.0.0.1:{closed.Port}/v1/notes/11001). "
            + "Fix: check pact.providerBaseUrl (CONFORMANCE_PACT_PROVIDERBASEURL) and that the provider is reachable there, and, with provider states, pact.stateChangeUrl; "
            + "a slow answer needs a longer conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS)."), run.Output);
    }
}
