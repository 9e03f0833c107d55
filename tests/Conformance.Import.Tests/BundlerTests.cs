using Conformance.Import.Bundling;
using YamlDotNet.RepresentationModel;

namespace Conformance.Import.Tests;

/// <summary>The bundler's parts: a file referred to read by the YAML 1.2 core schema, and a document with no such reference left to the reader as it is.</summary>
public sealed class BundlerTests
{
    [Test]
    public void Convert_CoreSchemaScalars_TypedAsYaml12ReadsThem()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader("a: 1e400\nb: '1'\nc: ~\nd: True\ne: 0x1F\nf: .5\ng: +007\nh: .inf\ni: 123456789012345678901234567890\nj: !!str 2\nk:\nl: 1.\n"));

        var json = YamlCore.Convert(stream.Documents[0].RootNode)!.ToJsonString();

        Assert.That(json, Is.EqualTo("""{"a":1e400,"b":"1","c":null,"d":true,"e":31,"f":0.5,"g":7,"h":".inf","i":123456789012345678901234567890,"j":"2","k":null,"l":1}"""));
    }

    [Test]
    public void Bundle_OnlyLocalAndWebReferences_NullSoTheDocumentIsReadAsItIs()
    {
        const string Text = "openapi: 3.0.3\npaths:\n  /t:\n    get:\n      responses:\n        '200': { $ref: '#/components/responses/Ok' }\n        '404': { $ref: 'https://conformance.invalid/r.yaml' }\n";

        var bundled = Bundler.Bundle("/nowhere/main.yaml", "main.yaml", Text, json: false, out var errors, out _);

        Assert.Multiple(() =>
        {
            Assert.That(bundled, Is.Null);
            Assert.That(errors, Is.Empty);
        });
    }
}
