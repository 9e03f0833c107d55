using Conformance.Contracts;

namespace Conformance.Pact;

/// <summary>
/// What <see cref="CredentialProxy"/> changes in a request: the exported credential, written as the auth scheme
/// writes it, in the scheme's header (a cookie among others too) or query parameter, becomes the target's. Any other
/// value is left alone.
/// </summary>
internal sealed class CredentialSwap(AuthScheme auth, string credential)
{
    /// <summary>The target's credential, as given.</summary>
    public string Credential => credential;

    /// <summary>The same swap to another credential of the target's (a fetched token renewed).</summary>
    public CredentialSwap With(string renewed) => new(auth, renewed);

    /// <summary>The exported credential as the scheme writes it (<c>Bearer notes-reference-token</c>).</summary>
    public string From { get; } = auth.Render(PactCredentials.Exported(auth));

    /// <summary>The target's credential as the scheme writes it.</summary>
    public string To { get; } = auth.Render(credential);

    /// <summary>The header value to forward.</summary>
    public string Header(string name, string value, ref int replaced)
    {
        if (auth.Header is { } header && name.Equals(header, StringComparison.OrdinalIgnoreCase) && Swapped(value) is { } swapped)
        {
            Interlocked.Increment(ref replaced);
            return swapped;
        }

        return value;
    }

    /// <summary>
    /// A value of the scheme's header with the exported credential made the target's, or null when it does not carry
    /// it: the whole value, or for a cookie one of the pairs beside the request's own cookies (<c>theme=dark; sid=...</c>).
    /// </summary>
    public string? Swapped(string value)
    {
        if (value == From)
        {
            return To;
        }

        var pairs = auth.Cookie is null ? [] : value.Split("; ");
        var at = Array.IndexOf(pairs, From);
        if (at < 0)
        {
            return null;
        }

        pairs[at] = To;
        return string.Join("; ", pairs);
    }

    /// <summary>The request target (path and query, as sent) to forward.</summary>
    public string Query(string rawTarget, ref int replaced)
    {
        var mark = rawTarget.IndexOf('?', StringComparison.Ordinal);
        if (auth.QueryParameter is not { } parameter || mark < 0)
        {
            return rawTarget;
        }

        var parts = rawTarget[(mark + 1)..].Split('&');
        var changed = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var equals = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && Means(parts[i][..equals], parameter) && Means(parts[i][(equals + 1)..], From))
            {
                parts[i] = parts[i][..(equals + 1)] + Uri.EscapeDataString(To);
                changed = true;
                Interlocked.Increment(ref replaced);
            }
        }

        return changed ? rawTarget[..(mark + 1)] + string.Join('&', parts) : rawTarget;
    }

    /// <summary>Whether a query component stands for <paramref name="value"/>, read with '+' as itself or as a space.</summary>
    private static bool Means(string component, string value) =>
        Uri.UnescapeDataString(component) == value || Uri.UnescapeDataString(component.Replace('+', ' ')) == value;
}

/// <summary>Headers that belong to one connection (RFC 9110 section 7.6.1) or that the client sets itself: not forwarded.</summary>
internal static class ForwardedHeaders
{
    private static readonly HashSet<string> Hop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host",
    };

    public static bool Skip(string name) => Hop.Contains(name);
}
