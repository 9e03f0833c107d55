using Conformance.ReferenceApi.Pipeline;

namespace Conformance.ReferenceApi.Apis.CallRail;

/// <summary>The one account the sample key reaches.</summary>
internal static class Accounts
{
    public const string Id = "ACC8154748ae6bd4e278a7cddd38a662f4f";

    public static Reply? Check(Call call) =>
        call.Route("account_id") == Id ? null : call.Fail(ProblemKind.NotFound, "account");
}
