using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.RingCentral;

/// <summary>contracts/ringcentral, served under /ringcentral.</summary>
internal sealed class RingCentralApi(TimeProvider time) : IReferenceApi
{
    private const string Extension = "/restapi/v1.0/account/{accountId}/extension/{extensionId}";
    private readonly Presence presence = new(time);
    private readonly Contacts contacts = new();

    public ApiProfile Profile { get; } = new(
        "ringcentral",
        new AuthScheme("Authorization", "Bearer rc-reference-token", "Bearer realm=\"RingCentral\""),
        RingCentralErrors.Describe,
        RingCentralErrors.Faults);

    public void Map(ApiRoutes routes)
    {
        routes.Map(Extension, MethodRoute.Get(Extensions.Get), MethodRoute.Put(Extensions.Update));
        routes.Map(Extension + "/presence", MethodRoute.Get(presence.Get));
        routes.Map(Extension + "/sms", MethodRoute.Post(Messaging.Send));
        routes.Map(Extension + "/address-book/contact", MethodRoute.Post(contacts.Create));
        routes.Map(
            Extension + "/address-book/contact/{contactId}",
            MethodRoute.Get(contacts.Get),
            MethodRoute.Delete(contacts.Delete));
        routes.Map(
            "/restapi/v1.0/account/{accountId}/call-log",
            MethodRoute.Get(call => Accounts.Check(call) ?? call.Fail(ProblemKind.Forbidden, detail: "ReadCallLog")));
        Redirects.Map(routes);
    }
}
