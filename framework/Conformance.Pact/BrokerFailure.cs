using System.Globalization;

namespace Conformance.Pact;

/// <summary>
/// What a Pact Broker's failure is said as: a request to read the pacts that it refused or did not answer (nothing can
/// be verified), or one that publishes the verification results (the verdicts stand, the broker does not record them).
/// Each names the status and the URL, its user info and query masked (the broker's token never appears), and what to do.
/// </summary>
public static class BrokerFailure
{
    /// <summary>A request for the pacts of <paramref name="provider"/> failed: nothing was verified.</summary>
    /// <param name="status">The broker's status, or null when it gave no answer (<paramref name="reason"/> says why).</param>
    /// <param name="reason">The status's reason phrase, or why there was no answer.</param>
    public static string Fetching(string method, Uri url, int? status, string reason, string provider) =>
        $"The Pact Broker {Answer(method, url, status, reason)}: the pacts for provider '{provider}' could not be fetched, nothing was verified. Fix: {FetchFix(status)}";

    /// <summary>A request that publishes the verification results (or the provider version's branch and tags) failed.</summary>
    /// <param name="status">The broker's status, or null when it gave no answer (<paramref name="reason"/> says why).</param>
    /// <param name="reason">The status's reason phrase, or why there was no answer.</param>
    public static string Publishing(string method, Uri url, int? status, string reason) =>
        $"Verification results were not published: the Pact Broker {Answer(method, url, status, reason)}. The verdicts stand; can-i-deploy does not see this verification. Fix: {PublishFix(status)}";

    /// <summary>The URL with its user info and query masked (<c>https://***@broker.example.com/pacts/...?***</c>).</summary>
    public static string Shown(Uri url) =>
        $"{url.Scheme}://{(url.UserInfo.Length > 0 ? "***@" : string.Empty)}{url.Authority}{url.AbsolutePath}{(url.Query.Length > 1 ? "?***" : string.Empty)}";

    /// <summary>Whether libpact_ffi retries this status (for about 2 minutes): a 5xx, 408 or 429.</summary>
    internal static bool Retried(int status) => status >= 500 || status is 408 or 429;

    private static string Answer(string method, Uri url, int? status, string reason) => status is { } code
        ? $"{$"answered {code.ToString(CultureInfo.InvariantCulture)} {reason}".TrimEnd()} to {method} {Shown(url)}"
        : $"gave no answer to {method} {Shown(url)} ({reason})";

    private static string FetchFix(int? status) => status switch
    {
        null => "check that the broker URL is right and that the broker is up and reachable from here.",
        401 or 403 => "check the broker credentials (the token, or the user and password) and that they may read this provider's pacts.",
        { } code when Retried(code) => "the broker failed, not the provider: check it (its status page, its logs) and run again once it answers.",
        _ => "check that the broker URL is the broker's base URL.",
    };

    private static string PublishFix(int? status) => status switch
    {
        null => "check that the broker is up and reachable from here, then run the verification again to publish.",
        401 or 403 => "give the broker a token (or a user and password) that may publish verification results for this provider.",
        { } code when Retried(code) => "the broker failed: check it (its status page, its logs), then run the verification again to publish.",
        _ => "check that the broker URL is the broker's base URL and that the pact is still there.",
    };
}
