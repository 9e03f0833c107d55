using Conformance.Contracts;
using Conformance.Diagnostics;

namespace Conformance.Targets;

/// <summary>
/// A configured target (not the embedded reference API) whose pack sends a credential while none is set: a row that
/// needs it would be answered 401 and the failure reported against the API, so such rows are not sent (CT0304).
/// </summary>
internal static class MissingCredential
{
    public static Diagnostic? Find(ApiPack pack, TargetOptions target)
    {
        if (pack.Auth is not { } auth || target.Token is not null || target.OAuth is not null || target.IsReference)
        {
            return null;
        }

        var code = ErrorCodes.MissingCredential;
        var place = auth.QueryParameter is { } query ? $"?{query}={auth.Format}" : $"{auth.Header}: {auth.Format}";
        return new Diagnostic(
            code.Code,
            new SourceLocation($"runsettings:{pack.Name}.token", 1, 1),
            $"{pack.Name}.baseUrl points at {target.BaseUrl.Host} but no {pack.Name}.token is set",
            $"the pack sends a credential ({place}) and this row's probe needs it; sent without it, the answer (a 401) would be reported as the API's failure",
            code.Fix);
    }
}
