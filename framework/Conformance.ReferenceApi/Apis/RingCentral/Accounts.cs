using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.RingCentral;

/// <summary>The one account the sample token reaches: "~" (the token's own) or its id.</summary>
internal static class Accounts
{
    public const string Id = "37439510";

    /// <summary>Null when the account path value is the token's own account, else its 404.</summary>
    public static Reply? Check(Call call)
    {
        var account = call.Route("accountId");
        return account is "~" or Id ? null : call.Fail(ProblemKind.NotFound, "accountId");
    }
}
