using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis;

/// <summary>One pack's API: its profile and its routes. A new instance per server, so state never leaks.</summary>
internal interface IReferenceApi
{
    ApiProfile Profile { get; }

    void Map(ApiRoutes routes);
}
