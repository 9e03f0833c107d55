using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Conformance.Contracts;
using Conformance.Framework.Tests.Engine;
using Conformance.Framework.Tests.Hostile;
using Conformance.Reporting;
using static Conformance.Framework.Tests.Targets.TestCertificates;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// An https target whose certificate a private CA signed: unreachable (tls) with a message naming the settings that
/// fix it; reached with <c>caCertificate</c> (that CA only) or <c>insecureTls</c>; and a mutual-TLS target reached with
/// <c>clientCertificate</c> (.pfx with its password, or one PEM file with the key).
/// </summary>
public sealed class TlsTests
{
    private static readonly LoadedPack Pack = PackLoader.Load(Path.Combine(HostileRun.PacksFolder, "hostile"), AppContext.BaseDirectory);
    private X509Certificate2 ca = null!;
    private X509Certificate2 server = null!;
    private string folder = null!;

    [OneTimeSetUp]
    public void MakeCertificates()
    {
        ca = Ca("Conformance Test CA");
        server = Signed(ca, "127.0.0.1", server: true);
        folder = Directory.CreateTempSubdirectory("conformance-tls-").FullName;
    }

    [OneTimeTearDown]
    public void RemoveFiles()
    {
        Directory.Delete(folder, recursive: true);
        ca.Dispose();
        server.Dispose();
    }

