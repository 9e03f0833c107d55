using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.Ranges;

/// <summary>
/// Ranges errors: {"error": {"code", "message", "field"?}}. Missing body fields answer 400 (the page's only
/// named 4xx cause); invalid values 422, documented by the 4xx range. The body faults target the 201 project.
/// </summary>
internal static class RangesErrors
{
    public static BodyFaults Faults { get; } = new(reply => reply.Status == 201)
    {
        DropRequired = body => body.Remove("id"),
        WrongType = body => body["id"] = 1001,
    };

    public static Reply Describe(Problem p) => p.Kind switch
    {
        ProblemKind.MissingCredentials => Error(401, "unauthenticated", "Provide your API key in the X-Api-Key header."),
        ProblemKind.BadCredentials => Error(401, "unauthenticated", "The API key is not valid."),
        ProblemKind.NotFound => Error(404, "not_found", $"The requested {p.Field} was not found on your account."),
        ProblemKind.Forbidden => Error(403, "forbidden", "You do not have the user permission(s) required to perform this action."),
        ProblemKind.MethodNotAllowed or ProblemKind.NotImplemented => Error(405, "method_not_allowed", $"{p.Detail} is not allowed here."),
        ProblemKind.NotAcceptable => Error(406, "not_acceptable", "Only application/json is available."),
        ProblemKind.MissingField => Error(400, "field_required", $"The field '{p.Field}' was not provided.", p.Field),
        ProblemKind.InvalidField or ProblemKind.TooLong => Error(422, "field_invalid", $"The field '{p.Field}' {p.Detail}.", p.Field),
        _ => Error(400, "invalid_body", "The request body must be a JSON object sent as application/json."),
    };

    private static Reply Error(int status, string code, string message, string? field = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (field is not null)
        {
            error["field"] = field;
        }

        return Reply.Ok(new JsonObject { ["error"] = error }, status);
    }
}
