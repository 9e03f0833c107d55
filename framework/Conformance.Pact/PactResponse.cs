namespace Conformance.Pact;

/// <summary>The response the consumer expects.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Headers">Headers the consumer reads.</param>
/// <param name="JsonBody">Example JSON body, or null for none.</param>
/// <param name="Matchers">Rules that loosen the example body (by type, pattern, allowed values); empty means exact.</param>
public sealed record PactResponse(
    int Status,
    IReadOnlyDictionary<string, string> Headers,
    string? JsonBody,
    IReadOnlyList<BodyMatcher> Matchers)
{
    /// <summary>
    /// Every status the consumer accepts (a V4 status-code matcher), <see cref="Status"/> among them; empty
    /// means exactly <see cref="Status"/>. The mock server answers with <see cref="Status"/>.
    /// </summary>
    public IReadOnlyList<int> AcceptableStatuses { get; init; } = [];

    /// <summary>A JSON response whose body is matched by the given rules.</summary>
    public static PactResponse Json(int status, string jsonBody, IReadOnlyList<BodyMatcher> matchers) =>
        new(status, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, jsonBody, matchers);
}
