namespace Conformance.Targets;

/// <summary>
/// The run's <see cref="HostLimit"/>s, one per distinct target host: scheme, host (case-insensitive) and port of where a
/// request goes (the API's base URL, or a token URL), so two packs pointed at one gateway share one. The embedded
/// reference API is not limited (<see cref="TargetClient"/>).
/// </summary>
public sealed class HostLimits : IDisposable
{
    private readonly Dictionary<string, HostLimit> hosts = new(StringComparer.Ordinal);
    private readonly Lock sync = new();
    private readonly int concurrency;
    private readonly double requestsPerSecond;
    private readonly Func<TimeProvider> time;

    private HostLimits(int concurrency, double requestsPerSecond, Func<TimeProvider> time)
    {
        this.concurrency = concurrency;
        this.requestsPerSecond = requestsPerSecond;
        this.time = time;
    }

    /// <summary>The limits <paramref name="settings"/> set, or null when neither is set (no host is limited).</summary>
    /// <param name="time">The run's clock (<c>ConformanceRun.Time</c>), asked at each use; null: the system's.</param>
    public static HostLimits? For(RunSettings settings, Func<TimeProvider>? time = null) =>
        settings.HostConcurrency > 0 || settings.HostRequestsPerSecond > 0 ? new HostLimits(settings.HostConcurrency, settings.HostRequestsPerSecond, time ?? SystemClock) : null;

    /// <summary>The host's key: <c>https://api.example.com:443</c>.</summary>
    internal static string Key(Uri url) => $"{url.Scheme}://{url.Host.ToLowerInvariant()}:{url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The limit of the host <paramref name="url"/> is on, made on first use.</summary>
    internal HostLimit For(Uri url)
    {
        var key = Key(url);
        lock (sync)
        {
            if (!hosts.TryGetValue(key, out var limit))
            {
                limit = new HostLimit(concurrency, requestsPerSecond, time);
                hosts[key] = limit;
            }

            return limit;
        }
    }

    /// <summary>The system's clock, for a client or limits made outside a run.</summary>
    internal static TimeProvider SystemClock() => TimeProvider.System;

    public void Dispose()
    {
        foreach (var limit in hosts.Values)
        {
            limit.Dispose();
        }
    }
}
