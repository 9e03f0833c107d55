using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.CallRail;

/// <summary>CallRail errors: {"error": "..."} plus, for 422, Rails-style {"errors": {"field": ["..."]}}.</summary>
internal static class CallRailErrors
{
    public static BodyFaults Faults { get; } = new(BodyFaults.ErrorBodies.Targets)
    {
        DropRequired = body =>
        {
            body.Remove("error");
            body.Remove("errors");
        },
        WrongType = body => body["error"] = 422,
    };

    public static Reply Describe(Problem p) => p.Kind switch
    {
        ProblemKind.MissingCredentials or ProblemKind.BadCredentials => Error(401, "HTTP Token: Access denied."),
        ProblemKind.NotFound => Error(404, $"Not found: no such {p.Field}."),
        ProblemKind.Forbidden => Error(403, "You do not have permission to perform this action."),
        ProblemKind.MethodNotAllowed or ProblemKind.NotImplemented => Error(405, $"{p.Detail} is not supported by this resource."),
        ProblemKind.ParamsInBody => Error(406, "For GET requests, send parameters as part of the URL."),
        ProblemKind.NotAcceptable => Error(406, "Only application/json responses are available."),
        ProblemKind.UnsupportedMediaType => Error(406, "Send request parameters as JSON (Content-Type: application/json)."),
        ProblemKind.MalformedJson => Error(400, "The request body is not valid JSON."),
        ProblemKind.MissingField => Error(400, $"Missing required parameter: {p.Field}."),
        ProblemKind.InvalidField or ProblemKind.TooLong => Invalid(p.Field!, p.Detail ?? "is invalid"),
        ProblemKind.RateLimited => Error(429, "Too many requests. Please retry after the time in Retry-After."),
        _ => throw new ArgumentOutOfRangeException(nameof(p), p.Kind, "No CallRail error for this problem."),
    };

    private static Reply Error(int status, string message) => Reply.Ok(new JsonObject { ["error"] = message }, status);

    private static Reply Invalid(string field, string message) => Reply.Ok(
        new JsonObject
        {
            ["error"] = "Validation failed.",
            ["errors"] = new JsonObject { [field] = new JsonArray(message) },
        },
        422);
}
