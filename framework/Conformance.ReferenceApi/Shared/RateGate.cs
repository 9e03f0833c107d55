namespace Conformance.ReferenceApi.Shared;

/// <summary>
/// A sliding-window limit per client: at most <paramref name="limit"/> admitted requests within
/// <paramref name="window"/>. Refused requests are not counted, so a client that waits one window gets in again.
/// </summary>
internal sealed class RateGate(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Dictionary<string, Queue<long>> admitted = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public int Limit => limit;

    public TimeSpan Window => window;

    /// <summary>Admits the request when the client is under the limit; remaining is what is left after it.</summary>
    public bool TryEnter(string client, out int remaining)
    {
        var now = time.GetTimestamp();
        lock (gate)
        {
            if (!admitted.TryGetValue(client, out var hits))
            {
                hits = new Queue<long>();
                admitted[client] = hits;
            }

            while (hits.Count > 0 && time.GetElapsedTime(hits.Peek(), now) >= window)
            {
                hits.Dequeue();
            }

            if (hits.Count >= limit)
            {
                remaining = 0;
                return false;
            }

            hits.Enqueue(now);
            remaining = limit - hits.Count;
            return true;
        }
    }
}
