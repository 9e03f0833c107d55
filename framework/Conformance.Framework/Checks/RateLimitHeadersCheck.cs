namespace Conformance.Checks;

/// <summary>
/// <c>rate_limit_headers_on_429</c>: a 429 carries every header api.yaml's <c>rateLimitHeaders</c> lists (the
/// documentation's promise of how a client learns its limit, e.g. RingCentral's X-Rate-Limit-*).
/// </summary>
internal sealed class RateLimitHeadersCheck : ICheck
{
    public string Id => "rate_limit_headers_on_429";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.Status != 429 || context.Pack.RateLimitHeaders.Count == 0)
        {
            return CheckResult.Skip(Id, context.Status != 429 ? "Not a 429." : "api.yaml lists no rateLimitHeaders.");
        }

        var missing = context.Pack.RateLimitHeaders.Where(h => !context.Response.HasHeader(h)).ToList();
        return missing.Count == 0
            ? CheckResult.Pass(Id, string.Join(", ", context.Pack.RateLimitHeaders.Select(h => $"{h}: {context.Response.Header(h)}")))
            : CheckResult.Fail(Id, $"429 without {string.Join(", ", missing)} / Expected: the rate-limit headers api.yaml lists ({string.Join(", ", context.Pack.RateLimitHeaders)}) / Received: {(missing.Count == context.Pack.RateLimitHeaders.Count ? "none of them" : $"{context.Pack.RateLimitHeaders.Count - missing.Count} of {context.Pack.RateLimitHeaders.Count}")}");
    }
}
