using System.Globalization;

namespace Conformance.Targets;

/// <summary>
/// The messages of a request that reached no answer (DNS, refused, reset, timeout, TLS): each says what failed, the host
/// and port it went to (never the URL's user info, path or query, which may hold a key) and the setting to check, as
/// QA reads it in the report: <c>&lt;api&gt;.baseUrl</c> for a probe, <c>&lt;api&gt;.tokenUrl</c> for the token request,
/// each with its environment variable, and <c>conformance.timeoutSeconds</c> for a timeout.
/// </summary>
internal static class TransportFailure
{
    /// <summary>The run's timeout, as a runsettings parameter and as the environment variable that sets it too.</summary>
    public static readonly string TimeoutSetting = $"conformance.timeoutSeconds ({SettingsSource.EnvironmentName("conformance", "timeoutSeconds")})";

    public static string Refused(Place place) =>
        $"Connection refused by {place.HostPort}: nothing listens there. Check {place.Setting}.";

    public static string Unresolved(Place place) =>
        $"The host name of {place.HostPort} could not be resolved (DNS): no such host is known from here. Check {place.Setting}.";

    /// <summary>
    /// A reset; for a probe, how to have a GET sent again (a token request is retried on its own, so not there, nor a
    /// request the pact forwarder sent on: <paramref name="retried"/> false).
    /// </summary>
    public static string Reset(Place place, string detail, bool orClosed, bool retried = true) =>
        $"The connection to {place.HostPort} was reset{(orClosed ? " or closed" : string.Empty)} before a complete response ({detail}). Check {place.Setting}"
        + (retried && place.Key == "baseUrl" ? "; if resets come and go, conformance.transportRetries sends a GET, HEAD or OPTIONS again." : ".");

    public static string TimedOut(Place place, TimeSpan timeout) =>
        $"No complete response from {place.HostPort} within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s. "
        + $"Check {place.Setting}, or raise {TimeoutSetting} if it is that slow.";

    public static string Other(Place place, string detail) =>
        $"The request to {place.HostPort} failed before a response ({detail}). Check {place.Setting}.";

    /// <summary>
    /// Why the TLS handshake with the target of <paramref name="api"/> failed and the setting that addresses it: not TLS at
    /// all (plain HTTP on the port), a certificate refused against <c>&lt;api&gt;.caCertificate</c>, else where a private
    /// CA or a client certificate is set.
    /// </summary>
    public static string Tls(string api, TlsSettings tls, Place place, string detail)
    {
        var authority = place.HostPort;
        if (detail.Contains("frame", StringComparison.Ordinal))
        {
            // .NET's "Cannot determine the frame size or a corrupted frame was received": the reply was not TLS at all.
            return $"The target at {authority} did not answer with TLS ({detail}); it may serve plain HTTP on this port. Check the scheme of {place.Setting}: use http:// for this port.";
        }

        if (tls is { ExtraRoots: not null, Insecure: false })
        {
            return $"The TLS handshake with {authority} failed ({tls.Rejection ?? detail}). The certificate was checked against {api}.caCertificate: "
                + "it must be issued through that CA for this host name, be within its dates and allow server authentication.";
        }

        var fix = tls.ClientCertificate is null
            ? $"For a private CA set {api}.caCertificate to its PEM file ({api}.insecureTls=true skips verification); for mutual TLS set {api}.clientCertificate."
            : $"For a private CA set {api}.caCertificate to its PEM file; check that the target accepts {api}.clientCertificate.";
        return $"The TLS handshake with {authority} failed ({detail}). {fix}";
    }

    /// <summary>
    /// Why a request the pact verifier sent through the forwarder (Conformance.Pact's CredentialProxy) got no response,
    /// worded as for a probe: refused, DNS, reset or closed, a timeout after <paramref name="timeout"/> (the run's; any
    /// cancelled exchange), else
    /// what failed in .NET's words. The forwarder sends nothing twice, so a reset names no retry setting.
    /// </summary>
    /// <param name="tls">The pack's api name and TLS settings, for a TLS failure's advice as a probe's; null: none.</param>
    public static Probing.ProbeFailure Forwarded(Exception error, Place place, TimeSpan timeout, (string Api, TlsSettings Settings)? tls = null)
    {
        // A cancelled exchange (the forwarder's timeout, or the verifier's) is a timeout, whatever the socket torn down
        // under it said after (a reset, an abort, inside the cancellation).
        var (kind, detail) = error is OperationCanceledException ? new TransportError(TransportErrorKind.TimedOut, string.Empty) : TransportError.Of(error);
        return kind switch
        {
            TransportErrorKind.Refused => new("refused", Refused(place)),
            TransportErrorKind.Unresolved => new("dns", Unresolved(place)),
            TransportErrorKind.Reset => new("reset", Reset(place, detail, orClosed: false, retried: false)),
            TransportErrorKind.Closed or TransportErrorKind.ResponseEnded => new("reset", Reset(place, detail, orClosed: true, retried: false)),
            TransportErrorKind.TimedOut => new("timeout", TimedOut(place, timeout)),
            TransportErrorKind.Tls => new("tls", tls is { } pack ? Tls(pack.Api, pack.Settings, place, detail) : Other(place, detail)),
            TransportErrorKind.InvalidResponse => new("protocol", Other(place, detail)),
            _ => new("transport", Other(place, detail)),
        };
    }

    /// <summary>Where a request went, as a failure message names it, and the setting that named it.</summary>
    /// <param name="HostPort">The host (a label that reads as a key masked) and the port, default or not.</param>
    /// <param name="Key">The setting's key: <c>baseUrl</c> or <c>tokenUrl</c>.</param>
    /// <param name="Setting">The setting and its environment variable: <c>demo.baseUrl (CONFORMANCE_DEMO_BASEURL)</c>.</param>
    internal readonly record struct Place(string HostPort, string Key, string Setting)
    {
        public static Place Of(Uri url, string api, string key) =>
            new($"{Reporting.PathSecrets.MaskedHost(url.Host)}:{url.Port.ToString(CultureInfo.InvariantCulture)}", key, $"{api}.{key} ({SettingsSource.EnvironmentName(api, key)})");
    }
}