    [Test]
    public async Task RunAsync_PrivateCaNotTrusted_BrokenNamingTheSettings()
    {
        var (result, authority) = await ProbeAsync([]);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken));
            Assert.That(result.Message, Does.StartWith($"Target unreachable (tls): The TLS handshake with {authority} failed ("));
            Assert.That(result.Message, Does.Contain("). For a private CA set hostile.caCertificate to its PEM file (hostile.insecureTls=true skips verification); for mutual TLS set hostile.clientCertificate." + Environment.NewLine + "Reproduce: curl -i -X GET '"));
        });
    }

    [Test]
    public async Task RunAsync_HttpsUrlToAPlainHttpServer_BrokenNamingTheScheme()
    {
        // The plain server answers the ClientHello with an HTTP error; .NET calls that a corrupted frame.
        using var plain = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        plain.Start();
        var authority = plain.LocalEndpoint.ToString();
        var answer = Task.Run(async () =>
        {
            using var client = await plain.AcceptTcpClientAsync();
            await client.GetStream().WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        });
        var settings = new Dictionary<string, string> { ["hostile.baseUrl"] = $"https://{authority}/", ["conformance.timeoutSeconds"] = "5" };
        var result = (await EngineHarness.RunRowsAsync(Pack, [Pack.Rows.Single(r => r.OperationId == "ok")], settings)).Single();
        await answer;

        Assert.That(result.Message, Does.StartWith($"Target unreachable (tls): The target at {authority} did not answer with TLS (").And.Contain("); it may serve plain HTTP on this port. Check the scheme of hostile.baseUrl (CONFORMANCE_HOSTILE_BASEURL): use http:// for this port."));
    }

    [Test]
    public async Task RunAsync_CaCertificateOfThatCa_Passes()
    {
        var (result, _) = await ProbeAsync(new() { ["hostile.caCertificate"] = WritePem(ca, folder, "ca.pem") });

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
    }

    [Test]
    public async Task RunAsync_CaCertificateOfAnotherCa_Broken()
    {
        var (result, _) = await ProbeAsync(new() { ["hostile.caCertificate"] = WritePem(Ca("Another CA"), folder, "other.pem") });

        Assert.That(result.Message, Does.StartWith("Target unreachable (tls): "));
    }

    [TestCase("client-only usage", "(ChainSignatureNotValid|NotValidForUsage)")]
    [TestCase("another host", @"\(the certificate is not issued for this host name \(CN=10\.9\.9\.9\)\)")]
    [TestCase("expired", "NotTimeValid")]
    public async Task RunAsync_CaCertificateButTheCertificateIsWrong_BrokenSayingWhy(string fault, string reason)
    {
        using var wrong = fault switch
        {
            "client-only usage" => Signed(ca, "127.0.0.1", server: true, usage: ClientAuth),
            "another host" => Signed(ca, "10.9.9.9", server: true, ip: "10.9.9.9"),
            _ => Signed(ca, "127.0.0.1", server: true, expired: true),
        };

        var (result, authority) = await ProbeAsync(new() { ["hostile.caCertificate"] = WritePem(ca, folder, $"ca-{fault.Replace(' ', '-')}.pem") }, certificate: wrong);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken), result.Message);
            Assert.That(result.Message, Does.StartWith($"Target unreachable (tls): The TLS handshake with {authority} failed ("));
            Assert.That(result.Message, Does.Match(reason));
            Assert.That(result.Message, Does.Contain("). The certificate was checked against hostile.caCertificate: it must be issued through that CA for this host name, be within its dates and allow server authentication." + Environment.NewLine + "Reproduce: curl -i -X GET '"));
        });
    }

    [Test]
    public async Task RunAsync_InsecureTls_Passes()
    {
        var (result, _) = await ProbeAsync(new() { ["hostile.insecureTls"] = "true" });

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
    }

    [Test]
    public async Task RunAsync_MutualTlsWithoutClientCertificate_Broken()
    {
        var (result, _) = await ProbeAsync(new() { ["hostile.caCertificate"] = WritePem(ca, folder, "ca-m.pem") }, mutual: true);

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Broken), result.Message);
    }

    [TestCase("pfx")]
    [TestCase("pem")]
    public async Task RunAsync_MutualTlsWithClientCertificate_PassesAndTheServerSeesIt(string form)
    {
        var client = Signed(ca, "conformance-client", server: false);
        var path = Path.Combine(folder, $"client-{form}.{form}");
        if (form == "pfx")
        {
            await File.WriteAllBytesAsync(path, client.Export(X509ContentType.Pkcs12, "s3cret-pw"));
        }
        else
        {
            await File.WriteAllTextAsync(path, client.ExportCertificatePem() + "\n" + client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        }

        var settings = new Dictionary<string, string> { ["hostile.caCertificate"] = WritePem(ca, folder, $"ca-{form}.pem"), ["hostile.clientCertificate"] = path };
        if (form == "pfx")
        {
            settings["hostile.clientCertificatePassword"] = "s3cret-pw";
        }

        var (result, _, seen) = await ProbeWithClientAsync(settings);

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Message);
            Assert.That(seen, Is.EqualTo("CN=conformance-client"));
        });
    }

    private async Task<(CaseResult Result, string Authority)> ProbeAsync(Dictionary<string, string> settings, bool mutual = false, X509Certificate2? certificate = null)
    {
        var (result, authority, _) = await ProbeWithClientAsync(settings, mutual, certificate);
        return (result, authority);
    }

    private async Task<(CaseResult Result, string Authority, string? ClientSubject)> ProbeWithClientAsync(Dictionary<string, string> settings, bool mutual = true, X509Certificate2? certificate = null)
    {
        string? subject = null;
        var options = new SslServerAuthenticationOptions
        {
            ServerCertificate = certificate ?? server,
            ClientCertificateRequired = mutual,
            RemoteCertificateValidationCallback = (_, certificate, _, _) => !mutual || certificate is not null,
        };
        await using var host = HostileServer.StartTls(x =>
        {
            subject = x.ClientCertificate?.Subject;
            return HostileRoutes.HandleAsync(x);
        }, options);
        settings["hostile.baseUrl"] = host.BaseUri.ToString();
        settings["conformance.timeoutSeconds"] = "5";
        var row = Pack.Rows.Single(r => r.OperationId == "ok");
        var result = (await EngineHarness.RunRowsAsync(Pack, [row], settings)).Single();
        return (result, host.BaseUri.Authority, subject);
    }
}
