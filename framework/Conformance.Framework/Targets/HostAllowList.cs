using Conformance.Diagnostics;

namespace Conformance.Targets;

/// <summary>
/// <c>conformance.allowedHosts</c>: the hosts a run may send to, a comma list of host names (<c>staging.example.com</c>,
/// <c>10.0.0.7</c>, <c>[::1]</c>) and wildcards for every name below one (<c>*.staging.example.com</c>: any name ending in
/// <c>.staging.example.com</c>, not that name itself), compared case-insensitively and without a trailing dot. An entry
/// that would never match a host is refused with CT0303 and what it should read: a URL (<c>https://staging.example.com</c>),
/// a port or a path (a host's port is not part of the check), a <c>*</c> anywhere but in front of a dot, or text that is
/// no host name. Before, such an entry was kept and matched nothing, so every pack's base URL was refused (CT0302).
/// </summary>
public sealed class HostAllowList
{
    private readonly string[] names;
    private readonly string[] suffixes;

    private HostAllowList(IReadOnlyList<string> entries)
    {
        Entries = entries;
        names = [.. entries.Where(e => !e.StartsWith("*.", StringComparison.Ordinal)).Select(Normal)];
        suffixes = [.. entries.Where(e => e.StartsWith("*.", StringComparison.Ordinal)).Select(e => Normal(e[1..]))];
    }

    public static HostAllowList None { get; } = new([]);

    /// <summary>The entries as given (trimmed), for messages.</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>True when the setting lists no host: every host is allowed.</summary>
    public bool IsEmpty => Entries.Count == 0;

    public bool Allows(string host)
    {
        var name = Normal(host);
        return IsEmpty
            || names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            || suffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    public override string ToString() => string.Join(", ", Entries);

    /// <summary>Reads the setting; each entry that could never match is one error (which breaks every case of the run).</summary>
    public static HostAllowList Read(string? text, List<Diagnostic> errors)
    {
        var entries = new List<string>();
        foreach (var entry in text?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [])
        {
            if (Problem(entry) is { } problem)
            {
                errors.Add(TargetResolver.Error(ErrorCodes.InvalidSetting, "conformance", "allowedHosts", problem.What, "conformance.allowedHosts (or CONFORMANCE_CONFORMANCE_ALLOWEDHOSTS) lists host names, each compared with the host of a base URL or token URL alone, so this entry would match none", problem.Fix));
            }
            else
            {
                entries.Add(entry);
            }
        }

        return new HostAllowList(entries);
    }

    private static (string What, string Fix)? Problem(string entry)
    {
        var quoted = $"'{entry}'";
        if (entry.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(entry, UriKind.Absolute, out var url) && url.Host.Length > 0
                ? ($"{quoted} is a URL, not a host name", $"Write its host alone: did you mean '{url.Host}'?")
                : ($"{quoted} is not a host name", "Write the host alone, such as staging.example.com.");
        }

        var host = entry.Split('/')[0];
        var port = host.StartsWith('[') ? host.IndexOf("]:", StringComparison.Ordinal) + 1 : (host.Count(c => c == ':') == 1 ? host.IndexOf(':', StringComparison.Ordinal) : -1);
        if (port > 0)
        {
            host = host[..port];
        }

        var wildcard = host.StartsWith("*.", StringComparison.Ordinal);
        var name = wildcard ? host[2..] : host;
        if (name.Contains('*', StringComparison.Ordinal) || name.Length == 0 || Uri.CheckHostName(name.TrimEnd('.')) == UriHostNameType.Unknown)
        {
            return entry == "*"
                ? ($"{quoted} is not a host name", "Leave conformance.allowedHosts unset to allow every host, or list the hosts (*.example.com allows every name below example.com).")
                : ($"{quoted} is not a host name", "Write a host name such as staging.example.com, or *.staging.example.com for every name below it.");
        }

        return host != entry
            ? ($"{quoted} has a {(port > 0 ? "port" : "path")}", $"Write its host alone: did you mean '{host}'?")
            : null;
    }

    private static string Normal(string host) => host.TrimEnd('.');
}
