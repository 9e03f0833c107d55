using System.Collections.Concurrent;
using Microsoft.Testing.Platform.Extensions.Messages;

namespace Conformance.Trx;

/// <summary>
/// Keeps every final test result of a session, in arrival order; safe to call from any number of threads at once.
/// </summary>
internal sealed class TrxResultCollector(TimeProvider time)
{
    private readonly ConcurrentQueue<TrxTestResult> results = new();

    /// <summary>The results so far.</summary>
    public IReadOnlyList<TrxTestResult> Results => [.. results];

    /// <summary>Adds the update when it is final; returns whether it was.</summary>
    public bool Add(TestNode node, string adapterTypeName)
    {
        var result = TrxResultMapper.Map(node, adapterTypeName, time.GetUtcNow(), Guid.NewGuid());
        if (result is null)
        {
            return false;
        }

        results.Enqueue(result);
        return true;
    }
}
