using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;
using Conformance.ReferenceApi.Shared;

namespace Conformance.ReferenceApi.Apis.CallRail;

/// <summary>One call: list, read, update (note, lead_status), and a rate-limited timeseries.</summary>
internal static class Calls
{
    public const string Known = "CAL8154748ae6bd4e278a7cddd38a662f4f";
    private static readonly string?[] LeadStatuses = ["good_lead", "not_a_lead", "previously_marked_good_lead", null];

    public static Reply List(Call call) => Accounts.Check(call) ?? Reply.Ok(new JsonObject
    {
        ["page"] = 1,
        ["per_page"] = int.TryParse(call.Query("per_page"), out var n) && n > 0 ? n : 100,
        ["total_pages"] = 1,
        ["total_records"] = 1,
        ["calls"] = new JsonArray(Sample()),
    });

    public static Reply Get(Call call) => Accounts.Check(call) ?? (call.Route("call_id") == Known
        ? Reply.Ok(Sample())
        : call.Fail(ProblemKind.NotFound, "call"));

    public static Reply Update(Call call)
    {
        var denied = Accounts.Check(call) ?? (call.Route("call_id") == Known ? null : call.Fail(ProblemKind.NotFound, "call"));
        if (denied is not null)
        {
            return denied;
        }

        var body = call.Body;
        if (body.ContainsKey("lead_status") && !LeadStatuses.Contains(Fields.Text(body["lead_status"])))
        {
            return call.Fail(ProblemKind.InvalidField, "lead_status", detail: "is not included in the list");
        }

        if (body.ContainsKey("note") && Fields.Text(body["note"]) is null)
        {
            return call.Fail(ProblemKind.InvalidField, "note", detail: "must be a string");
        }

        var updated = Sample();
        updated["note"] = body["note"]?.DeepClone();
        updated["lead_status"] = body["lead_status"]?.DeepClone();
        return Reply.Ok(updated);
    }

    public static Reply Timeseries(Call call, RateGate gate)
    {
        var client = call.Http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!gate.TryEnter(client, out _))
        {
            return call.Fail(ProblemKind.RateLimited).WithHeader("Retry-After", "1");
        }

        return Accounts.Check(call) ?? Reply.Ok(new JsonObject
        {
            ["data"] = new JsonArray(new JsonObject { ["key"] = "2025-03-01", ["total_calls"] = 12 }),
        });
    }

    private static JsonObject Sample() => new()
    {
        ["id"] = Known,
        ["answered"] = true,
        ["business_phone_number"] = "+14045550000",
        ["customer_phone_number"] = "+14045551234",
        ["direction"] = "inbound",
        ["duration"] = 148,
        ["start_time"] = "2025-03-01T14:05:00.000-05:00",
        ["voicemail"] = false,
    };
}
