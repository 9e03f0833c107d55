namespace Conformance.Pact;

/// <summary>One request the verifier sent the broker through <see cref="BrokerProxy"/>, and the broker's answer.</summary>
/// <param name="Url">The request's URL on the broker as configured (user info included: masked where shown).</param>
/// <param name="Status">The broker's status, or null when it gave no answer.</param>
/// <param name="Reason">The status's reason phrase, or why there was no answer.</param>
internal sealed record BrokerExchange(string Method, Uri Url, int? Status, string Reason)
{
    /// <summary>Refused (4xx, 5xx) or not answered.</summary>
    public bool Failed => Status is null or >= 400;

    /// <summary>
    /// Part of publishing the results: a PUT (the provider version's branch, a tag), a POST other than the selectors' for
    /// the pacts to verify (the results), or a GET of a pacticipant (the provider, read for its branch and tag links).
    /// </summary>
    public bool Publishing =>
        Method == "PUT"
        || (Method == "POST" && !Url.AbsolutePath.EndsWith("/for-verification", StringComparison.Ordinal))
        || (Method == "GET" && Url.AbsolutePath.Contains("/pacticipants/", StringComparison.Ordinal));
}
