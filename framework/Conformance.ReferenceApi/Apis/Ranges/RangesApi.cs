using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.Ranges;

/// <summary>contracts/ranges, served under /ranges.</summary>
internal sealed class RangesApi : IReferenceApi
{
    private readonly Projects projects = new();

    public ApiProfile Profile { get; } = new(
        "ranges",
        new AuthScheme("X-Api-Key", "ranges-reference-key", "ApiKey header=\"X-Api-Key\""),
        RangesErrors.Describe,
        RangesErrors.Faults);

    public void Map(ApiRoutes routes)
    {
        routes.Map("/v1/projects", MethodRoute.Get(projects.List), MethodRoute.Post(projects.Create));
        routes.Map(
            "/v1/projects/{project_id}",
            MethodRoute.Get(projects.Get),
            MethodRoute.Patch(projects.Update),
            MethodRoute.Delete(projects.Delete));
        routes.Map("/v1/billing", MethodRoute.Get(call => call.Fail(ProblemKind.Forbidden)));
    }
}
