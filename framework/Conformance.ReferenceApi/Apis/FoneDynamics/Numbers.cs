using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.FoneDynamics;

/// <summary>The property's two numbers.</summary>
internal static class Numbers
{
    public static readonly string[] Owned = ["+61400000001", "+61400000002"];

    public static Reply List(Call call) => Properties.Check(call)
        ?? Reply.Ok(new JsonObject { ["Numbers"] = new JsonArray([.. Owned.Select(n => (JsonNode)Number(n))]) });

    public static Reply Get(Call call)
    {
        var number = call.Route("PhoneNumber");
        return Properties.Check(call) ?? (Owned.Contains(number)
            ? Reply.Ok(new JsonObject { ["Number"] = Number(number) })
            : call.Fail(ProblemKind.NotFound, "PhoneNumber", "NUMBER_NOT_FOUND", "A matching phone number could not be found."));
    }

    private static JsonObject Number(string number) => new()
    {
        ["PhoneNumber"] = number,
        ["PropertySid"] = Properties.Own,
        ["NumberType"] = "MOBILE",
        ["Capabilities"] = new JsonArray("VOICE", "SMS"),
    };
}
