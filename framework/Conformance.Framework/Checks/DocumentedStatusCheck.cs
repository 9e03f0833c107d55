namespace Conformance.Checks;

/// <summary><c>documented_status</c>: the status appears in the pack's documented status table.</summary>
internal sealed class DocumentedStatusCheck : ICheck
{
    public string Id => "documented_status";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.Pack.Documented(context.Status) is not null)
        {
            return CheckResult.Pass(Id, $"{context.Status} is documented.");
        }

        var documented = string.Join(", ", context.Pack.Statuses.Select(s => s.Pattern.ToString()));
        return CheckResult.Fail(Id, $"Undocumented HTTP status code / Received: {context.Status} / Documented: {documented} (api.yaml statuses, from {context.Pack.DocsUrl ?? "the documentation"})");
    }
}
