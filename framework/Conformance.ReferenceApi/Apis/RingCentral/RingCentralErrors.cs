using System.Text.Json.Nodes;
using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.RingCentral;

/// <summary>RingCentral's error envelope: errorCode, message and errors[] (contracts/ringcentral/schemas/error).</summary>
internal static class RingCentralErrors
{
    public static BodyFaults Faults { get; } = new(BodyFaults.ErrorBodies.Targets)
    {
        // The faults bend the errors[] entry: RingCentral's error page documents that list alone (contracts/ringcentral).
        DropRequired = body => First(body)?.Remove("errorCode"),
        WrongType = body => Set(body, "message", 404),
        OutsideEnum = body => Set(body, "errorCode", "NOT_FOUND"),
    };

    public static Reply Describe(Problem p) => p.Kind switch
    {
        ProblemKind.MissingCredentials => Error(401, "AGW-401", "Authorization header is not specified"),
        ProblemKind.BadCredentials => Error(401, "OAU-213", "Token not found"),
        ProblemKind.NotFound => Error(404, "CMN-102", $"Resource for parameter [{p.Field}] is not found", p.Field),
        ProblemKind.Forbidden => Error(403, "CMN-408", $"In order to call this API endpoint, user needs to have [{p.Detail}] permission"),
        ProblemKind.MethodNotAllowed or ProblemKind.NotImplemented =>
            Error(405, "CMN-405", $"Method [{p.Detail}] is not allowed for this resource"),
        ProblemKind.NotAcceptable => Error(406, "CMN-406", $"Media type [{p.Detail}] cannot be produced; use application/json"),
        ProblemKind.UnsupportedMediaType => Error(415, "CMN-415", $"Content-Type [{p.Detail}] is not supported; send application/json"),
        ProblemKind.MalformedJson or ProblemKind.ParamsInBody => Error(400, "CMN-104", "Request body cannot be parsed as JSON"),
        ProblemKind.MissingField => Error(400, "CMN-100", $"Required parameter [{p.Field}] is missing", p.Field),
        ProblemKind.InvalidField => Error(400, p.Code ?? "CMN-101", $"Parameter [{p.Field}] value is invalid", p.Field),
        ProblemKind.TooLong => Error(400, "CMN-101", $"Parameter [{p.Field}] value is too long ({p.Detail})", p.Field),
        ProblemKind.RateLimited => Error(429, "CMN-301", "Request rate exceeded"),
        _ => throw new ArgumentOutOfRangeException(nameof(p), p.Kind, "No RingCentral error for this problem."),
    };

    /// <summary>The body alone, for a batch part.</summary>
    public static JsonObject Body(string code, string message, string? parameter)
    {
        var entry = new JsonObject { ["errorCode"] = code, ["message"] = message };
        var body = new JsonObject { ["errorCode"] = code, ["message"] = message };
        if (parameter is not null)
        {
            entry["parameterName"] = parameter;
            body["parameterName"] = parameter;
        }

        body["errors"] = new JsonArray(entry);
        return body;
    }

    private static JsonObject? First(JsonObject body) => body["errors"] is JsonArray { Count: > 0 } list ? list[0] as JsonObject : null;

    private static void Set(JsonObject body, string name, JsonNode value)
    {
        if (First(body) is { } entry)
        {
            entry[name] = value;
        }
    }

    private static Reply Error(int status, string code, string message, string? parameter = null) =>
        Reply.Ok(Body(code, message, parameter), status);
}
