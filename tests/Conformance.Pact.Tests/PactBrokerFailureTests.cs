using System.Diagnostics;
using Conformance.Pact.Tests.Providers;

namespace Conformance.Pact.Tests;

/// <summary>
/// A broker that fails: a 5xx while the pacts are fetched ends the verification at once, saying which request got it
/// (libpact_ffi alone retried it for about 2 minutes, then said it found no interaction); results it refuses to take
/// leave the verdicts as they are and are reported (libpact_ffi alone only logged it). The broker's token and the
/// user info of its URL appear in no message.
/// </summary>
public sealed class PactBrokerFailureTests
{
    private const string Token = "broker-token-5e1c9a";
    private const string User = "pact-user-31d7";
    private const string Password = "broker-pass-7f3a2b";
    private const string ReadFix = "Fix: the broker failed, not the provider: check it (its status page, its logs) and run again once it answers.";
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Verify_BrokerAnswers500_ThrowsAtOnceNamingStatusAndUrl()
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path, fault: _ => 500);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);
        var watch = Stopwatch.StartNew();

        var thrown = Assert.Throws<PactException>(() => PactVerifier.Verify(Options(provider), Source(broker)));

        Assert.Multiple(() =>
        {
            Assert.That(watch.Elapsed, Is.LessThan(Fast));
            Assert.That(thrown!.Message, Is.EqualTo($"The Pact Broker answered 500 Internal Server Error to GET {Shown(broker)}: the pacts for provider 'orders-api' could not be fetched, nothing was verified. {ReadFix}"));
            Assert.That(broker.Requests, Has.Count.EqualTo(1), "sent once, not retried");
            AssertNoSecret(thrown.Message);
        });
    }

    [Test]
    public async Task Verify_BrokerAnswers503ToThePact_ThrowsNamingThePactUrl()
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path, fault: r => r.EndsWith("/latest", StringComparison.Ordinal) ? 503 : null);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);
        var watch = Stopwatch.StartNew();

        var thrown = Assert.Throws<PactException>(() => PactVerifier.Verify(Options(provider), Source(broker)));

        Assert.Multiple(() =>
        {
            Assert.That(watch.Elapsed, Is.LessThan(Fast));
            Assert.That(thrown!.Message, Is.EqualTo($"The Pact Broker answered 503 Service Unavailable to GET {Shown(broker)}pacts/provider/orders-api/consumer/orders-ui/latest: the pacts for provider 'orders-api' could not be fetched, nothing was verified. {ReadFix}"));
            AssertNoSecret(thrown.Message);
        });
    }

    [TestCase(401, "Unauthorized", "give the broker a token (or a user and password) that may publish verification results for this provider.")]
    [TestCase(403, "Forbidden", "give the broker a token (or a user and password) that may publish verification results for this provider.")]
    [TestCase(404, "Not Found", "check that the broker URL is the broker's base URL and that the pact is still there.")]
    [TestCase(500, "Internal Server Error", "the broker failed: check it (its status page, its logs), then run the verification again to publish.")]
    public async Task Verify_BrokerRefusesResults_PassesAndSaysTheyWereNotPublished(int status, string reason, string fix)
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path, fault: r => r.EndsWith("/verification-results", StringComparison.Ordinal) ? status : null);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);
        var watch = Stopwatch.StartNew();

        var result = PactVerifier.Verify(Options(provider) with { Publish = new PactPublishOptions("1.2.3") }, Source(broker));

        Assert.Multiple(() =>
        {
            Assert.That(watch.Elapsed, Is.LessThan(Fast));
            Assert.That(result.Passed, Is.True, result.Output);
            Assert.That(broker.PublishedResults, Has.Count.EqualTo(1), "sent once, not retried");
            Assert.That(result.PublishFailures, Is.EqualTo(new[]
            {
                $"Verification results were not published: the Pact Broker answered {status} {reason} to POST {Shown(broker)}{FakeBroker.VerificationResults[1..]}. The verdicts stand; can-i-deploy does not see this verification. Fix: {fix}",
            }));
            AssertNoSecret(string.Join(Environment.NewLine, result.PublishFailures));
        });
    }

    [Test]
    public async Task Verify_BrokerDropsTheResultsConnection_PassesAndSaysTheyWereNotPublished()
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path, fault: r => r.EndsWith("/verification-results", StringComparison.Ordinal) ? 0 : null);
        await using var provider = await OrdersProvider.StartAsync(faulty: true);

        var result = PactVerifier.Verify(Options(provider) with { Publish = new PactPublishOptions("1.2.3") }, Source(broker));

        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.False, "the verdict stands");
            Assert.That(result.PublishFailures, Is.EqualTo(new[]
            {
                $"Verification results were not published: the Pact Broker gave no answer to POST {Shown(broker)}{FakeBroker.VerificationResults[1..]} (the connection was reset before an answer). The verdicts stand; can-i-deploy does not see this verification. Fix: check that the broker is up and reachable from here, then run the verification again to publish.",
            }));
        });
    }

    [Test]
    public async Task Verify_BrokerTakesResults_NoPublishFailure()
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var result = PactVerifier.Verify(Options(provider) with { Publish = new PactPublishOptions("1.2.3") { ProviderBranch = "main" } }, Source(broker));

        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, result.Output);
            Assert.That(broker.PublishedResults, Has.Count.EqualTo(1));
            Assert.That(result.PublishFailures, Is.Empty);
        });
    }

    /// <summary>The broker's URL with user info, and its token: both secrets.</summary>
    private static PactBrokerSource Source(FakeBroker broker) =>
        new(new UriBuilder(broker.BaseUri) { UserName = User, Password = Password }.Uri, ["""{"mainBranch":true}"""]) { Token = Token };

    /// <summary>The broker's URL as messages show it: the user info masked.</summary>
    private static string Shown(FakeBroker broker) => $"http://***@{broker.BaseUri.Authority}/";

    private static void AssertNoSecret(string text)
    {
        Assert.That(text, Does.Not.Contain(Token).And.Not.Contain(Password).And.Not.Contain(User));
    }

    private static PactVerifierOptions Options(OrdersProvider provider) =>
        new(OrdersPact.Provider, provider.BaseUri) { ProviderStateChangeUri = provider.StateChangeUri };
}
