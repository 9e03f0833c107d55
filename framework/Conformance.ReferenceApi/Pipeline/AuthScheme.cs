using Microsoft.AspNetCore.Http;

namespace Conformance.ReferenceApi.Pipeline;

/// <summary>How a pack authenticates: the header, the exact value the sample token makes, the 401 challenge.</summary>
internal sealed record AuthScheme(string Header, string Expected, string Challenge)
{
    public ProblemKind? Check(HttpRequest request)
    {
        var value = request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(value))
        {
            return ProblemKind.MissingCredentials;
        }

        return string.Equals(value.Trim(), Expected, StringComparison.Ordinal) ? null : ProblemKind.BadCredentials;
    }
}
