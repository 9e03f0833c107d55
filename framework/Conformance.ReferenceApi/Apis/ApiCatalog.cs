using Conformance.ReferenceApi.Apis.CallRail;
using Conformance.ReferenceApi.Apis.FoneDynamics;
using Conformance.ReferenceApi.Apis.Notes;
using Conformance.ReferenceApi.Apis.Ranges;
using Conformance.ReferenceApi.Apis.RingCentral;
using Conformance.ReferenceApi.Pipeline;
using Microsoft.AspNetCore.Routing;

namespace Conformance.ReferenceApi.Apis;

/// <summary>Every API the reference server hosts, one per shipped pack under contracts/.</summary>
internal static class ApiCatalog
{
    public static IReadOnlyList<IReferenceApi> Create(TimeProvider time) =>
        [new RingCentralApi(time), new FoneDynamicsApi(), new CallRailApi(time), new NotesApi(), new RangesApi()];

    public static void MapAll(IEndpointRouteBuilder root, ReferenceOptions options, TimeProvider time)
    {
        foreach (var api in Create(time))
        {
            api.Map(new ApiRoutes(root, new ApiRuntime(api.Profile, options, time)));
        }
    }
}
