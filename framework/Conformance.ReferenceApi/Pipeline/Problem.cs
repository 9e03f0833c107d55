namespace Conformance.ReferenceApi.Pipeline;

/// <summary>What went wrong with a request, before a pack's error shape turns it into a reply.</summary>
internal enum ProblemKind
{
    MissingCredentials,
    BadCredentials,
    NotFound,
    Forbidden,
    MethodNotAllowed,
    NotImplemented,
    NotAcceptable,
    UnsupportedMediaType,
    ParamsInBody,
    MalformedJson,
    MissingField,
    InvalidField,
    TooLong,
    RateLimited,
}

/// <summary>A request failure: its kind, the offending field or path parameter, and an API-specific code.</summary>
internal sealed record Problem(ProblemKind Kind, string? Field = null, string? Code = null, string? Detail = null)
{
    /// <summary>True for the body-validation failures a 400/422 row provokes.</summary>
    public bool IsValidation => Kind is ProblemKind.MalformedJson or ProblemKind.MissingField
        or ProblemKind.InvalidField or ProblemKind.TooLong;
}
