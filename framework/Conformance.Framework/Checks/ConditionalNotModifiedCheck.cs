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

        var conditional = context.Request.Header("If-None-Match") ?? context.Request.Header("If-Modified-Since");
        return conditional is not null
            ? CheckResult.Pass(Id, "304 answered a conditional request.")
            : CheckResult.Fail(Id, $"304 without a conditional request / Expected: 304 only after If-None-Match or If-Modified-Since (RFC 9110 15.4.5) / Received: 304 to a plain {context.Request.Method} {context.Request.Path}");
    }
}
