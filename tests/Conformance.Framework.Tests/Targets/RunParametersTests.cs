using Conformance.Targets;

namespace Conformance.Framework.Tests.Targets;

/// <summary>
/// The runsettings parameters the NUnit adapter would lose silently: a name given twice (it then stops reading the file,
/// and the run ignored --filter: 139 cases instead of 21), no value attribute, no name. Each is one CT0303 at its line.
/// </summary>
public sealed class RunParametersTests
{
    private string folder = null!;

    [SetUp]
    public void MakeFolder() => folder = Directory.CreateTempSubdirectory("conformance-runsettings-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Check_NameGivenTwice_ErrorAtTheSecondWithTheFirstLine()
    {
        var path = Write("""
            <Parameter name="conformance.timeoutSeconds" value="5" />
            <Parameter name="notes.token" value="secret-value-1234" />
            <Parameter name="conformance.timeoutSeconds" value="7" />
            """);

        Assert.That(RunParameters.Check(path).Select(d => d.ToString()), Is.EqualTo(new[]
        {
            $"{path}(6,6): error CT0303: Parameter 'conformance.timeoutSeconds' is set a second time (first at line 4), the NUnit adapter stops reading the run's settings at a name it has read before, and the run then ignores --filter: every case of every pack is listed, and none sends a request while this stands. Fix: Keep one Parameter named 'conformance.timeoutSeconds'.",
        }));
    }

    [Test]
    public void Check_NoValueNoNameAndSpacedName_OneErrorEach()
    {
        var path = Write("""
            <Parameter name="notes.baseUrl" />
            <Parameter value="secret-value-1234" />
            <Parameter name=" notes.token" value="secret-value-1234" />
            """);

        var errors = RunParameters.Check(path).Select(d => d.ToString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.EqualTo(new[]
            {
                $"{path}(4,6): error CT0303: Parameter 'notes.baseUrl' has no value attribute, the NUnit adapter reads only parameters with one, so this setting is not used. Fix: Write <Parameter name=\"notes.baseUrl\" value=\"...\" />, or remove it.",
                $"{path}(5,6): error CT0303: A Parameter without a name, the NUnit adapter skips it, so its value is not used. Fix: Give it name=\"<scope>.<key>\" (a setting of the README's table) or remove it.",
                $"{path}(6,6): error CT0303: Parameter ' notes.token' has whitespace around its name, the run reads 'notes.token', and a name with whitespace is another one, so this setting is not used. Fix: Write name=\"notes.token\".",
            }));
            Assert.That(string.Join("\n", errors), Does.Not.Contain("secret-value"));
        });
    }

    [Test]
    public void Check_WellFormedParametersAndOthersElsewhere_NoError()
    {
        var path = Write("""
            <Parameter name="conformance.timeoutSeconds" value="5" />
            <Parameter name="notes.baseUrl" value="" />
            </TestRunParameters>
            <NUnit><Parameter name="conformance.timeoutSeconds" /></NUnit>
            <TestRunParameters>
            """);

        Assert.That(RunParameters.Check(path), Is.Empty);
    }

    [Test]
    public void Check_NoFileOrNoXml_NoError()
    {
        var broken = Path.Combine(folder, "broken.runsettings");
        File.WriteAllText(broken, "<RunSettings><TestRunParameters><Parameter name=");

        Assert.Multiple(() =>
        {
            Assert.That(RunParameters.Check(null), Is.Empty);
            Assert.That(RunParameters.Check(Path.Combine(folder, "missing.runsettings")), Is.Empty);
            Assert.That(RunParameters.Check(broken), Is.Empty, "the test platform refuses a file that is no XML itself");
        });
    }

    [Test]
    public void CheckArguments_NameGivenTwiceOnTheCommandLine_OneErrorWithoutItsValues()
    {
        string[] args = ["--filter", "Category=notes", "--test-parameter", "conformance.maxRetries=1", "notes.token=secret-value-1234", "--test-parameter", "conformance.maxRetries=2", "--report-trx"];

        var errors = RunParameters.CheckArguments(args).Select(d => d.ToString()).ToList();

        Assert.That(errors, Is.EqualTo(new[]
        {
            "arguments:--test-parameter conformance.maxRetries(1,1): error CT0303: --test-parameter gives 'conformance.maxRetries' a second time, the NUnit adapter stops reading the run's settings at a name it has read before, and the run then ignores --filter: every case of every pack is listed, and none sends a request while this stands. Fix: Give 'conformance.maxRetries' once on the command line.",
        }));
    }

    [Test]
    public void CheckArguments_EachNameOnce_NoError() =>
        Assert.That(RunParameters.CheckArguments(["--test-parameter", "a.b=1", "a.c=2", "--test-parameter", "a.d=3", "--filter", "x=y"]), Is.Empty);

    /// <summary>A runsettings file whose TestRunParameters hold <paramref name="parameters"/> (from line 4 on).</summary>
    private string Write(string parameters)
    {
        var path = Path.Combine(folder, "run.runsettings");
        File.WriteAllText(path, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<RunSettings>\n  <TestRunParameters>\n"
            + string.Join("\n", parameters.Split('\n').Select(l => "    " + l)) + "\n  </TestRunParameters>\n</RunSettings>\n");
        return path;
    }
}
