using Conformance.Pact.Interop;

namespace Conformance.Pact.Tests.Interop;

public sealed class PactLibraryTests
{
    [Test]
    public void Version_LoadedLibrary_IsPinnedRelease()
    {
        Assert.That(PactLibrary.Version, Is.EqualTo("0.5.8"));
    }

    [Test]
    public void LibraryPath_AfterBuild_IsNextToAssembly()
    {
        Assert.That(File.Exists(PactLibraryResolver.LibraryPath), Is.True, PactLibraryResolver.LibraryPath);
    }

    [Test]
    public void EnsureBuffer_CalledTwice_SetUpOnceWithSuccess()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PactLog.EnsureBuffer(), Is.Zero);
            Assert.That(PactLog.EnsureBuffer(), Is.Zero);
        });
    }

    [Test]
    public void LibraryVersion_PublicDiagnostics_SameAsBinding()
    {
        Assert.That(PactDiagnostics.LibraryVersion, Is.EqualTo(PactLibrary.Version));
    }

    [Test]
    public void Tail_TwoLines_AtMostTwoLines()
    {
        Assert.That(PactLog.Tail(2).Split(Environment.NewLine), Has.Length.LessThanOrEqualTo(2));
    }
}
