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
    public void FetchGlobal_BufferSinkActive_ReturnsText()
    {
        Assert.That(PactLog.EnsureBuffer(), Is.Zero);
        Assert.That(PactLog.FetchGlobal(), Is.Not.Null);
    }
}
