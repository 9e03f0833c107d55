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

        return CheckResult.Fail(Id, $"Server error / Received: {context.Describe(context.Status)} / Expected: {context.Row.ExpectedText}: the request was answered with a server fault where the documentation promises {Promised(context.Row.Expected)}");
    }

    /// <summary>What the row's statuses promise, by class: it said "a client-side answer" for a row expecting 200 or 204 too.</summary>
    private static string Promised(IEnumerable<int> expected) =>
        string.Join(" or ", expected.Select(s => (s / 100) switch
        {
            1 => "an interim answer",
            2 => "a success",
            3 => "a redirect",
            4 => "a client error",
            _ => $"a {s}", // expect: [200, 503] answered 500: the 503 it allows, not 5xx at large
        }).Distinct());
}
