using System.Globalization;
using Conformance.Probing;

namespace Conformance.Targets;

/// <summary>
/// Bytes came back, but no response to judge: the target switched to another protocol, answered TLS on an http:// port,
/// or gave a head that leaves the body's length unknown. Each message says what the target did. Looked for only on a
/// probe that failed, or on a 101 or a Content-Length value with a comma in it.
/// </summary>
internal static class ReplyFaults
{
    /// <summary>A 101 Switching Protocols: no HTTP response follows it on that connection.</summary>
    public static string Switched(string authority, ProbeRequest request, IReadOnlyList<KeyValuePair<string, string>>? raw)
    {
        var answered = Header(raw, "Upgrade") is { } upgrade ? $"Upgrade: {upgrade}" : "without an Upgrade header";
        return request.Header("Upgrade") is { } offered
            ? $"The target at {authority} switched protocols (101, {answered}) as the probe's Upgrade header ({offered}) offered; a probe judges an HTTP response, and none follows a switch."
            : $"The target at {authority} switched protocols (101, {answered}) though the probe asked for no upgrade: it sent no Upgrade header, and a server may switch only to a protocol the request offers (RFC 9110 7.8).";
    }

    /// <summary>The reply on an http:// connection began with a TLS record (<see cref="PlainHttpStream"/>).</summary>
    public static string Tls(string authority, byte first, string setting) =>
        $"The reply from {authority} is not HTTP but looks like TLS (first byte 0x{first:X2}, a TLS {(first == TlsReplyException.Alert ? "alert" : "handshake")} record); "
        + $"it may serve HTTPS on this port. Check the scheme of {setting}: use https:// for this port.";

    /// <summary>
    /// Content-Length values that disagree, with no Transfer-Encoding to frame the body instead (RFC 9112 6.3): the
    /// message, else null. .NET reads by the first value, so the case otherwise passes, waits or reads as cut short.
    /// </summary>
    public static string? Lengths(string authority, IReadOnlyList<KeyValuePair<string, string>>? raw)
    {
        if (Disagreeing(raw) is not { } values)
        {
            return null;
        }

        var count = values.Length == 2 ? "two" : values.Length.ToString(CultureInfo.InvariantCulture);
        return $"The reply from {authority} is not valid HTTP: {count} Content-Length values that disagree ({string.Join(", ", values[..^1])} and {values[^1]}), "
            + "so the body's length is unknown (RFC 9112 6.3: invalid framing).";
    }

    /// <summary>The Content-Length values when they disagree and no Transfer-Encoding frames the body; else null.</summary>
    public static string[]? Disagreeing(IReadOnlyList<KeyValuePair<string, string>>? raw)
    {
        if (Header(raw, "Content-Length") is not { } joined || !joined.Contains(',', StringComparison.Ordinal) || Header(raw, "Transfer-Encoding") is not null)
        {
            return null;
        }

        var values = joined.Split(',', StringSplitOptions.TrimEntries);
        return values.Distinct(StringComparer.Ordinal).Count() < 2
            ? null // "26, 26": the same length twice, which a recipient may take as one (RFC 9110 8.6)
            : values;
    }

    private static string? Header(IReadOnlyList<KeyValuePair<string, string>>? raw, string name) =>
        raw?.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
