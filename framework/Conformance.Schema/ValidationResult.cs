namespace Conformance.Schema;

/// <summary>The outcome of validating one instance.</summary>
public sealed record ValidationResult(bool IsValid, IReadOnlyList<ValidationError> Errors)
{
    internal static ValidationResult Valid { get; } = new(true, []);
}
