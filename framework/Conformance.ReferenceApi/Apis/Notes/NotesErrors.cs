using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.Notes;

/// <summary>
/// Notes errors mirror the success body: {"ok": false, "error": "not_found", "message": "..."}. The pack's
/// error schema is permissive, so the body faults target the documented 201 body ({"ok": true, "id": n}).
/// </summary>
internal static class NotesErrors
{
    public static BodyFaults Faults { get; } = new(reply => reply.Status == 201)
    {
        DropRequired = body => body.Remove("id"),
        WrongType = body => body["id"] = body["id"]?.ToJsonString(),
    };

    public static Reply Describe(Problem p) => p.Kind switch
    {
        ProblemKind.MissingCredentials => Error(401, "not_authed", "No authentication token provided."),
        ProblemKind.BadCredentials => Error(401, "invalid_auth", "Authentication failed."),
        ProblemKind.NotFound => Error(404, "not_found", $"No {p.Field} with this id."),
        ProblemKind.Forbidden => Error(403, "forbidden", "You don't have permission to perform this action."),
        ProblemKind.MethodNotAllowed => Error(405, "method_not_allowed", $"{p.Detail} is not supported for this resource."),
        ProblemKind.NotImplemented => Error(501, "not_implemented", $"{p.Detail} is not implemented for this resource yet."),
        ProblemKind.MissingField => Error(400, "invalid_request", $"Missing required parameter '{p.Field}'."),
        ProblemKind.InvalidField or ProblemKind.TooLong => Error(400, "invalid_request", $"Invalid parameter '{p.Field}': {p.Detail}."),
        _ => Error(400, "invalid_request", "The request body must be a JSON object sent as application/json."),
    };

    private static Reply Error(int status, string error, string message) =>
        Reply.Ok(new JsonObject { ["ok"] = false, ["error"] = error, ["message"] = message }, status);
}
