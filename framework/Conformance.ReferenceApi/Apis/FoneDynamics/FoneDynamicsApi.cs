using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.FoneDynamics;

/// <summary>contracts/fonedynamics, served under /fonedynamics. Every answer is JSON, whatever Accept says.</summary>
internal sealed class FoneDynamicsApi : IReferenceApi
{
    private const string Property = "/api/v2/Properties/{PropertySid}";
    private readonly Addresses addresses = new();

    public ApiProfile Profile { get; } = new(
        "fonedynamics",
        new AuthScheme(
            "Authorization",
            "Basic QUMwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMTpyZWZlcmVuY2UtdG9rZW4=",
            "Basic realm=\"Fone Dynamics\""),
        FoneDynamicsErrors.Describe,
        FoneDynamicsErrors.Faults)
    {
        IgnoresAccept = true,
        WrongNotFoundStatus = 403,
    };

    public void Map(ApiRoutes routes)
    {
        routes.Map(Property, MethodRoute.Get(Properties.Get));
        routes.Map(Property + "/Numbers", MethodRoute.Get(Numbers.List));
        routes.Map(Property + "/Numbers/{PhoneNumber}", MethodRoute.Get(Numbers.Get));
        routes.Map(Property + "/Messages", MethodRoute.Get(Messages.List), MethodRoute.Post(Messages.Send));
        routes.Map("/api/v2/Messages/{MessageSid}", MethodRoute.Get(Messages.Get));
        routes.Map("/api/v2/Calls/{CallSid}", MethodRoute.Get(Calls.Get));
        routes.Map("/api/v2/Accounts/{AccountSid}/Addresses", MethodRoute.Post(addresses.Create));
        routes.Map("/api/v2/Accounts/{AccountSid}/Addresses/{AddressSid}", MethodRoute.Delete(addresses.Delete));
    }
}
