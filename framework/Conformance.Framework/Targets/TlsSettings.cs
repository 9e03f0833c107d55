using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Conformance.Diagnostics;
using Conformance.Files;

namespace Conformance.Targets;

/// <summary>
/// How a target's TLS is checked: the system's trust, plus a private CA (<c>&lt;api&gt;.caCertificate</c>), or not at all
/// (<c>&lt;api&gt;.insecureTls</c>); and the client certificate a mutual-TLS staging asks for
/// (<c>&lt;api&gt;.clientCertificate</c>, <c>&lt;api&gt;.clientCertificatePassword</c>).
/// </summary>
public sealed class TlsSettings(X509Certificate2Collection? extraRoots, bool insecure, X509Certificate2? clientCertificate)
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private string? rejection;

    public static TlsSettings System { get; } = new(null, false, null);

    /// <summary>The names of the TLS settings whose values are secrets, masked wherever they could appear.</summary>
    public static IReadOnlyList<string> SecretKeys { get; } = ["clientCertificatePassword"];

    public X509Certificate2Collection? ExtraRoots { get; } = extraRoots;

    public bool Insecure { get; } = insecure;

    public X509Certificate2? ClientCertificate { get; } = clientCertificate;

    /// <summary>Why the last certificate checked against <see cref="ExtraRoots"/> was refused (the handshake's own error says less).</summary>
    public string? Rejection => Volatile.Read(ref rejection);

    public bool IsSystem => ExtraRoots is null && !Insecure && ClientCertificate is null;

    /// <summary>What reports say of this target's TLS, or null when the system's defaults apply.</summary>
    public string? Describe()
    {
        var parts = new List<string>();
        if (Insecure)
        {
            parts.Add("certificate NOT verified (insecureTls)");
        }

        if (ExtraRoots is { Count: > 0 } roots)
        {
            parts.Add($"trusting the private CA {string.Join(", ", roots.Select(r => r.Subject))} (caCertificate)");
        }

        if (ClientCertificate is { } client)
        {
            parts.Add($"client certificate {client.Subject} (clientCertificate)");
        }

        return parts.Count == 0 ? null : "TLS: " + string.Join("; ", parts);
    }

    /// <summary>Reads and loads the settings of one target, adding an error for each one that cannot be used.</summary>
    public static TlsSettings Read(SettingsSource source, string api, Uri baseUrl, Func<string, string, string, Diagnostic> error, List<Diagnostic> errors)
    {
        var ca = source.Get(api, "caCertificate")?.Trim(); // paths: a secret store's trailing line break is no part of them
        var insecure = source.Get(api, "insecureTls")?.Trim();
        var client = source.Get(api, "clientCertificate")?.Trim();
        var password = source.Get(api, "clientCertificatePassword");
        if (insecure is not null && !bool.TryParse(insecure, out _))
        {
            errors.Add(error("insecureTls", $"{SettingValue.Quoted(insecure)} is not true or false", $"{SettingsSource.Describe(api, "insecureTls")} is a switch"));
        }

        var named = new[] { ("caCertificate", ca), ("insecureTls", insecure), ("clientCertificate", client), ("clientCertificatePassword", password) }.Where(s => s.Item2 is not null).ToList();
        if (named.Count > 0 && baseUrl.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add(error(named[0].Item1, $"{api}.{named[0].Item1} is set but the target is not https ({baseUrl.GetLeftPart(UriPartial.Authority)})", "TLS settings apply to an https base URL only"));
            return System;
        }

        if (password is not null && client is null)
        {
            errors.Add(error("clientCertificatePassword", "A client certificate password without a client certificate", $"{api}.clientCertificate names the file it opens"));
        }

        return new TlsSettings(ca is null ? null : Roots(ca, api, error, errors), string.Equals(insecure, "true", StringComparison.OrdinalIgnoreCase), client is null ? null : Client(client, password, api, error, errors));
    }

    /// <summary>The options for the target's handler; null when the system's defaults apply.</summary>
    public SslClientAuthenticationOptions? ClientOptions() => IsSystem ? null : new SslClientAuthenticationOptions
    {
        RemoteCertificateValidationCallback = Validate,
        ClientCertificates = ClientCertificate is null ? null : [ClientCertificate],
    };

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None || Insecure)
        {
            return true;
        }

        if (ExtraRoots is null || certificate is null)
        {
            return false;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return Reject(errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) ? "no certificate was sent" : $"the certificate is not issued for this host name ({certificate.Subject})");
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(ExtraRoots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.ApplicationPolicy.Add(new Oid(ServerAuthentication)); // a client certificate of the same CA is no server's
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()))
            || Reject(string.Join("; ", custom.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation.Trim().TrimEnd('.')}").Distinct()));
    }

    private bool Reject(string why)
    {
        Volatile.Write(ref rejection, why);
        return false;
    }

    private static X509Certificate2Collection? Roots(string path, string api, Func<string, string, string, Diagnostic> error, List<Diagnostic> errors)
    {
        try
        {
            var roots = new X509Certificate2Collection();
            var text = WholeFile.Text(path, FileKind.Certificate); // a pipe or a link to /dev/zero is refused unread
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                roots.ImportFromPem(text);
            }
            else
            {
                roots.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }

            return roots;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            errors.Add(error("caCertificate", $"{SettingValue.File(path)} cannot be read as a CA certificate ({SettingValue.Reason(path, ex)})", $"{api}.caCertificate names a PEM or DER file with the CA that signed the target's certificate"));
            return null;
        }
    }

    private static X509Certificate2? Client(string path, string? password, string api, Func<string, string, string, Diagnostic> error, List<Diagnostic> errors)
    {
        try
        {
            WholeFile.Check(path, FileKind.Certificate); // the loaders below open the file themselves
            var pkcs12 = Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12";
            var certificate = pkcs12
                ? X509CertificateLoader.LoadPkcs12FromFile(path, password)
                : password is null ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromEncryptedPemFile(path, password);
            if (!certificate.HasPrivateKey)
            {
                errors.Add(error("clientCertificate", $"{SettingValue.File(path)} holds no private key", $"{api}.clientCertificate needs the certificate and its key (a .pfx/.p12, or one PEM file with both)"));
                return null;
            }

            return certificate;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            errors.Add(error("clientCertificate", $"{SettingValue.File(path)} cannot be opened as a client certificate ({SettingValue.Reason(path, ex)})", $"{api}.clientCertificate names a .pfx/.p12 (with {api}.clientCertificatePassword if it has one) or one PEM file with the certificate and its key"));
            return null;
        }
    }
}
