using Conformance.Diagnostics;

namespace Conformance.Reporting.Allure;

/// <summary>
/// Where a case's table row can be read in the repository's web view, so a QA person goes from an Allure result to the
/// row that made it: <c>conformance.sourceUrl</c> (e.g. <c>https://github.com/acme/api-tests/blob/main</c>), else the
/// commit of the CI run (GitHub Actions, GitLab CI). Row paths are relative to the folder holding <c>contracts/</c>.
/// </summary>
internal static class SourceLinks
{
    /// <summary>
    /// The pack's <c>docs:</c> as a link, when it is a web address. A file path (the shipped notes and ranges packs give
    /// their seed file) was linked too: the browser resolved it against the report's own address, a dead link.
    /// </summary>
    public static AllureLink? Docs(string title, string? docs) =>
        Uri.TryCreate(docs, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? new AllureLink($"{title} documentation", docs, "link")
            : null;

    public static string? FromCi(Func<string, string?> env)
    {
        if (env("GITHUB_SERVER_URL") is { Length: > 0 } server && env("GITHUB_REPOSITORY") is { Length: > 0 } repository && env("GITHUB_SHA") is { Length: > 0 } sha)
        {
            return $"{server.TrimEnd('/')}/{repository}/blob/{sha}";
        }

        return env("CI_PROJECT_URL") is { Length: > 0 } project && env("CI_COMMIT_SHA") is { Length: > 0 } commit
            ? $"{project.TrimEnd('/')}/-/blob/{commit}"
            : null;
    }

    /// <summary>
    /// The base without user info: one copied from a clone URL carries a token (GitLab's CI_REPOSITORY_URL,
    /// <c>https://gitlab-ci-token:&lt;job token&gt;@host/...</c>), and a link to read a row needs none.
    /// </summary>
    private static string WithoutUserInfo(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) && url.UserInfo.Length > 0 ? EnvironmentInfo.WithoutUserInfo(url) : baseUrl;

    /// <summary>The row's address, or null without a base or for a path outside the repository.</summary>
    public static string? For(string? baseUrl, SourceLocation at)
    {
        if (baseUrl is null || at.Path.Length == 0 || Path.IsPathRooted(at.Path) || at.Path.StartsWith("..", StringComparison.Ordinal) || at.Path.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var path = string.Join('/', at.Path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
        return $"{WithoutUserInfo(baseUrl).TrimEnd('/')}/{path}#L{at.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
