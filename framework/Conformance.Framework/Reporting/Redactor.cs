namespace Conformance.Reporting;

/// <summary>
/// Masks secrets everywhere text leaves the process: values of credential headers (Authorization, Cookie, the
/// packs' auth headers), secret query parameters, and any configured token wherever it appears.
/// </summary>
public sealed class Redactor
{
    public const string Mask = "***";
    private static readonly string[] AlwaysSecretHeaders = ["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Api-Key"];
    private readonly HashSet<string> secretNames;
    private readonly List<string> secretValues;

    public Redactor(IEnumerable<string?> secretValues, IEnumerable<string?> secretNames)
    {
        this.secretValues = secretValues.OfType<string>().Where(v => v.Length >= 4).Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length).ToList();
        this.secretNames = new HashSet<string>(AlwaysSecretHeaders.Concat(secretNames.OfType<string>()), StringComparer.OrdinalIgnoreCase);
    }

    public static Redactor None { get; } = new([], []);

    public bool IsSecretName(string name) => secretNames.Contains(name);

    public string Value(string name, string value) => IsSecretName(name) ? Mask : Text(value);

    public string Text(string text)
    {
        foreach (var secret in secretValues)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
