using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Conformance.Framework.Tests.Targets;

/// <summary>A throwaway CA and certificates it signs, made in memory for one test (valid for a day, never written to a store).</summary>
internal static class TestCertificates
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    public static X509Certificate2 Ca(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>A certificate for 127.0.0.1 (server) or a client named <paramref name="name"/>, signed by <paramref name="ca"/>.</summary>
    /// <param name="ip">The server's address in the certificate (another one makes a name mismatch).</param>
    /// <param name="usage">The extended key usage, when not the one <paramref name="server"/> implies.</param>
    /// <param name="expired">True for a certificate that expired five minutes ago.</param>
    public static X509Certificate2 Signed(X509Certificate2 ca, string name, bool server, string ip = "127.0.0.1", string? usage = null, bool expired = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage ?? (server ? ServerAuth : ClientAuth))], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(System.Net.IPAddress.Parse(ip));
            request.CertificateExtensions.Add(names.Build());
        }

        var until = expired ? DateTimeOffset.UtcNow.AddMinutes(-5) : DateTimeOffset.UtcNow.AddHours(20);
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-30), until, RandomNumberGenerator.GetBytes(8));
        var withKey = issued.CopyWithPrivateKey(key);
        // Through PKCS#12 so the key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    public static string WritePem(X509Certificate2 certificate, string folder, string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }
}
