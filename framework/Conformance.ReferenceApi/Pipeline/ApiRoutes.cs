using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Conformance.ReferenceApi.Pipeline;

/// <summary>Maps an API's paths under its prefix; every reply goes through the gate, the faults and the writer.</summary>
internal sealed class ApiRoutes
{
    private readonly RouteGroupBuilder group;

    public ApiRoutes(IEndpointRouteBuilder root, ApiRuntime api)
    {
        Api = api;
        group = root.MapGroup("/" + api.Profile.Name);
        group.Map("/{**unknown}", http => SendAsync(http, Unknown()));
    }

    public ApiRuntime Api { get; }

    /// <summary>Serves <paramref name="pattern"/>; methods not listed answer the pack's 405 with Allow.</summary>
    public void Map(string pattern, params MethodRoute[] routes) =>
        group.Map(pattern, async http => await SendAsync(http, await Gate.RunAsync(http, Api, routes)));

    /// <summary>A path no operation serves: the pack's not-found, or (fault unknown_endpoint_200) a catch-all's 200 {}.</summary>
    private Reply Unknown() => Api.Has(Faults.UnknownEndpoint200)
        ? Reply.Ok(new JsonObject())
        : Api.Fail(new Problem(ProblemKind.NotFound, Field: "path"));

    private Task SendAsync(HttpContext http, Reply reply) =>
        ReplyWriter.WriteAsync(http, FaultPlan.Apply(reply, http.Request, Api), Api);
}
