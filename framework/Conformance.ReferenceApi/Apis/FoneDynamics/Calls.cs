using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.FoneDynamics;

/// <summary>One recorded call.</summary>
internal static class Calls
{
    public const string Known = "CA0305E82C33013F2504E04F8911D39A0C";

    public static Reply Get(Call call) => call.Route("CallSid") == Known
        ? Reply.Ok(new JsonObject
        {
            ["Call"] = new JsonObject
            {
                ["CallSid"] = Known,
                ["From"] = "+61298765432",
                ["To"] = "+61400000001",
                ["Duration"] = 184,
                ["Disposition"] = "ANSWERED",
            },
        })
        : call.Fail(ProblemKind.NotFound, "CallSid", "CALL_NOT_FOUND", "A matching call could not be found.");
}
