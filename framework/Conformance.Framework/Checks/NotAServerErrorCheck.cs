namespace Conformance.Checks;

/// <summary><c>not_a_server_error</c>: no 5xx unless the row expects one.</summary>
internal sealed class NotAServerErrorCheck : ICheck
{
    public string Id => "not_a_server_error";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.Status is < 500 or > 599 || context.StatusExpected)
        {
            return CheckResult.Pass(Id, "No unexpected server error.");
        }

        return CheckResult.Fail(Id, $"Server error / Received: {context.Describe(context.Status)} / Expected: {context.Row.ExpectedText}: the request was answered with a server fault where the documentation promises a client-side answer");
    }
}
