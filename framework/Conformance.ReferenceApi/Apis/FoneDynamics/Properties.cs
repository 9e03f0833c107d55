using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.FoneDynamics;

/// <summary>The account's one property, plus a property of another account (403 FORBIDDEN).</summary>
internal static class Properties
{
    public const string Own = "PR3F2504E04F8911D39A0C0305E82C3301";
    public const string Foreign = "PRFFFF0000000000000000000000000000";

    /// <summary>Null when the PropertySid path value is the account's own property, else its 403/400.</summary>
    public static Reply? Check(Call call) => call.Route("PropertySid") switch
    {
        Own => null,
        Foreign => call.Fail(ProblemKind.Forbidden, "PropertySid", "FORBIDDEN", "The property belongs to another account."),
        _ => call.Fail(ProblemKind.NotFound, "PropertySid", "PROPERTY_NOT_FOUND", "A matching property could not be found."),
    };

    public static Reply Get(Call call) => Check(call) ?? Reply.Ok(new JsonObject
    {
        ["Property"] = new JsonObject { ["PropertySid"] = Own, ["Name"] = "Reference Clinic", ["TimeZone"] = "Australia/Sydney" },
    });
}
