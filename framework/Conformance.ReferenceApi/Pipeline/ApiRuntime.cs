namespace Conformance.ReferenceApi.Pipeline;

/// <summary>One API as served by one server instance: its profile plus the server's options and clock.</summary>
internal sealed record ApiRuntime(ApiProfile Profile, ReferenceOptions Options, TimeProvider Time)
{
    public bool Has(string fault) => Options.Faults.Contains(fault);

    /// <summary>The pack's error reply for a problem, with the headers the problem kind calls for.</summary>
    public Reply Fail(Problem problem)
    {
        var reply = Profile.Describe(problem) with { Problem = problem };
        return problem.Kind is ProblemKind.MissingCredentials or ProblemKind.BadCredentials
            ? reply.WithHeader("WWW-Authenticate", Profile.Auth.Challenge)
            : reply;
    }
}
