using System.Globalization;
using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.Notes;

/// <summary>Customers 1001-1002 (read only for the sample token), report 1234's result, and payments.</summary>
internal static class Customers
{
    private static readonly Dictionary<long, string> Names = new() { [1001] = "Jordan Lee", [1002] = "Sam Rivera" };

    public static bool Exists(long id) => Names.ContainsKey(id);

    public static Reply Get(Call call) => Find(call) is { } id
        ? Reply.Ok(new JsonObject
        {
            ["id"] = id,
            ["name"] = Names[id],
            ["email"] = Names[id].ToLowerInvariant().Replace(' ', '.') + "@example.com",
        })
        : call.Fail(ProblemKind.NotFound, "customer");

    public static Reply Delete(Call call) => Find(call) is null
        ? call.Fail(ProblemKind.NotFound, "customer")
        : call.Fail(ProblemKind.Forbidden);

    public static Reply ReportResult(Call call) => call.Route("report_id") == "1234"
        ? Reply.Ok(new JsonObject { ["report_id"] = 1234, ["status"] = "complete", ["rows"] = 42 })
        : call.Fail(ProblemKind.NotFound, "report");

    public static Reply Payments(Call call) => Reply.Ok(new JsonObject { ["ok"] = true, ["payments"] = new JsonArray() });

    private static long? Find(Call call) =>
        long.TryParse(call.Route("customer_id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Exists(id)
            ? id
            : null;
}
