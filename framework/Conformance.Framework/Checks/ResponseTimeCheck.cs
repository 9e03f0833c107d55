using System.Globalization;

namespace Conformance.Checks;

/// <summary>
/// <c>response_time</c>: the response came within <c>maxResponseMs</c> (the row's, else its operation's, else api.yaml's); not applicable when
/// neither sets one. The time is the probe's own, from sending the request to the end of the body.
/// </summary>
internal sealed class ResponseTimeCheck : ICheck
{
    public string Id => "response_time";

    public CheckResult Evaluate(CheckContext context)
    {
        var (limit, source) = context.Row.MaxResponseMs is { } row ? (row, "the row's maxResponseMs")
            : context.Pack.Operations.GetValueOrDefault(context.Row.OperationId)?.MaxResponseMs is { } operation ? (operation, $"operation {context.Row.OperationId}'s maxResponseMs")
            : context.Pack.MaxResponseMs is { } pack ? (pack, "api.yaml maxResponseMs")
            : (0, null);
        if (source is null)
        {
            return CheckResult.Skip(Id, "No maxResponseMs for this row or pack.");
        }

        var took = (long)Math.Ceiling(context.Response.Elapsed.TotalMilliseconds);
        var limitText = limit.ToString(CultureInfo.InvariantCulture);
        var tookText = took.ToString(CultureInfo.InvariantCulture);
        return took <= limit
            ? CheckResult.Pass(Id, $"Answered in {tookText} ms, within {limitText} ms.")
            : CheckResult.Fail(Id, $"Response too slow / Expected: within {limitText} ms ({source}) / Received: after {tookText} ms");
    }
}
