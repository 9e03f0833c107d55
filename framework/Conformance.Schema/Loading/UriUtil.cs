namespace Conformance.Schema.Loading;

/// <summary>URI handling for $id/$ref: resolution per RFC 3986 with fragments kept verbatim.</summary>
internal static class UriUtil
{
    public static string WithoutFragment(string uri)
    {
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? uri : uri[..hash];
    }

    public static string Fragment(string uri)
    {
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? string.Empty : uri[(hash + 1)..];
    }

    /// <summary>The registry/index key of a URI: normalized, without fragment.</summary>
    public static string Key(string uri) => Normalize(WithoutFragment(uri));

    public static bool HasScheme(string reference)
    {
        if (reference.Length == 0 || !char.IsAsciiLetter(reference[0]))
        {
            return false;
        }

        foreach (var c in reference)
        {
            if (c == ':')
            {
                return true;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUri"/>; the fragment is kept as written.</summary>
    public static bool TryResolve(string baseUri, string reference, out string resolved)
    {
        resolved = baseUri;
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? null : reference[hash..];
        string target;
        if (path.Length == 0)
        {
            target = WithoutFragment(baseUri);
        }
        else if (HasScheme(path))
        {
            if (!Uri.TryCreate(path, UriKind.Absolute, out _))
            {
                return false;
            }

            target = Normalize(path);
        }
        else
        {
            if (!Uri.TryCreate(WithoutFragment(baseUri), UriKind.Absolute, out var b) || !Uri.TryCreate(b, path, out var combined))
            {
                return false;
            }

            target = combined.AbsoluteUri;
        }

        resolved = fragment is null ? target : target + fragment;
        return true;
    }

    private static string Normalize(string absolute) =>
        HasScheme(absolute) && Uri.TryCreate(absolute, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : absolute;

    public static string FileUri(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
