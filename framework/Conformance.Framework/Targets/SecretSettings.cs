using Conformance.Contracts;
using Conformance.Diagnostics;
using Conformance.Reporting;

namespace Conformance.Targets;

/// <summary>
/// The per-API settings whose values are secrets: the token, the client certificate's password, the token request's
/// secrets, and each variable named like a credential (<c>&lt;api&gt;.var.tenant_secret</c>). A value shorter than
/// <see cref="Redactor.MinSecretLength"/> is never masked (masking two characters wherever they appear would garble every
/// report), so it is refused when the settings are read (CT0303), every such setting named, none of the values shown.
/// </summary>
public static class SecretSettings
{
    /// <summary>Why a secret of fewer than <see cref="Redactor.MinSecretLength"/> characters is refused, in each such error.</summary>
    public const string TooShortToMask = "a secret this short is not masked in reports (masking so few characters wherever they appear would garble them), so it would be shown there (the value is not shown here)";

    /// <summary>The secret settings of an API besides its variables: the token, then those named by the settings that read them.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["token", .. TlsSettings.SecretKeys, .. OAuth.OAuthSettings.SecretKeys];

    /// <summary>One CT0303 per secret setting of <paramref name="pack"/> that is set, trimmed, to fewer than <see cref="Redactor.MinSecretLength"/> characters.</summary>
    public static void Check(ApiPack pack, SettingsSource source, List<Diagnostic> errors)
    {
        foreach (var key in Keys.Where(k => IsShort(source.Get(pack.Name, k))))
        {
            errors.Add(Short(pack.Name, key, "Give the whole credential; a test account's needs at least 4 characters."));
        }

        foreach (var name in pack.Vars.Keys.Where(Redactor.IsCredentialName).Where(v => IsShort(source.Get($"{pack.Name}.var", v))))
        {
            errors.Add(Short($"{pack.Name}.var", name, "Give the whole credential; if the variable holds no secret, rename it in api.yaml so its name does not read as a credential's."));
        }
    }

    /// <summary>Too short to mask once the whitespace a secret store keeps around it is trimmed; a control character inside is an error of its own.</summary>
    public static bool IsShort(string? value) => value?.Trim() is { Length: > 0 and < Redactor.MinSecretLength } trimmed && !trimmed.Any(char.IsControl);

    private static Diagnostic Short(string scope, string key, string fix) =>
        TargetResolver.Error(
            ErrorCodes.InvalidSetting,
            scope,
            key,
            $"{scope}.{key} has fewer than {Redactor.MinSecretLength} characters",
            TooShortToMask,
            fix);
}
