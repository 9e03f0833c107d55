namespace Conformance.Checks;

/// <summary>One named property of a response. Pure: same context, same result.</summary>
public interface ICheck
{
    /// <summary>Stable snake_case id used in filters, severities, reports and tags.</summary>
    string Id { get; }

    CheckResult Evaluate(CheckContext context);
}

public enum Outcome
{
    Passed,
    Failed,
    Warning,
    NotApplicable,
}

/// <summary>What a check found. <see cref="Message"/> is written for the person who must fix the API.</summary>
public sealed record CheckResult(string CheckId, Outcome Outcome, string Message, IReadOnlyList<string> Details)
{
    public static CheckResult Pass(string id, string message) => new(id, Outcome.Passed, message, []);

    public static CheckResult Fail(string id, string message, IReadOnlyList<string>? details = null) => new(id, Outcome.Failed, message, details ?? []);

    public static CheckResult Skip(string id, string why) => new(id, Outcome.NotApplicable, why, []);
}
