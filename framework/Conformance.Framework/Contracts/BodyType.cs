namespace Conformance.Contracts;

/// <summary>
/// How an operation's <c>body:</c> goes out (<c>bodyType:</c> in api.yaml): JSON (the default) or a form,
/// <c>application/x-www-form-urlencoded</c>, for OAuth token endpoints and legacy APIs.
/// </summary>
public enum BodyType
{
    /// <summary><c>bodyType: json</c>: the body as JSON, <c>application/json</c>.</summary>
    Json,

    /// <summary><c>bodyType: form</c>: a flat mapping of scalars as <c>name=value</c> pairs; a list of scalars repeats its name.</summary>
    Form,
}
