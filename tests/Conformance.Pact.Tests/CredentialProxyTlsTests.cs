using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Conformance.Framework.Tests.Hostile;
using Conformance.Framework.Tests.Targets;
using Conformance.Targets;

namespace Conformance.Pact.Tests;

/// <summary>
/// The verifier's way to an https target behind a private CA: the loopback proxy speaks TLS with the pack's settings,
/// with no credential to swap; without them the target is not reached.
/// </summary>
public sealed class CredentialProxyTlsTests
{
    [TestCase(true, HttpStatusCode.OK)]
    [TestCase(false, HttpStatusCode.InternalServerError)]
    public async Task Forward_TlsTargetBehindAPrivateCa_ReachedOnlyWithItsSettings(bool trusted, HttpStatusCode expected)
    {
        using var ca = TestCertificates.Ca("Pact Test CA");
        using var server = TestCertificates.Signed(ca, "127.0.0.1", server: true);
        await using var target = HostileServer.StartTls(x => x.RespondAsync(200, "OK", "application/json", "{}"), new SslServerAuthenticationOptions { ServerCertificate = server });
        (string, TlsSettings)? tls = trusted ? ("orders", new TlsSettings([ca], false, null)) : null;
        await using var proxy = await CredentialProxy.StartAsync(target.BaseUri, null, null, TimeSpan.FromSeconds(5), tls);

        using var client = new HttpClient();
        var status = await StatusAsync(client, new Uri(proxy.BaseUri, "ok"));

        Assert.That(status, Is.EqualTo(expected), "an unreached target drops the verifier's connection: no response");
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, Uri uri)
    {
        try
        {
            using var response = await client.GetAsync(uri);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return HttpStatusCode.InternalServerError; // the proxy dropped the connection
        }
    }
}
