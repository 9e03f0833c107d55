using System.Text;
using Conformance.Pact.Tests.Providers;

namespace Conformance.Pact.Tests;

/// <summary>
/// libpact_ffi prints the broker's URL with its user info in its own output (`Failed to load pact from
/// 'http://user:password@...'`), which no redactor of ours sees. The verifier therefore gets the forwarder's address with
/// no user info and no token, user or password; the forwarder adds the broker's credentials to each request it passes on.
/// </summary>
public sealed class BrokerCredentialsTests
{
    private const string User = "pact-user-8c2d";
    private const string Password = "broker-pass-4e9a1f";
    private const string Token = "broker-token-0b7c3e";
    private static readonly Uri Forwarder = new("http://127.0.0.1:40001/base/");

    [Test]
    public void ForVerifier_SourceWithEveryCredential_VerifierGetsNone()
    {
        var source = new PactBrokerSource(new Uri($"https://{User}:{Password}@broker.example.com/base/"), []) { Token = Token, Username = User, Password = Password };

        var given = BrokerProxy.ForVerifier(source, new UriBuilder(Forwarder) { UserName = User, Password = Password }.Uri);

        Assert.Multiple(() =>
        {
            Assert.That(given.BrokerUri.AbsoluteUri, Is.EqualTo("http://127.0.0.1:40001/base/"));
            Assert.That(given.Token, Is.Null);
            Assert.That(given.Username, Is.Null);
            Assert.That(given.Password, Is.Null);
        });
    }

    [Test]
    public void Authorization_TokenAndUserInfo_BearerToken() =>
        Assert.That(BrokerProxy.Authorization(new PactBrokerSource(new Uri($"https://{User}:{Password}@broker.example.com/"), []) { Token = Token }), Is.EqualTo("Bearer " + Token));

    [Test]
    public void Authorization_UserAndPassword_Basic() =>
        Assert.That(BrokerProxy.Authorization(new PactBrokerSource(new Uri("https://broker.example.com/"), []) { Username = User, Password = Password }), Is.EqualTo(Basic($"{User}:{Password}")));

    [Test]
    public void Authorization_UserInfoWithAnEscapedCharacter_BasicOfTheDecodedPair() =>
        Assert.That(BrokerProxy.Authorization(new PactBrokerSource(new Uri($"https://{User}:p%40ss-9d@broker.example.com/"), [])), Is.EqualTo(Basic($"{User}:p@ss-9d")));

    [Test]
    public void Authorization_NoCredential_None() =>
        Assert.That(BrokerProxy.Authorization(new PactBrokerSource(new Uri("https://broker.example.com/"), [])), Is.Null);

    [Test]
    public async Task Verify_BrokerUrlWithUserInfoOnly_BrokerGetsBasicFromTheForwarderAndTheVerificationPasses()
    {
        using var folder = new TempFolder();
        await using var broker = await FakeBroker.ServingOrdersPactAsync(folder.Path);
        await using var provider = await OrdersProvider.StartAsync(faulty: false);
        var source = new PactBrokerSource(new UriBuilder(broker.BaseUri) { UserName = User, Password = Password }.Uri, ["""{"mainBranch":true}"""]);

        var result = PactVerifier.Verify(new PactVerifierOptions(OrdersPact.Provider, provider.BaseUri) { ProviderStateChangeUri = provider.StateChangeUri }, source);

        Assert.Multiple(() =>
        {
            Assert.That(result.Passed, Is.True, result.Output);
            Assert.That(broker.Requests, Is.Not.Empty.And.All.Contains($" | {Basic($"{User}:{Password}")} | "));
            Assert.That(result.Output, Does.Not.Contain(Password));
        });
    }

    private static string Basic(string pair) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
}
