namespace Conformance.ReferenceApi.Pipeline;

internal delegate Reply Handler(Call call);

/// <summary>One method on one path, with what the pipeline must check before the handler runs.</summary>
internal sealed record MethodRoute(string Method, Handler Handle)
{
    /// <summary>The handler needs a JSON object body (content type and syntax are checked first).</summary>
    public bool ReadsJson { get; init; }

    /// <summary>No credentials needed (redirects answer before authentication).</summary>
    public bool Anonymous { get; init; }

    /// <summary>Listed in Allow; false for methods answered "not implemented yet".</summary>
    public bool Allowed { get; init; } = true;

    public static MethodRoute Get(Handler handle) => new("GET", handle);

    public static MethodRoute Delete(Handler handle) => new("DELETE", handle);

    public static MethodRoute Post(Handler handle) => new("POST", handle) { ReadsJson = true };

    public static MethodRoute Put(Handler handle) => new("PUT", handle) { ReadsJson = true };

    public static MethodRoute Patch(Handler handle) => new("PATCH", handle) { ReadsJson = true };
}
