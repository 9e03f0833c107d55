using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.FoneDynamics;

/// <summary>
/// Fone Dynamics' ResponseStatus wrapper (contracts/fonedynamics/schemas/error). Only 400/401/403/500 are
/// documented, so not-found and wrong-method answer 400 with the list's own codes.
/// </summary>
internal static class FoneDynamicsErrors
{
    public static BodyFaults Faults { get; } = new(BodyFaults.ErrorBodies.Targets)
    {
        DropRequired = body => Status(body).Remove("ErrorCode"),
        WrongType = body => Status(body)["Message"] = 400,
        OutsideEnum = body => Status(body)["ErrorCode"] = "NOT_FOUND",
    };

    public static Reply Describe(Problem p) => p.Kind switch
    {
        ProblemKind.MissingCredentials => Error(401, "UNAUTHORIZED", "Missing credentials: use HTTP Basic with your AccountSid and Token."),
        ProblemKind.BadCredentials => Error(401, "UNAUTHORIZED", "Wrong credentials."),
        ProblemKind.NotFound => Error(400, p.Code ?? "RECORD_NOT_FOUND", p.Detail ?? "The requested record was not found."),
        ProblemKind.Forbidden => Error(403, p.Code ?? "FORBIDDEN", p.Detail ?? "The request could not be processed due to missing permissions."),
        ProblemKind.MethodNotAllowed or ProblemKind.NotImplemented =>
            Error(400, "INVALID_HTTP_METHOD", $"The HTTP method {p.Detail} is not valid for this resource."),
        ProblemKind.NotAcceptable or ProblemKind.UnsupportedMediaType or ProblemKind.ParamsInBody or ProblemKind.MalformedJson =>
            Error(400, "INVALID_MODEL_STATE", "The request body could not be read as a JSON object."),
        ProblemKind.MissingField => Error(400, "PARAMETER_REQUIRED", $"'{p.Field}' is required.", p.Field),
        ProblemKind.InvalidField => Error(400, p.Code ?? "PARAMETER_INVALID", p.Detail ?? $"'{p.Field}' is not valid.", p.Field),
        ProblemKind.TooLong => Error(400, "PARAMETER_TOO_LONG", $"'{p.Field}' is too long ({p.Detail}).", p.Field),
        _ => throw new ArgumentOutOfRangeException(nameof(p), p.Kind, "No Fone Dynamics error for this problem."),
    };

    private static Reply Error(int status, string code, string message, string? field = null)
    {
        var wrapper = new JsonObject { ["ErrorCode"] = code, ["Message"] = message };
        if (field is not null)
        {
            wrapper["Errors"] = new JsonArray(new JsonObject { ["ErrorCode"] = code, ["FieldName"] = field, ["Message"] = message });
        }

        return Reply.Ok(new JsonObject { ["ResponseStatus"] = wrapper }, status);
    }

    private static JsonObject Status(JsonObject body) => body["ResponseStatus"]!.AsObject();
}
