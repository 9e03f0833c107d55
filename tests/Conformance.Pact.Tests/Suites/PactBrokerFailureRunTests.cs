using System.Diagnostics;
using Conformance.Pact.Tests.Providers;

namespace Conformance.Pact.Tests.Suites;

/// <summary>
/// The suites app against a broker that fails, with its token and the user info of its URL set (both secrets): a 5xx at
/// discovery for one provider, and a 5xx to the other's verification results (before: 2 min 20 s of libpact_ffi's
/// retries, then every case passed and nothing was said). A 5xx on the pact itself is PactBrokerFailureTests' (from code:
/// the suites show the verifier's exception on each case as they did before).
/// </summary>
[NonParallelizable]
public sealed class PactBrokerFailureRunTests
{
    private const string Token = "broker-run-token-4b8e2f";
    private const string Password = "broker-run-pass-9c2d1a";
    private const string ReadFix = "Fix: the broker failed, not the provider: check it (its status page, its logs) and run again once it answers.";
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Run_Broker500AtDiscoveryAndToTheResults_ThatProviderFailsAndThePublishCaseFailsAtOnce()
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path, fault: r =>
            r == "POST /pacts/provider/billing-api/for-verification" || r.EndsWith("/verification-results", StringComparison.Ordinal) ? 500 : null);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);
        var environment = new Dictionary<string, string>(Environment(broker, provider, "orders-api,billing-api"))
        {
            ["CONFORMANCE_PACT_PUBLISH"] = "true",
            ["CONFORMANCE_PACT_PROVIDERVERSION"] = "1.2.3",
        };
        var watch = Stopwatch.StartNew();

        var (exitCode, cases, output) = await SuitesApp.RunAsync("FullyQualifiedName~PactSuite", Path.Combine(folder.Path, "results"), environment);

        var shown = $"http://***@{broker.BaseUri.Authority}";
        Assert.Multiple(() =>
        {
            Assert.That(watch.Elapsed, Is.LessThan(Fast));
            Assert.That(exitCode, Is.EqualTo(2), output);
            Assert.That(cases.Select(c => (c.Name, c.Outcome)), Is.EquivalentTo(
                OrdersPact.Definition.Interactions.Select(i => ($"pact / orders-api / {i.Description}", "Passed"))
                    .Append(("pact / orders-api / (publish results)", "Failed")).Append(("pact / billing-api / (broker)", "Failed"))));
            Assert.That(cases.SingleOrDefault(c => c.Name == "pact / orders-api / (publish results)")?.Message, Is.EqualTo(
                $"Verification results were not published: the Pact Broker answered 500 Internal Server Error to POST {shown}{FakeBroker.VerificationResults}. "
                + "The verdicts stand; can-i-deploy does not see this verification. Fix: the broker failed: check it (its status page, its logs), then run the verification again to publish."));
            Assert.That(cases.SingleOrDefault(c => c.Name == "pact / billing-api / (broker)")?.Message, Is.EqualTo(
                $"The Pact Broker answered 500 Internal Server Error to POST {shown}/pacts/provider/billing-api/for-verification: the pacts for provider 'billing-api' could not be fetched, nothing was verified. {ReadFix}"));
            Assert.That(broker.PublishedResults, Has.Count.EqualTo(1), "sent once, not retried");
            AssertNoSecret(folder, output);
        });
    }

    private static Dictionary<string, string> Environment(FakeBroker broker, OrdersProvider provider, string providers) => new()
    {
        ["CONFORMANCE_PACT_BROKERURL"] = new UriBuilder(broker.BaseUri) { UserName = "ci", Password = Password }.Uri.AbsoluteUri,
        ["CONFORMANCE_PACT_TOKEN"] = Token,
        ["CONFORMANCE_PACT_PROVIDER"] = providers,
        ["CONFORMANCE_PACT_PROVIDERBASEURL"] = provider.BaseUri.AbsoluteUri,
        ["CONFORMANCE_PACT_STATECHANGEURL"] = provider.StateChangeUri.AbsoluteUri,
    };

    /// <summary>Neither the token nor the URL's password in the console output, the TRX or the Allure results.</summary>
    private static void AssertNoSecret(TempFolder folder, string output)
    {
        Assert.That(output, Does.Not.Contain(Token).And.Not.Contain(Password));
        Assert.That(
            Directory.EnumerateFiles(Path.Combine(folder.Path, "results"), "*", SearchOption.AllDirectories).Where(f => File.ReadAllText(f) is var text && (text.Contains(Token, StringComparison.Ordinal) || text.Contains(Password, StringComparison.Ordinal))),
            Is.Empty);
    }
}
