namespace Conformance.ReferenceApi.Pipeline;

/// <summary>What makes one API's pack different: prefix, auth, error shape and content-negotiation habits.</summary>
internal sealed record ApiProfile(string Name, AuthScheme Auth, Func<Problem, Reply> Describe, BodyFaults BodyFaults)
{
    /// <summary>The API answers JSON whatever Accept asks for (Fone Dynamics: "every request with JSON").</summary>
    public bool IgnoresAccept { get; init; }

    /// <summary>A GET carrying a body is refused with <see cref="ProblemKind.ParamsInBody"/> (CallRail 406).</summary>
    public bool RejectsGetBody { get; init; }

    /// <summary>Status for <see cref="Faults.WrongStatus"/>: replaces the not-found status.</summary>
    public int WrongNotFoundStatus { get; init; } = 400;
}
