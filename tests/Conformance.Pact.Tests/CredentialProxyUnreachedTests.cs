using System.Net.Sockets;
using Conformance.Framework.Tests.Hostile;
using Conformance.Pact.Tests.Providers;

namespace Conformance.Pact.Tests;

/// <summary>
/// The verifier through the forwarder (CredentialProxy) to a target that gives no response: the interaction is BROKEN
/// saying why as a probe would, with the target's host and port (never the proxy's, nor the URL's user info) and the
/// setting to check; a target that answers, rightly or not, keeps the verifier's own verdict. One interaction without
/// a provider state, the search of <see cref="OrdersPact"/>.
/// </summary>
public sealed class CredentialProxyUnreachedTests
{
    private const string Check = "Check orders.baseUrl (CONFORMANCE_ORDERS_BASEURL)";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Test]
    public async Task AsTarget_NothingListens_BrokenRefusedNamingTheTargetAndItsSetting()
    {
        using var closed = new ClosedPort();

        var (only, proxyPort) = await VerifyAsync(new Uri($"http://qa:s3cret-pw@127.0.0.1:{closed.Port}/"));

        Assert.Multiple(() =>
        {
            Assert.That((only.Passed, only.Broken), Is.EqualTo((false, true)));
            Assert.That(only.Mismatch, Is.EqualTo($"Target unreachable (refused): Connection refused by 127.0.0.1:{closed.Port}: nothing listens there. {Check}."));
            Assert.That(only.Mismatch, Does.Not.Contain("s3cret").And.Not.Contain($":{proxyPort}"), "no user info, not the proxy's port");
        });
    }

    [Test]
    public async Task AsTarget_TargetResetsTheConnection_BrokenResetWithoutARetryHint()
    {
        await using var server = HostileServer.Start(x =>
        {
            x.Socket.LingerState = new LingerOption(true, 0);
            x.Socket.Close();
            return Task.CompletedTask;
        });

        var (only, _) = await VerifyAsync(server.BaseUri);

        Assert.Multiple(() =>
        {
            Assert.That((only.Passed, only.Broken), Is.EqualTo((false, true)));
            Assert.That(only.Mismatch, Is.EqualTo(
                $"Target unreachable (reset): The connection to {server.BaseUri.Authority} was reset before a complete response (Connection reset by peer). {Check}."),
                "the forwarder sends nothing twice: conformance.transportRetries is not named");
        });
    }

    [Test]
    public async Task AsTarget_HostDoesNotResolve_BrokenDnsNamingTheHostAndItsSetting()
    {
        var (only, proxyPort) = await VerifyAsync(new Uri("http://conformance-pact.invalid:8080/"));

        Assert.Multiple(() =>
        {
            Assert.That((only.Passed, only.Broken), Is.EqualTo((false, true)));
            Assert.That(only.Mismatch, Is.EqualTo($"Target unreachable (dns): The host name of conformance-pact.invalid:8080 could not be resolved (DNS): no such host is known from here. {Check}."));
            Assert.That(only.Mismatch, Does.Not.Contain($":{proxyPort}"), "the target's host, not the forwarder's");
        });
    }

    [Test]
    public async Task AsTarget_TargetNeverAnswers_BrokenTimeoutNamingTheTimeoutSetting()
    {
        await using var server = HostileServer.Start(x => Task.Delay(System.Threading.Timeout.Infinite, x.Stopping));

        var (only, _) = await VerifyAsync(server.BaseUri, TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That((only.Passed, only.Broken), Is.EqualTo((false, true)));
            Assert.That(only.Mismatch, Is.EqualTo(
                $"Target unreachable (timeout): No complete response from {server.BaseUri.Authority} within 1 s. {Check}, or raise conformance.timeoutSeconds (CONFORMANCE_CONFORMANCE_TIMEOUTSECONDS) if it is that slow."));
        });
    }

    [TestCase(false, "For a private CA set orders.caCertificate to its PEM file (orders.insecureTls=true skips verification); for mutual TLS set orders.clientCertificate.")]
    [TestCase(true, "The certificate was checked against orders.caCertificate: it must be issued through that CA for this host name, be within its dates and allow server authentication.")]
    public async Task AsTarget_TlsCertificateRefused_BrokenTlsNamingThePacksTlsSetting(bool otherCa, string advice)
    {
        using var ca = Conformance.Framework.Tests.Targets.TestCertificates.Ca("Pact Test CA");
        using var other = Conformance.Framework.Tests.Targets.TestCertificates.Ca("Another CA");
        using var certificate = Conformance.Framework.Tests.Targets.TestCertificates.Signed(ca, "127.0.0.1", server: true);
        await using var server = HostileServer.StartTls(x => x.RespondAsync(200, "OK", "application/json", "{}"), new System.Net.Security.SslServerAuthenticationOptions { ServerCertificate = certificate });
        var tls = otherCa ? new Conformance.Targets.TlsSettings([other], false, null) : new Conformance.Targets.TlsSettings(null, false, null);

        var (only, _) = await VerifyAsync(server.BaseUri, tls: tls);

        Assert.Multiple(() =>
        {
            Assert.That((only.Passed, only.Broken), Is.EqualTo((false, true)));
            Assert.That(only.Mismatch, Does.StartWith($"Target unreachable (tls): The TLS handshake with {server.BaseUri.Authority} failed ("));
            Assert.That(only.Mismatch, Does.EndWith("). " + advice));
        });
    }

    [Test]
    public async Task AsTarget_TargetAnswers_PassesWithoutANote()
    {
        await using var provider = await OrdersProvider.StartAsync(faulty: false);

        var (only, _) = await VerifyAsync(provider.BaseUri);

        Assert.That((only.Passed, only.Broken, only.Mismatch), Is.EqualTo((true, false, (string?)null)));
    }

    [Test]
    public async Task AsTarget_TargetAnswersWrongly_FailsWithTheVerifiersMismatchNotUnreachable()
    {
        await using var server = HostileServer.Start(x => x.RespondAsync(500, "Internal Server Error", "application/json", """{"items":[]}"""));

        var (only, _) = await VerifyAsync(server.BaseUri);

        Assert.Multiple(() =>
        {
            Assert.That((only.Passed, only.Broken), Is.EqualTo((false, false)));
            Assert.That(only.Mismatch, Is.EqualTo("expected 200 but was 500"));
        });
    }

    /// <summary>
    /// The search interaction verified through a forwarder to <paramref name="target"/>, named by orders.baseUrl; the
    /// forwarder and the verifier wait <paramref name="timeout"/> (10 s unless given: a loaded machine may be slow to answer).
    /// </summary>
    private static async Task<(InteractionVerification Only, int ProxyPort)> VerifyAsync(Uri target, TimeSpan? timeout = null, Conformance.Targets.TlsSettings? tls = null)
    {
        var wait = timeout ?? Timeout;
        using var folder = new TempFolder();
        var pact = PactWriter.Write(new PactDefinition(OrdersPact.Consumer, OrdersPact.Provider, [OrdersPact.SearchOrders]), folder.Path);
        await using var proxy = await CredentialProxy.StartAsync(target, null, null, wait, tls is null ? null : ("orders", tls), setting: ("orders", "baseUrl"));
        var options = new PactVerifierOptions(OrdersPact.Provider, proxy.BaseUri) { RequestTimeout = wait, QuietConsole = true };

        var result = proxy.AsTarget(PactVerifier.Verify(options, PactSource.Files([pact])));

        return (result.Interactions.Single(), proxy.BaseUri.Port);
    }
}
