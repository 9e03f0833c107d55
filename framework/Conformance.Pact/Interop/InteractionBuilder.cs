namespace Conformance.Pact.Interop;

/// <summary>Adds one <see cref="PactInteraction"/> to a native pact as a V4 synchronous HTTP interaction.</summary>
internal static class InteractionBuilder
{
    private const string JsonContentType = "application/json";

    internal static void Add(ushort pact, PactInteraction interaction)
    {
        var name = interaction.Description;
        var handle = NativeMethods.pactffi_new_interaction(pact, name);
        PactModel.Check(NativeMethods.pactffi_upon_receiving(handle, name), "set the description", name);
        if (interaction.ProviderState is { } state)
        {
            PactModel.Check(NativeMethods.pactffi_given(handle, state), $"add provider state '{state}'", name);
        }

        foreach (var given in interaction.States)
        {
            var parameters = new System.Text.Json.Nodes.JsonObject(given.Params.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString();
            PactModel.Check(NativeMethods.pactffi_given_with_params(handle, given.Name, parameters) == 0, $"add provider state '{given.Name}' with parameters {parameters}", name);
        }

        AddRequest(handle, interaction.Request, name);
        AddResponse(handle, interaction.Response, name);
    }

    private static void AddRequest(uint handle, PactRequest request, string name)
    {
        PactModel.Check(NativeMethods.pactffi_with_request(handle, request.Method, PathJson(request)), "set the request line", name);
        foreach (var group in request.Query.GroupBy(p => p.Key, StringComparer.Ordinal))
        {
            nuint index = 0;
            foreach (var parameter in group)
            {
                PactModel.Check(
                    NativeMethods.pactffi_with_query_parameter_v2(handle, parameter.Key, index++, Generated(parameter.Value, request.QueryExpressions.GetValueOrDefault(parameter.Key))),
                    $"add query parameter '{parameter.Key}'",
                    name);
            }
        }

        AddHeaders(handle, InteractionPart.Request, request.Headers.ToDictionary(h => h.Key, h => Generated(h.Value, request.HeaderExpressions.GetValueOrDefault(h.Key)), StringComparer.OrdinalIgnoreCase), name);
        if (request.JsonBody is { } body)
        {
            PactModel.Check(
                NativeMethods.pactffi_with_body(handle, InteractionPart.Request, ContentType(request.Headers), body),
                "set the request body",
                name);
        }
    }

    /// <summary>
    /// The path as the FFI's integration JSON when it has a pattern: the example path plus a regex matcher, and with an
    /// expression a ProviderState generator (V4 <c>pact:generator:type</c>) a verifier fills from the state's values.
    /// </summary>
    private static string PathJson(PactRequest request)
    {
        if (request.PathPattern is not { } pattern)
        {
            return request.Path;
        }

        var path = new System.Text.Json.Nodes.JsonObject { ["value"] = request.Path, ["pact:matcher:type"] = "regex", ["regex"] = pattern };
        if (request.PathExpression is { } expression)
        {
            path["pact:generator:type"] = "ProviderState";
            path["expression"] = expression;
        }

        return path.ToJsonString();
    }

    /// <summary>A value with a ProviderState generator, matched by type, as integration JSON; the value itself without one.</summary>
    private static string Generated(string value, string? expression) => expression is null
        ? value
        : new System.Text.Json.Nodes.JsonObject { ["value"] = value, ["pact:matcher:type"] = "type", ["pact:generator:type"] = "ProviderState", ["expression"] = expression }.ToJsonString();

    private static void AddResponse(uint handle, PactResponse response, string name)
    {
        if (response.Status is < 100 or > 599)
        {
            throw new ArgumentException($"Interaction '{name}' has status {response.Status}; a status is 100 to 599.", nameof(response));
        }

        if (response.AcceptableStatuses.Count > 1)
        {
            var matcher = $"{{\"pact:matcher:type\":\"statusCode\",\"status\":[{string.Join(',', response.AcceptableStatuses.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)))}],\"value\":{response.Status}}}";
            PactModel.Check(NativeMethods.pactffi_response_status_v2(handle, matcher), "set the response status matcher", name);
        }
        else
        {
            PactModel.Check(NativeMethods.pactffi_response_status(handle, (ushort)response.Status), "set the response status", name);
        }
        AddHeaders(handle, InteractionPart.Response, response.Headers, name);
        if (response.JsonBody is { } body)
        {
            PactModel.Check(
                NativeMethods.pactffi_with_body(handle, InteractionPart.Response, ContentType(response.Headers), body),
                "set the response body",
                name);
        }

        if (MatchingRulesJson.ForBody(response.Matchers) is { } rules)
        {
            PactModel.Check(
                NativeMethods.pactffi_with_matching_rules(handle, InteractionPart.Response, rules),
                "add the response matching rules",
                name);
        }
    }

    private static void AddHeaders(uint handle, InteractionPart part, IReadOnlyDictionary<string, string> headers, string name)
    {
        foreach (var (header, value) in headers)
        {
            PactModel.Check(
                NativeMethods.pactffi_with_header_v2(handle, part, header, 0, value),
                $"add {part.ToString().ToLowerInvariant()} header '{header}'",
                name);
        }
    }

    private static string ContentType(IReadOnlyDictionary<string, string> headers) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value
        ?? JsonContentType;
}
