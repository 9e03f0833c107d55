namespace Conformance.Checks;

/// <summary><c>not_modified_only_when_conditional</c>: a 304 answers only a request that carried If-None-Match or If-Modified-Since.</summary>
internal sealed class ConditionalNotModifiedCheck : ICheck
{
    public string Id => "not_modified_only_when_conditional";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.Status != 304)
        {
            return CheckResult.Skip(Id, "Not a 304.");
        }

        var request = context.Request;
        var noneMatch = request.Header("If-None-Match");
        var conditional = noneMatch ?? request.Header("If-Modified-Since");
        if (conditional is null)
        {
            return CheckResult.Fail(Id, $"304 without a conditional request / Expected: 304 only after If-None-Match or If-Modified-Since (RFC 9110 15.4.5) / Received: 304 to a plain {request.Method} {request.Path}");
        }

        if (request.Method is not ("GET" or "HEAD"))
        {
            return CheckResult.Fail(Id, $"304 to a {request.Method} / Expected: 304 only for GET or HEAD; a failed condition on another method is 412 (RFC 9110 13.1.2, 13.1.3) / Received: 304 to {request.Method} {request.Path}");
        }

        // The 304 stands for the representation whose tag matched: its ETag must be one the client sent (weak comparison).
        var etag = context.Response.Header("ETag");
        return noneMatch is null || noneMatch.Trim() == "*" || etag is null || Tags(noneMatch).Contains(Weak(etag))
            ? CheckResult.Pass(Id, "304 answered a conditional request.")
            : CheckResult.Fail(Id, $"304 for another entity tag / Expected: an ETag among If-None-Match: {noneMatch} (RFC 9110 13.1.2, weak comparison) / Received: ETag: {etag}");
    }

    private static IEnumerable<string> Tags(string list) => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Weak);

    private static string Weak(string tag) => tag.Trim() is var t && t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : tag.Trim();
}
