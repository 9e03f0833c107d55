using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;
using Conformance.ReferenceApi.Shared;

namespace Conformance.ReferenceApi.Apis.RingCentral;

/// <summary>POST .../sms: validates from/to/text in that order and answers the queued message.</summary>
internal static class Messaging
{
    public const int MaxText = 1000;

    public static Reply Send(Call call)
    {
        if (Accounts.Check(call) is { } denied)
        {
            return denied;
        }

        if (call.Route("extensionId") is not ("~" or "101" or "102"))
        {
            return call.Fail(ProblemKind.NotFound, "extensionId");
        }

        if (Validate(call) is { } problem)
        {
            return call.Api.Fail(problem);
        }

        var body = call.Body;
        return Reply.Ok(new JsonObject
        {
            ["id"] = 1724000001,
            ["uri"] = call.Link($"/restapi/v1.0/account/{Accounts.Id}/extension/101/message-store/1724000001"),
            ["type"] = "SMS",
            ["direction"] = "Outbound",
            ["messageStatus"] = "Queued",
            ["subject"] = body["text"]!.DeepClone(),
            ["from"] = body["from"]!.DeepClone(),
            ["to"] = body["to"]!.DeepClone(),
        });
    }

    private static Problem? Validate(Call call)
    {
        var body = call.Body;
        if (body["from"] is not JsonObject from)
        {
            return Missing(body, "from");
        }

        if (!Fields.IsPhone(from["phoneNumber"]))
        {
            return new Problem(ProblemKind.InvalidField, "from.phoneNumber");
        }

        if (body["to"] is not JsonArray { Count: > 0 } to)
        {
            return Missing(body, "to");
        }

        var bad = to.Select((party, i) => (party, i)).FirstOrDefault(p => !Fields.IsPhone(p.party?["phoneNumber"]));
        if (bad.party is not null || to.Any(p => p is null))
        {
            return new Problem(ProblemKind.InvalidField, $"to[{bad.i}].phoneNumber");
        }

        if (Fields.Text(body["text"]) is not { } text)
        {
            return Missing(body, "text");
        }

        return text.Length > MaxText ? new Problem(ProblemKind.TooLong, "text", Detail: $"max {MaxText}") : null;
    }

    private static Problem Missing(JsonObject body, string field) => body[field] is null
        ? new Problem(ProblemKind.MissingField, field)
        : new Problem(ProblemKind.InvalidField, field);
}
