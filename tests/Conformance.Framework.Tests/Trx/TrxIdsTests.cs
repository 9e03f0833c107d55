using Conformance.Trx;

namespace Conformance.Framework.Tests.Trx;

public sealed class TrxIdsTests
{
    [Test]
    public void ForTest_Name_IsFirst16BytesOfSha256()
    {
        Assert.That(TrxIds.ForTest("Ns.Class.Method"), Is.EqualTo(new Guid("5d94f55f-9f02-3218-b5a8-8cd61d463995")));
    }

    [Test]
    public void ForTest_SameNameTwice_SameId()
    {
        var first = TrxIds.ForTest("Probe.Tests.Cases(1)");
        var second = TrxIds.ForTest(string.Concat("Probe.Tests.", "Cases(1)"));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void ForTest_OtherArguments_OtherId()
    {
        Assert.That(TrxIds.ForTest("Probe.Tests.Cases(1)"), Is.Not.EqualTo(TrxIds.ForTest("Probe.Tests.Cases(2)")));
    }
}
