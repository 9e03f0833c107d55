using Conformance.Contracts;
using Conformance.Engine;
using Conformance.Pact.Export;
using Conformance.Pact.States;
using Conformance.Targets;

namespace Conformance.Pact.Tests.States;

/// <summary>
/// A value a setup captured and the interaction sends in a credential header is a secret, as in a row's own requests:
/// the verification result masks it where the provider echoed it.
/// </summary>
[NonParallelizable]
public sealed class SetupStatesSecretTests
{
    [Test]
    public async Task Verify_CapturedTokenEchoedInMismatch_Masked()
    {
        using var folder = new TempFolder();
        var loaded = SessionPack.Write(folder.Path);
        var file = PactWriter.Write(PactExporter.Export(loaded).Pact, folder.Path);
        await using var target = await SessionPack.StartProviderAsync();
        using var run = new ConformanceRun(new ContractSet([loaded]), new SettingsSource(_ => null, _ => null), _ => target.BaseUri);
        await using var states = new SetupStates(loaded.Pack!, run.Clients["profiles"], run.Redactor);

        var result = PactVerifier.Verify(new PactVerifierOptions("profiles", target.BaseUri) { StateHandler = states }, PactSource.Files([file]));

        Assert.Multiple(() =>
        {
            Assert.That(result.Interactions.Single().Mismatch, Is.EqualTo("$.owner -> Expected '***' to match '^(?:alice)$'"));
            Assert.That(result.Output, Does.Not.Contain(SessionPack.Token));
            Assert.That(result.Output, Does.Contain("Expected '***'"), "the verifier's own report is masked too");
        });
    }
}
