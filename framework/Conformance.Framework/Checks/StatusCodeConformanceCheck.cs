namespace Conformance.Checks;

/// <summary><c>status_code_conformance</c>: the status is one the row expects.</summary>
internal sealed class StatusCodeConformanceCheck : ICheck
{
    public string Id => "status_code_conformance";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.StatusExpected)
        {
            return CheckResult.Pass(Id, $"Received {context.Status} as expected.");
        }

        var expected = string.Join(" or ", context.Row.Expected.Select(context.Describe));
        return CheckResult.Fail(Id, $"Status code mismatch / Expected: {expected} / Received: {context.Describe(context.Status)}");
    }
}
