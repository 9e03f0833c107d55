namespace Conformance.Checks;

/// <summary>How much a failing check counts: error fails the case, warning is reported only, off skips the check.</summary>
public enum Severity
{
    Error,
    Warning,
    Off,
}

public static class SeverityParser
{
    public static Severity? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "ERROR" => Severity.Error,
        "WARNING" or "WARN" => Severity.Warning,
        "OFF" => Severity.Off,
        _ => null,
    };
}
