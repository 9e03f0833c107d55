using Conformance.ReferenceApi.Pipeline;
using Conformance.ReferenceApi.Shared;

namespace Conformance.ReferenceApi.Apis.CallRail;

/// <summary>contracts/callrail, served under /callrail. GET bodies and non-JSON writes answer 406.</summary>
internal sealed class CallRailApi(TimeProvider time) : IReferenceApi
{
    private const string Account = "/v3/a/{account_id}";
    private readonly Companies companies = new();
    private readonly RateGate timeseriesGate = new(5, TimeSpan.FromSeconds(1), time);

    public ApiProfile Profile { get; } = new(
        "callrail",
        new AuthScheme("Authorization", "Token token=\"callrail-reference-key\"", "Token realm=\"Application\""),
        CallRailErrors.Describe,
        CallRailErrors.Faults)
    {
        RejectsGetBody = true,
    };

    public void Map(ApiRoutes routes)
    {
        routes.Map(Account + "/calls.json", MethodRoute.Get(Calls.List));
        routes.Map(Account + "/calls/timeseries.json", MethodRoute.Get(call => Calls.Timeseries(call, timeseriesGate)));
        routes.Map(Account + "/calls/{call_id}.json", MethodRoute.Get(Calls.Get), MethodRoute.Put(Calls.Update));
        routes.Map(Account + "/companies.json", MethodRoute.Post(companies.Create));
        routes.Map(Account + "/companies/{company_id}.json", MethodRoute.Get(companies.Get), MethodRoute.Delete(companies.Delete));
        routes.Map(Account + "/users.json", MethodRoute.Get(call => Accounts.Check(call) ?? call.Fail(ProblemKind.Forbidden)));
    }
}
