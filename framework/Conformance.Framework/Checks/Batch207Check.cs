using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Conformance.Checks;

/// <summary>
/// <c>batch_207_status_part</c>: a 207 is multipart/mixed, and its first part is a JSON array holding one status per
/// following part (as numbers, or objects with a numeric <c>status</c>).
/// </summary>
internal sealed class Batch207Check : ICheck
{
    public string Id => "batch_207_status_part";

    public CheckResult Evaluate(CheckContext context)
    {
        if (context.Status != 207)
        {
            return CheckResult.Skip(Id, "Not a 207.");
        }

        var contentType = context.Response.ContentType ?? string.Empty;
        if (context.Response.MediaType != "multipart/mixed" || Boundary(contentType) is not { } boundary)
        {
            return CheckResult.Fail(Id, $"207 that is not multipart/mixed / Expected: multipart/mixed with a boundary / Received: {(contentType.Length == 0 ? "no Content-Type" : contentType)}");
        }

        var parts = Multipart.Split(Encoding.UTF8.GetString(context.Response.Body.Span), boundary);
        if (parts.Count == 0)
        {
            return CheckResult.Fail(Id, $"207 without parts / Expected: a first part with the status array / Received: no part delimited by --{boundary}");
        }

        var statuses = StatusArray(parts[0]);
        if (statuses is null)
        {
            return CheckResult.Fail(Id, $"207 whose first part is not the status array / Expected: a JSON array of statuses / Received: {BodySchemaConformanceCheck.Snippet(parts[0])}");
        }

        return statuses.Count == parts.Count - 1
            ? CheckResult.Pass(Id, $"Status part lists {statuses.Count} part(s): {string.Join(", ", statuses)}.")
            : CheckResult.Fail(Id, $"207 status part does not match its parts / Expected: {(parts.Count - 1).ToString(CultureInfo.InvariantCulture)} statuses / Received: {statuses.Count.ToString(CultureInfo.InvariantCulture)}");
    }

    private static string? Boundary(string contentType) =>
        contentType.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))?[9..].Trim('"');

    private static List<int>? StatusArray(string part)
    {
        try
        {
            using var doc = JsonDocument.Parse(part);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var result = new List<int>();
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                var status = item.ValueKind == JsonValueKind.Number ? item : item.ValueKind == JsonValueKind.Object && item.TryGetProperty("status", out var s) ? s : default;
                if (status.ValueKind != JsonValueKind.Number || !status.TryGetInt32(out var code) || code is < 100 or > 599)
                {
                    return null;
                }

                result.Add(code);
            }

            return result;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
