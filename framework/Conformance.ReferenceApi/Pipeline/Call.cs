using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Conformance.ReferenceApi.Pipeline;

/// <summary>What a handler sees: the request, its parsed JSON body and the API it belongs to.</summary>
internal sealed class Call(HttpContext http, ApiRuntime api, JsonObject? body)
{
    public HttpContext Http => http;

    public ApiRuntime Api => api;

    public JsonObject Body => body ?? throw new InvalidOperationException("This route does not read a JSON body.");

    public string Route(string name) =>
        Convert.ToString(http.Request.RouteValues[name], CultureInfo.InvariantCulture) ?? string.Empty;

    public string? Query(string name) => http.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null;

    public bool Has(string fault) => api.Has(fault);

    public Reply Fail(ProblemKind kind, string? field = null, string? code = null, string? detail = null) =>
        api.Fail(new Problem(kind, field, code, detail));

    /// <summary>Absolute URL of a path inside this API's prefix, e.g. for Location and "uri" fields.</summary>
    public string Link(string path) =>
        $"{http.Request.Scheme}://{http.Request.Host}/{api.Profile.Name}{path}";
}
