namespace Conformance.Probing;

/// <summary>A probe path is relative to the target's base URL, or (after a redirect) an absolute http(s) URL.</summary>
public static class ProbePath
{
    /// <summary>True only for http(s) URLs: on Unix "/a/b" parses as an absolute file URI, which is not one.</summary>
    public static bool TryAbsolute(string path, out Uri uri) =>
        Uri.TryCreate(path, UriKind.Absolute, out uri!) && uri.Scheme is "http" or "https";

    public static Uri Resolve(Uri baseUrl, string path) =>
        TryAbsolute(path, out var absolute) ? absolute : new Uri(baseUrl.ToString().TrimEnd('/') + "/" + path.TrimStart('/'));
}
