namespace Conformance.Checks;

/// <summary><c>content_type_conformance</c>: a body is labelled with the media type the contract for its status names.</summary>
internal sealed class ContentTypeConformanceCheck : ICheck
{
    public string Id => "content_type_conformance";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.Body.IsEmpty)
        {
            return CheckResult.Skip(Id, "No body.");
        }

        var expected = context.Pack.ErrorContractFor(context.Status)?.ContentType ?? (context.Schema is not null ? "application/json" : null);
        if (expected is null)
        {
            return CheckResult.Skip(Id, $"No media type is documented for {context.Status}.");
        }

        var actual = context.Response.MediaType;
        if (actual is not null && MediaTypeMatches(expected, actual))
        {
            return CheckResult.Pass(Id, $"Content-Type: {context.Response.ContentType}");
        }

        return CheckResult.Fail(Id, $"Content-Type mismatch / Expected: {expected} for {context.Describe(context.Status)} / Received: {context.Response.ContentType ?? "no Content-Type header"}");
    }

    private static bool MediaTypeMatches(string expected, string actual)
    {
        // The contract's parameters (charset=utf-8) do not take part: media types are compared bare, as the response's is.
        var e = Probing.ProbeResponse.Bare(expected);
        if (e.EndsWith("/*", StringComparison.Ordinal))
        {
            return actual.StartsWith(e[..^1], StringComparison.Ordinal);
        }

        return actual == e || (e == "application/json" && actual.EndsWith("+json", StringComparison.Ordinal));
    }
}
