using Conformance.Engine;

namespace Conformance.Framework.Tests.Engine;

public sealed class ApiGateTests
{
    [Test]
    public async Task EnterAsync_ExclusiveWhileShared_WaitsForSharedToLeave()
    {
        using var gate = new ApiGate();
        var shared = await gate.EnterAsync(exclusive: false, CancellationToken.None);
        var exclusive = gate.EnterAsync(exclusive: true, CancellationToken.None);
        await Task.Delay(50);
        Assert.That(exclusive.IsCompleted, Is.False);
        await shared.DisposeAsync();
        await using var held = await exclusive.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(exclusive.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task EnterAsync_SharedWhileExclusive_WaitsUntilReleased()
    {
        using var gate = new ApiGate();
        var exclusive = await gate.EnterAsync(exclusive: true, CancellationToken.None);
        var shared = gate.EnterAsync(exclusive: false, CancellationToken.None);
        await Task.Delay(50);
        Assert.That(shared.IsCompleted, Is.False);
        await exclusive.DisposeAsync();
        await using var held = await shared.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(shared.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task EnterAsync_TwoShared_BothEnter()
    {
        using var gate = new ApiGate();
        await using var a = await gate.EnterAsync(exclusive: false, CancellationToken.None);
        await using var b = await gate.EnterAsync(exclusive: false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(b, Is.Not.Null);
    }
}
