using Conformance.Contracts;
using Conformance.Engine;
using Conformance.ReferenceApi;
using Conformance.Targets;

namespace Conformance.Pact.Tests.Export;

/// <summary>
/// The exported pacts against both sides: the suites' own probes are all matched by the pact's mock server, and
/// the embedded reference API passes every interaction.
/// </summary>
[NonParallelizable]
public sealed class ExportRoundTripTests
{
    /// <summary>
    /// Scenarios whose request the mock server can never match: it parses a JSON request body to compare it, and
    /// malformed_json sends a deliberately broken one. The verifier replays them fine.
    /// </summary>
    private static readonly string[] MockUnmatchable = ["malformed_json"];

    private static IEnumerable<string> Apis => ExportedPacks.Apis;

    [TestCaseSource(nameof(Apis))]
    public async Task MockServer_SuiteProbes_AllMatched(string api)
    {
        var export = ExportedPacks.Export(api);
        var loaded = ExportedPacks.Contracts.Find(api)!;
        var pact = export.Pact with { Interactions = [.. export.Pact.Interactions.Where(i => !MockUnmatchable.Contains(i.ProviderState))] };
        var exported = pact.Interactions.Select(i => i.Description).ToHashSet(StringComparer.Ordinal);

        var (allMatched, report) = await ExportedPacks.ProbeMockAsync(loaded, pact, loaded.Rows.Where(r => exported.Contains(r.CaseName) || exported.Contains($"{r.CaseName} [{r.Id}]")));

        await TestContext.Out.WriteLineAsync(export.Report());
        Assert.That(allMatched, Is.True, report);
    }

    [TestCaseSource(nameof(Apis))]
    public async Task Verify_ReferenceApi_EveryInteractionPasses(string api)
    {
        await using var reference = await ReferenceServer.StartAsync();

        var result = PactVerifier.Verify(new PactVerifierOptions(api, reference.BaseUriFor(api)!), PactSource.Files([ExportedPacks.File(api)]));

        var failed = result.Interactions.Where(i => !i.Passed).Select(i => $"{i.Description}: {i.Mismatch}");
        Assert.Multiple(() =>
        {
            Assert.That(failed, Is.Empty);
            Assert.That(result.Interactions, Has.Count.EqualTo(ExportedPacks.Export(api).Pact.Interactions.Count));
            Assert.That(result.Passed, Is.True);
        });
    }

    [Test]
    public async Task Verify_PlantedFaults_ReportsAffectedInteractionsWithMismatch()
    {
        var faults = new HashSet<string> { Faults.WrongStatus, Faults.MissingRequiredField };
        await using var reference = await ReferenceServer.StartAsync(new ReferenceOptions { Faults = faults });

        var result = PactVerifier.Verify(new PactVerifierOptions("notes", reference.BaseUriFor("notes")!), PactSource.Files([ExportedPacks.File("notes")]));

        var failed = result.Interactions.Where(i => !i.Passed).ToDictionary(i => i.Description, i => i.Mismatch);
        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False);
            Assert.That(failed, Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["notes / create_note / valid -> 201"] = "$ -> Actual map is missing the following keys: id",
                ["notes / delete_note / unknown_id(param=note_id) -> 404"] = "expected 404 but was 400",
                ["notes / get_customer / unknown_id(param=customer_id, value=99999999) -> 404"] = "expected 404 but was 400",
                ["notes / get_note / unknown_id(param=note_id, value=99999999) -> 404"] = "expected 404 but was 400",
            }));
            Assert.That(result.Output, Does.Contain("There were 4 pact failures"));
        });
    }

    /// <summary>
    /// Fone Dynamics' error bodies require ResponseStatus.ErrorCode (seed 004:17-20): an error body without it, which the
    /// contract refuses, fails its interaction. (CallRail's page gives its errors no shape, so its pact holds no error body.)
    /// </summary>
    [Test]
    public async Task Verify_FoneDynamicsErrorsWithoutErrorCode_EveryErrorInteractionWithABodyFails()
    {
        await using var reference = await ReferenceServer.StartAsync(new ReferenceOptions { Faults = new HashSet<string> { Faults.MissingRequiredField } });

        var result = PactVerifier.Verify(new PactVerifierOptions("fonedynamics", reference.BaseUriFor("fonedynamics")!), PactSource.Files([ExportedPacks.File("fonedynamics")]));

        var errors = ExportedPacks.Export("fonedynamics").Pact.Interactions.Where(i => i.Response.Status >= 400 && i.Response.JsonBody is not null).Select(i => i.Description).ToList();
        var failed = result.Interactions.Where(i => !i.Passed).ToDictionary(i => i.Description, i => i.Mismatch);
        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Count.EqualTo(19));
            Assert.That(errors.Where(e => !failed.ContainsKey(e)), Is.Empty, "error interactions that passed");
            Assert.That(errors.Select(e => failed.GetValueOrDefault(e)), Has.All.Contain("$.ResponseStatus -> Actual map is missing the following keys: ErrorCode"));
        });
    }
}
